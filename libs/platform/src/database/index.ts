export * from './data-source-options';
export * from './database.module';
export * from './transaction';
export * from './migrate';
export * from './seed';
export * from './records';
export * from './prepared-query';
export * from './consents';
