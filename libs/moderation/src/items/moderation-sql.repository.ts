import { ContentType } from './moderation.types';

// SQL parts of moderation's items for other libraries' statements (issue 19: the table name stays in
// the owner's file). Each part takes the content's type, the SQL of the content's id (a column of the
// caller's statement) and the item's alias (`mi` unless said), so a caller's statement stays one
// statement with the same plan and parameters. The content type is written as a literal: it is one
// of ContentType's values, never user input.

/** `JOIN` (or `LEFT JOIN`: the content may have no item yet) the moderation item of the content. */
export const joinModerationItemSql = (
  contentType: ContentType,
  contentIdSql: string,
  options: { alias?: string; join?: 'JOIN' | 'LEFT JOIN' } = {},
): string => {
  const alias = options.alias ?? 'mi';
  return `${options.join ?? 'JOIN'} moderation_items ${alias} ON ${alias}.content_type = '${contentType}' AND ${alias}.content_id = ${contentIdSql}`;
};

/**
 * True when the content's item is published (what the public may see; also
 * ModerationService.publishedCondition). `fence` adds `OFFSET 0`,
 * which keeps the planner from pulling the sub-select up into a join (the candidate search relies
 * on it being checked per row, last).
 */
export const itemPublishedSql = (
  contentType: ContentType,
  contentIdSql: string,
  options: { alias?: string; fence?: boolean } = {},
): string => {
  const alias = options.alias ?? 'mi';
  return `EXISTS (SELECT 1 FROM moderation_items ${alias} WHERE ${alias}.content_type = '${contentType}'
      AND ${alias}.content_id = ${contentIdSql} AND ${alias}.status = 'published'${options.fence ? ' OFFSET 0' : ''})`;
};

/** The content's moderation status as a scalar sub-select (NULL when it has no item). */
export const moderationStatusSql = (contentType: ContentType, contentIdSql: string, alias = 'mi'): string =>
  `(SELECT ${alias}.status FROM moderation_items ${alias}
    WHERE ${alias}.content_type = '${contentType}' AND ${alias}.content_id = ${contentIdSql})`;

/** True when the joined item (alias `mi` unless said) is decided: published or rejected. */
export const itemDecidedSql = (alias = 'mi'): string => `${alias}.status IN ('published', 'rejected')`;
