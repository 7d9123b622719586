import { firstValue, Queryable } from '@prossimo/platform';

// A module function for other libraries (matching's message relay), on the caller's `db`: the
// family contact is kept with the notification preferences, which are notifications' table.

/** The name of a consenting family contact of one of these accounts with this number; null: none. */
export async function familyContactNameOf(
  db: Queryable,
  userIds: readonly string[],
  phoneE164: string,
): Promise<string | null> {
  return (
    (await firstValue<string>(
      db,
      `SELECT family_name AS name FROM notification_preferences
        WHERE user_id = ANY($1::uuid[]) AND family_phone = $2 AND family_consent_at IS NOT NULL LIMIT 1`,
      [userIds, phoneE164],
    )) ?? null
  );
}
