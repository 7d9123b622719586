// The library's pure rules: no Nest, TypeORM or database; loading this file loads none of them
// (rules-entry-points.spec.ts in libs/platform checks it). Import it as `@prossimo/matching/rules`.
export * from './scoring/score';
export * from './pricing/shared-price';
export * from './engagements/engagement-rules';
export * from './messages/message-rules';
export * from './candidates/radius-steps';
export * from './assignment/batch-assignment';
export * from './assignment/timed-assignment';
export * from './assignment/batch-plan';
export * from './groups/care-grouping';
export * from './matching-tables-sql';
