// SQL parts of identity's users table for other libraries' statements (issue 19: the table names
// stay in the owner's files).

/**
 * SQL condition: the user whose id is the SQL `userIdColumn` is active with a verified phone.
 * `offsetZero` ends the sub-select with OFFSET 0, which keeps the planner from pulling it up into
 * a join: the check then runs per row, in the order the caller wrote its conditions.
 */
export function activeVerifiedUserSql(userIdColumn: string, options: { offsetZero?: boolean } = {}): string {
  return `EXISTS (SELECT 1 FROM users u WHERE u.id = ${userIdColumn} AND u.status = 'active'
       AND u.phone_verified_at IS NOT NULL${options.offsetZero ? ' OFFSET 0' : ''})`;
}
