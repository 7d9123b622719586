export * from './format-error';
export * from './validation.pipe';
export * from './pagination';
export * from './limits';
export * from './rate-limit';
export * from './id-args.pipe';
export * from './domain-error.filter';
export * from './request-loader';
