export * from './format-error';
export * from './validation.pipe';
export * from './pagination';
export * from './limits';
export * from './rate-limit';
