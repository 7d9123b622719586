// The library's pure rules: no Nest, TypeORM or database; loading this file loads none of them
// (rules-entry-points.spec.ts in libs/platform checks it). Import it as `@prossimo/directory/rules`.
export * from './validation/codice-fiscale';
export * from './validation/partita-iva';
export * from './organisations/accreditation-rules';
export * from './offers/offer-rules';
export * from './offers/price-bands';
