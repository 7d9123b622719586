// SQL parts of reputation's rating aggregates for other libraries' statements (issue 19: the table
// names stay in the owner's files). Pure text: exported by the index and the rules entry alike.

/**
 * LEFT JOINs the aggregate `ra` (`review_count`, `overall_sum`) of the subject whose kind is
 * `subjectKind` and whose id is the SQL `subjectIdColumn`: nulls when it has no reviews yet.
 */
export const leftJoinReviewAggregateSql = (
  subjectKind: 'volunteer' | 'organisation',
  subjectIdColumn: string,
): string =>
  `LEFT JOIN review_aggregates ra ON ra.subject_kind = '${subjectKind}' AND ra.subject_id = ${subjectIdColumn}`;

/** The SQL of an offer's rating sources and of the Bayesian prior, as the caller's statement has them. */
export interface OfferRatingSql {
  /** The offer's id (a column of the caller's statement). */
  offerId: string;
  /** The offer's organisation's id. */
  organisationId: string;
  /** The prior mean and weight (float8) and the public minimum count of reviews (int). */
  mean: string;
  weight: string;
  minimum: string;
}

/**
 * The offer's Bayesian average as a scalar sub-select: its own reviews, else its organisation's,
 * each only from the public minimum count; otherwise the prior mean. Computed in the caller's
 * statement with the prior it passes, so a changed prior needs no recount.
 */
export function bayesianOfferRatingSql({
  offerId,
  organisationId,
  mean,
  weight,
  minimum,
}: OfferRatingSql): string {
  return `coalesce((SELECT (${weight} * ${mean} + ra.overall_sum) / (${weight} + ra.review_count)
        FROM review_aggregates ra
       WHERE ra.review_count >= ${minimum}
         AND ((ra.subject_kind = 'offer' AND ra.subject_id = ${offerId})
           OR (ra.subject_kind = 'organisation' AND ra.subject_id = ${organisationId}))
       ORDER BY ra.subject_kind = 'offer' DESC LIMIT 1), ${mean})`;
}
