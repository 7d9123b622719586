export * from './account-erasure-handlers';
export * from './personal-data-export-handlers';
