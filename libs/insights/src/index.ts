export * from './insights.module';
export * from './indicators.service';
export * from './indicator.types';
export * from './indicator-queries';
export * from './indicator-period';
export * from './open-data';
