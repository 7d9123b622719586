// The library's pure rules: no Nest, TypeORM or database; loading this file loads none of them
// (rules-entry-points.spec.ts in libs/platform checks it). Import it as `@prossimo/insights/rules`.
export * from './periods/indicator-period';
export * from './open-data/open-data';
export * from './indicators/indicator-queries';
export * from './snapshots/indicator-snapshots';
export * from './snapshots/indicator-snapshot-changes';
