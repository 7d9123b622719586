export * from './account-erasure-handlers';
