// The library's pure rules: no Nest, TypeORM or database; loading this file loads none of them
// (rules-entry-points.spec.ts in libs/platform checks it). Import it as `@prossimo/identity/rules`.
export * from './phone/phone-number';
export * from './codice-fiscale/codice-fiscale';
