export * from './requests.module';
export * from './needs.service';
export * from './need-lifecycle';
export * from './need-lifecycle.service';
export * from './need-maintenance.processor';
export * from './need-maintenance.scheduler';
export * from './requests.types';
