export * from './format-error';
export * from './validation.pipe';
export * from './pagination';
