export * from './moderation.module';
export * from './items/moderation.service';
export * from './items/moderation.types';
export * from './redaction/redaction';
export { blankModerationSummaries, deleteModerationRecords } from './personal-data/personal-data.repository';
export * from './moderation-personal-data.module';
export {
  itemDecidedSql,
  itemPublishedSql,
  joinModerationItemSql,
  moderationStatusSql,
} from './items/moderation-sql.repository';
