export * from './field-encryption';
export * from './blind-index';
