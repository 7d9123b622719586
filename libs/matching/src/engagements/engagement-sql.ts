import { joinBeneficiaryOfNeedSql, joinNeedSql } from '@prossimo/requests';

// SQL parts of matching's engagements and proposals for other libraries' statements (issue 19:
// the table names stay in the owner's files).

/**
 * The people the user `userParam` dealt with through matching, as one column of a UNION: the
 * helpers engaged on or proposed for the needs of `ownNeedIdsSql` (a sub-select of need ids), and
 * the person helped (the beneficiary's account, else the need's author) where the user was the
 * helper. For privacy's counterparts of a person (account erasure).
 */
export const matchingCounterpartsSql = (userParam: string, ownNeedIdsSql: string): string =>
  `SELECT e.helper_user_id AS id FROM engagements e WHERE e.need_id IN (${ownNeedIdsSql})
         UNION SELECT mp.helper_user_id FROM match_proposals mp WHERE mp.need_id IN (${ownNeedIdsSql})
         UNION SELECT coalesce(b.user_id, n.author_user_id) FROM engagements e ${joinNeedSql('e.need_id')}
                 ${joinBeneficiaryOfNeedSql()} WHERE e.helper_user_id = ${userParam}`;
