export * from './format-error';
export * from './validation.pipe';
