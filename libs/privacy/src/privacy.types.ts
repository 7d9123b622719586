// Privacy's GraphQL types, one file per feature; imported from here as before.
export * from './consents/consent.types';
export * from './exports/data-export.types';
export * from './erasure/erasure.types';
export * from './audit-trail/audit-trail.types';
export * from './codice-fiscale/codice-fiscale-read.types';
