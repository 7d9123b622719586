export * from './moderation.module';
export * from './moderation.service';
export * from './moderation.types';
export * from './redaction';
export { blankModerationSummaries, deleteModerationRecords } from './personal-data.repository';
export * from './moderation-personal-data.module';
