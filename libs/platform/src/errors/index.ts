export * from './domain-error';
export * from './service-unavailable';
export * from './rule-input-error';
