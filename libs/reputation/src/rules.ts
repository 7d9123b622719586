// The library's pure rules: no Nest, TypeORM or database; loading this file loads none of them
// (rules-entry-points.spec.ts in libs/platform checks it). Import it as `@prossimo/reputation/rules`.
export * from './aggregates/bayesian-average';
export * from './screening/comment-screening';
export * from './reviews/review-sql.repository';
export * from './aggregates/review-aggregate-sql.repository';
