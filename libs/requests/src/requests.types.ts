// The requests' GraphQL types, one file per kind; imported from here as before.
export * from './needs/need-enums';
export * from './posting/need-inputs.types';
export * from './needs/need-outputs.types';
