import type { ContentType } from './moderation.types';

// SQL parts of moderation's tables for other libraries' statements (issue 19: the table names stay
// in the owner's files). Module functions, so that module-function repositories (the candidate
// search) compose them as well as services do.

/**
 * SQL condition: the content of `contentType` whose id is the SQL `idColumn` is published.
 * `offsetZero` ends the sub-select with OFFSET 0, which keeps the planner from pulling it up into
 * a join: the check then runs per row, in the order the caller wrote its conditions.
 */
export function publishedContentSql(
  contentType: ContentType,
  idColumn: string,
  options: { offsetZero?: boolean } = {},
): string {
  return `EXISTS (SELECT 1 FROM moderation_items mi WHERE mi.content_type = '${contentType}'
      AND mi.content_id = ${idColumn} AND mi.status = 'published'${options.offsetZero ? ' OFFSET 0' : ''})`;
}
