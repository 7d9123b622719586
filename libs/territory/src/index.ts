export * from './territory.module';
export * from './territories/territory.service';
export * from './territories/territory.types';
export * from './territories/territory-of.repository';
export * from './comuni/comune-centres.repository';
export * from './comuni/comune-reads.repository';
export * from './territories/territory-comuni.repository';
export * from './territories/territory-coverage.module';
