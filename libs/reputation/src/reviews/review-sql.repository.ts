// SQL parts of reputation's reviews for other libraries' statements (issue 19: the table names stay
// in the owner's files).

/** SQL condition: the citizen's review of the engagement whose id is the SQL `engagementIdColumn` gave it fewer than 4 stars. */
export const poorCitizenReviewSql = (engagementIdColumn: string): string =>
  `EXISTS (SELECT 1 FROM reviews r WHERE r.engagement_id = ${engagementIdColumn}
                    AND r.author_side = 'citizen' AND r.overall_stars < 4)`;
