export * from './category-values';
