// The requests' GraphQL types, one file per kind; imported from here as before.
export * from './need-enums';
export * from './need-inputs.types';
export * from './need-outputs.types';
