// SQL parts for other libraries' statements on identity's users and user_roles (as requests'
// joinNeedSql): each returns SQL text, the caller naming the alias and the SQL of the ids it joins
// on, so that the reader composes one statement with its own parameters and the same plan.

/** LEFT JOIN of the account `alias` whose id is `userIdSql` (no account: its columns are null). */
export function leftJoinUserSql(alias: string, userIdSql: string): string {
  return `LEFT JOIN users ${alias} ON ${alias}.id = ${userIdSql}`;
}

/** Sub-select: the display name of the account whose id is `userIdSql` (null: none, or no name). */
export function displayNameOfUserSql(userIdSql: string): string {
  return `(SELECT display_name FROM users WHERE id = ${userIdSql})`;
}

/**
 * FROM item: the roles (alias `alias`, user_roles' columns: user_id, role, territory_id,
 * organisation_id, created_at) held by active accounts.
 */
export function rolesOfActiveUsersSql(alias: string): string {
  return `user_roles ${alias} JOIN users ${alias}_user ON ${alias}_user.id = ${alias}.user_id AND ${alias}_user.status = 'active'`;
}
