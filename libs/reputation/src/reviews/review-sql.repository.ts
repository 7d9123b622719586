// SQL parts of reputation's reviews for other libraries' statements (issue 19: the table names stay
// in the owner's files). Pure text: exported by the index and the rules entry alike (insights builds
// its indicator statements in its pure entry).

/** SQL condition: the citizen's review of the engagement whose id is the SQL `engagementIdColumn` gave it fewer than 4 stars. */
export const poorCitizenReviewSql = (engagementIdColumn: string): string =>
  `EXISTS (SELECT 1 FROM reviews r WHERE r.engagement_id = ${engagementIdColumn}
                    AND r.author_side = 'citizen' AND r.overall_stars < 4)`;

/** The reviews under the caller's alias, for a FROM or JOIN. */
export const reviewsAs = (alias: string): string => `reviews ${alias}`;

/**
 * The people who reviewed the user `userParam`, and those the user reviewed: a UNION of
 * sub-selects of one column, for privacy's counterparts of a person (account erasure).
 */
export const reviewCounterpartsSql = (userParam: string): string =>
  `SELECT author_user_id FROM reviews WHERE subject_user_id = ${userParam}
         UNION SELECT subject_user_id FROM reviews WHERE author_user_id = ${userParam}`;
