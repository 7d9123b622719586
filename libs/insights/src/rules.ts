// The library's pure rules: no Nest, TypeORM or database; loading this file loads none of them
// (rules-entry-points.spec.ts in libs/platform checks it). Import it as `@prossimo/insights/rules`.
export * from './indicator-period';
export * from './open-data';
export * from './indicator-queries';
export * from './indicator-snapshots';
export * from './indicator-snapshot-changes';
