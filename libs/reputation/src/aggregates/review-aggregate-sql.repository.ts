// SQL parts of reputation's rating aggregates for other libraries' statements (issue 19: the table
// names stay in the owner's files).

/**
 * LEFT JOINs the aggregate `ra` (`review_count`, `overall_sum`) of the subject whose kind is
 * `subjectKind` and whose id is the SQL `subjectIdColumn`: nulls when it has no reviews yet.
 */
export const leftJoinReviewAggregateSql = (
  subjectKind: 'volunteer' | 'organisation',
  subjectIdColumn: string,
): string =>
  `LEFT JOIN review_aggregates ra ON ra.subject_kind = '${subjectKind}' AND ra.subject_id = ${subjectIdColumn}`;
