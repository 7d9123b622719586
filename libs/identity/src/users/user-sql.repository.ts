import { firstRow, Queryable } from '@prossimo/platform';

// SQL parts and module functions of identity's users and user_roles for other libraries'
// statements (issue 19: the table names stay in the owner's files).

/**
 * SQL condition: the user whose id is the SQL `userIdColumn` is active with a verified phone.
 * `offsetZero` ends the sub-select with OFFSET 0, which keeps the planner from pulling it up into
 * a join: the check then runs per row, in the order the caller wrote its conditions.
 */
export function activeVerifiedUserSql(userIdColumn: string, options: { offsetZero?: boolean } = {}): string {
  return `EXISTS (SELECT 1 FROM users u WHERE u.id = ${userIdColumn} AND u.status = 'active'
       AND u.phone_verified_at IS NOT NULL${options.offsetZero ? ' OFFSET 0' : ''})`;
}

/** The accounts under the caller's alias, for a FROM. */
export const usersAs = (alias: string): string => `users ${alias}`;

/** Joins the account `alias` whose id is `userIdColumn` (LEFT JOIN: it may be null). */
export const leftJoinUserSql = (alias: string, userIdColumn: string): string =>
  `LEFT JOIN users ${alias} ON ${alias}.id = ${userIdColumn}`;

/** Joins the account `alias` whose id is `userIdColumn`, keeping the row only while the account is active. */
export const joinActiveUserSql = (alias: string, userIdColumn: string): string =>
  `JOIN users ${alias} ON ${alias}.id = ${userIdColumn} AND ${alias}.status = 'active'`;

/** True when the account whose id is `userIdColumn` is active (sub-select alias `u`). */
export const activeUserSql = (userIdColumn: string): string =>
  `EXISTS (SELECT 1 FROM users u WHERE u.id = ${userIdColumn} AND u.status = 'active')`;

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

/** The role grants under the caller's alias, for a FROM or JOIN. */
export const userRolesAs = (alias: string): string => `user_roles ${alias}`;

/** The account's language; undefined when there is no such account. */
export async function readAccountLanguage(db: Queryable, userId: string): Promise<string | undefined> {
  const account = await firstRow<{ language: string }>(db, `SELECT language FROM users WHERE id = $1`, [
    userId,
  ]);
  return account?.language;
}

/**
 * The account's encrypted codice fiscale while the account is active: undefined when it is not
 * (or there is none), null when it has no codice fiscale.
 */
export async function readActiveFiscalCodeEncrypted(
  db: Queryable,
  userId: string,
): Promise<string | null | undefined> {
  const row = await firstRow<{ codice_fiscale_encrypted: string | null }>(
    db,
    `SELECT codice_fiscale_encrypted FROM users WHERE id = $1 AND status = 'active'`,
    [userId],
  );
  return row?.codice_fiscale_encrypted;
}

/** Sub-select: the display name of the account whose id is `userIdSql` (null: none, or no name). */
export const displayNameOfUserSql = (userIdSql: string): string =>
  `(SELECT display_name FROM users WHERE id = ${userIdSql})`;

/**
 * For a FROM: the roles (alias `alias`, user_roles' columns: user_id, role, territory_id,
 * organisation_id, created_at) held by active accounts.
 */
export const rolesOfActiveUsersSql = (alias: string): string =>
  `user_roles ${alias} JOIN users ${alias}_user ON ${alias}_user.id = ${alias}.user_id AND ${alias}_user.status = 'active'`;
