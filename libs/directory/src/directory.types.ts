// The directory's GraphQL types, one file per area; imported from here as before.
export * from './enums/directory-enums';
export * from './organisations/organisation.types';
export * from './organisations/accreditation.types';
export * from './offers/service-offer.types';
