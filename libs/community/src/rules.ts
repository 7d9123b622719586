// The library's pure rules: no Nest, TypeORM or database; loading this file loads none of them
// (rules-entry-points.spec.ts in libs/platform checks it). Import it as `@prossimo/community/rules`.
export * from './availability/time-windows';
export * from './calls/call-message-rules';
