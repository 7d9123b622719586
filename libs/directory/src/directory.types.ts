// The directory's GraphQL types, one file per area; imported from here as before.
export * from './directory-enums';
export * from './organisation.types';
export * from './accreditation.types';
export * from './service-offer.types';
