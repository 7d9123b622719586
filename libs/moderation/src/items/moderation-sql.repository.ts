import type { ContentType } from './moderation.types';

// SQL parts for other libraries' statements on moderation's items (as ModerationService's
// publishedCondition): module functions, for readers whose statements are module constants.

/**
 * JOIN of the moderation item `alias` (its status, needs_review, ...) of the content of this type
 * whose id is `contentIdSql`; every submitted content has one.
 */
export function joinModerationItemSql(alias: string, contentType: ContentType, contentIdSql: string): string {
  return `JOIN moderation_items ${alias} ON ${alias}.content_type = '${contentType}' AND ${alias}.content_id = ${contentIdSql}`;
}
