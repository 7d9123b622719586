export * from './territory.module';
export * from './territory.service';
export * from './territory.types';
export * from './territory-of.repository';
export * from './comune-centres.repository';
