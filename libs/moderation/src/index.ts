export * from './moderation.module';
export * from './moderation.service';
export * from './moderation.types';
export * from './redaction';
export { blankModerationSummaries, deleteModerationRecords } from './personal-data-erasure';
