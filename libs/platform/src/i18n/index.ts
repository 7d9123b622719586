export * from './language';
export * from './messages';
export * from './rome-time';
export * from './wall-clock';
