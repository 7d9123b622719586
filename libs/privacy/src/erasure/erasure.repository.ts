import { Injectable } from '@nestjs/common';
import { VOLUNTEER_PROFILES_AS_V } from '@prossimo/community';
import { usersAs } from '@prossimo/identity';
import { matchingCounterpartsSql } from '@prossimo/matching';
import { deleteConsentsOf, onlyRow, Queryable } from '@prossimo/platform';
import { reviewCounterpartsSql } from '@prossimo/reputation';
import { joinBeneficiaryOfNeedSql, NEEDS_AS_N } from '@prossimo/requests';

/**
 * The account erasure's own statements: the erasure record (account_erasures) and privacy's rows
 * about the person (personal_data_exports; the consents through platform's deleteConsentsOf). Two
 * reads made of the owners' SQL parts, for notifications' search of the messages that may name the
 * person (docs/privacy.md, "Who erases what"): the names the person went by and who they dealt with
 * (COUNTERPARTS_OF_PERSON).
 */
/**
 * The people the person ($1) dealt with: helpers and citizens of their needs and engagements,
 * proposals, reviewers (requests', matching's and reputation's parts). A WITH clause defining
 * `counterparts(id)`, for notifications' search of the messages that may name the person.
 */
export const COUNTERPARTS_OF_PERSON = `WITH own_needs AS (
         SELECT n.id FROM ${NEEDS_AS_N} ${joinBeneficiaryOfNeedSql()}
          WHERE n.author_user_id = $1 OR b.user_id = $1),
       counterparts AS (
         ${matchingCounterpartsSql('$1', 'SELECT id FROM own_needs')}
         UNION ${reviewCounterpartsSql('$1')})`;

@Injectable()
export class ErasureRepository {
  /** The names the person went by (identity's users, community's volunteer profiles) and since when. */
  async findNamesOfPerson(db: Queryable, userId: string): Promise<{ names: string[]; since: Date }> {
    return onlyRow(
      db,
      `SELECT array_remove(ARRAY[u.display_name, v.display_name], NULL) AS names, u.created_at AS since
         FROM ${usersAs('u')} LEFT JOIN ${VOLUNTEER_PROFILES_AS_V} ON v.user_id = u.id WHERE u.id = $1`,
      [userId],
    );
  }

  /** The person's consents (platform's table, through its function). */
  async deleteConsentsOf(db: Queryable, userId: string): Promise<void> {
    await deleteConsentsOf(db, userId);
  }

  async deleteExportsOf(db: Queryable, userId: string): Promise<void> {
    await db.query(`DELETE FROM personal_data_exports WHERE user_id = $1`, [userId]);
  }

  /** The record of the erasure, without personal data. */
  async insertAccountErasure(
    db: Queryable,
    userId: string,
    requestedBy: 'self' | 'staff',
    summary: Record<string, number>,
  ): Promise<{ id: string; erasedAt: Date }> {
    return onlyRow(
      db,
      `INSERT INTO account_erasures (user_id, requested_by, summary) VALUES ($1, $2, $3)
       RETURNING id, erased_at AS "erasedAt"`,
      [userId, requestedBy, JSON.stringify(summary)],
    );
  }
}
