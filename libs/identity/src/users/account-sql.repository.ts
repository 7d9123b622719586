import { firstRow, Queryable } from '@prossimo/platform';

// SQL parts and reads of identity's accounts (users) and role grants (user_roles) for other
// libraries' statements (issue 19: the table names stay in the owner's files). A part takes the
// alias the caller's statement gives the table, so the statement stays one, with the same plan
// and parameters.

/** The accounts under the caller's alias, for a FROM or JOIN (`FROM ${usersAs('u')}`). */
export const usersAs = (alias: string): string => `users ${alias}`;

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
