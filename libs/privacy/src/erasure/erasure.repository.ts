import { Injectable } from '@nestjs/common';
import { deleteConsentsOf, onlyRow, Queryable } from '@prossimo/platform';

/**
 * The account erasure's own statements: the erasure record (account_erasures) and privacy's rows
 * about the person (consents, personal_data_exports). Two reads of other libraries' tables stay
 * here, for notifications' search of the messages that may name the person (docs/privacy.md, "Who
 * erases what"): the names the person went by and who they dealt with (COUNTERPARTS_OF_PERSON).
 */
/**
 * The people the person ($1) dealt with: helpers and citizens of their needs and engagements,
 * proposals, reviewers (requests', matching's and reputation's tables). A WITH clause defining
 * `counterparts(id)`, for notifications' search of the messages that may name the person.
 */
export const COUNTERPARTS_OF_PERSON = `WITH own_needs AS (
         SELECT n.id FROM needs n LEFT JOIN beneficiaries b ON b.id = n.beneficiary_id
          WHERE n.author_user_id = $1 OR b.user_id = $1),
       counterparts AS (
         SELECT e.helper_user_id AS id FROM engagements e WHERE e.need_id IN (SELECT id FROM own_needs)
         UNION SELECT mp.helper_user_id FROM match_proposals mp WHERE mp.need_id IN (SELECT id FROM own_needs)
         UNION SELECT coalesce(b.user_id, n.author_user_id) FROM engagements e JOIN needs n ON n.id = e.need_id
                 LEFT JOIN beneficiaries b ON b.id = n.beneficiary_id WHERE e.helper_user_id = $1
         UNION SELECT author_user_id FROM reviews WHERE subject_user_id = $1
         UNION SELECT subject_user_id FROM reviews WHERE author_user_id = $1)`;

@Injectable()
export class ErasureRepository {
  /** The names the person went by (identity's users, community's volunteer_profiles) and since when. */
  async findNamesOfPerson(db: Queryable, userId: string): Promise<{ names: string[]; since: Date }> {
    return onlyRow(
      db,
      `SELECT array_remove(ARRAY[u.display_name, p.display_name], NULL) AS names, u.created_at AS since
         FROM users u LEFT JOIN volunteer_profiles p ON p.user_id = u.id WHERE u.id = $1`,
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
