// SQL parts and module functions on identity's users and user_roles for other libraries'
// statements (issue 19: the table names stay in the owner's files), as requests' need-sql.

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
