import { Queryable } from '@prossimo/platform';

// SQL parts and module functions on identity's users and user_roles for other libraries'
// statements (issue 19: the table names stay in the owner's files), as requests' need-sql.

/** The accounts under the caller's alias, for a FROM. */
export const usersAs = (alias: string): string => `users ${alias}`;

/** Joins the account `alias` whose id is `userIdColumn` (LEFT JOIN: it may be null). */
export const leftJoinUserSql = (alias: string, userIdColumn: string): string =>
  `LEFT JOIN users ${alias} ON ${alias}.id = ${userIdColumn}`;

/**
 * The staff roles (sorted text array, empty when none) the user `userIdColumn` holds in the
 * territory `territoryIdColumn`: platform admin anywhere, Comune operator or moderator there.
 */
export const staffRolesInTerritorySql = (userIdColumn: string, territoryIdColumn: string): string =>
  `coalesce((SELECT array_agg(DISTINCT r.role ORDER BY r.role) FROM user_roles r
                         WHERE r.user_id = ${userIdColumn}
                           AND (r.role = 'platform_admin'
                                OR (r.territory_id = ${territoryIdColumn}
                                    AND r.role IN ('comune_operator', 'comune_moderator')))),
                       '{}')`;

/** Holds the account row FOR UPDATE until the caller's transaction ends (one request at a time per person). */
export async function lockAccountRow(db: Queryable, userId: string): Promise<void> {
  await db.query(`SELECT 1 FROM users WHERE id = $1 FOR UPDATE`, [userId]);
}
