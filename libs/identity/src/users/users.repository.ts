import { Injectable } from '@nestjs/common';
import { firstRow, onlyRow, Queryable } from '@prossimo/platform';
import { Role } from './role';

type Row = Record<string, unknown>;

/**
 * Accounts and their roles as sign-in and the personal-data handlers (erasure, export) write and
 * read them; every method runs in the caller's transaction (`db`).
 */
@Injectable()
export class UsersRepository {
  /**
   * A new account with nothing in it (no number, name or role): the api's warm-up signs it in and
   * deletes it; answers its id.
   */
  async createBlankAccount(db: Queryable): Promise<string> {
    return (await onlyRow<{ id: string }>(db, `INSERT INTO users DEFAULT VALUES RETURNING id`, [])).id;
  }

  /** Deletes an account outright (its roles and sessions go with it, by cascade). */
  async deleteAccount(db: Queryable, userId: string): Promise<void> {
    await db.query(`DELETE FROM users WHERE id = $1`, [userId]);
  }

  /**
   * A person whose number counts as verified, created or renamed (the launcher's demo people);
   * answers the account's id.
   */
  async upsertVerifiedPerson(db: Queryable, phoneE164: string, displayName: string): Promise<string> {
    const person = await onlyRow<{ id: string }>(
      db,
      `INSERT INTO users (phone_e164, display_name, phone_verified_at) VALUES ($1, $2, now())
       ON CONFLICT (phone_e164) DO UPDATE SET display_name = excluded.display_name RETURNING id`,
      [phoneE164, displayName],
    );
    return person.id;
  }

  /** A new or returning account is a citizen (kept if it already is). */
  async grantCitizenRole(db: Queryable, userId: string): Promise<void> {
    await db.query(`INSERT INTO user_roles (user_id, role) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
      userId,
      Role.CITIZEN,
    ]);
  }

  /** Locks the account row for its erasure. */
  async lockForErasure(
    db: Queryable,
    userId: string,
  ): Promise<{ phone_e164: string | null; status: string } | undefined> {
    return firstRow(db, `SELECT phone_e164, status FROM users WHERE id = $1 FOR UPDATE`, [userId]);
  }

  /** The account's status and roles, for an erasure by staff. */
  async findStatusWithRoles(
    db: Queryable,
    userId: string,
  ): Promise<{ status: string; roles: string[] } | undefined> {
    return firstRow(
      db,
      `SELECT u.status, ARRAY(SELECT role FROM user_roles r WHERE r.user_id = u.id) AS roles
           FROM users u WHERE u.id = $1`,
      [userId],
    );
  }

  /** Deletes the account's sessions; answers how many. */
  async deleteSessions(db: Queryable, userId: string): Promise<number> {
    const [, deleted]: [unknown[], number] = await db.query(`DELETE FROM sessions WHERE user_id = $1`, [
      userId,
    ]);
    return deleted;
  }

  async deleteRoles(db: Queryable, userId: string): Promise<void> {
    await db.query(`DELETE FROM user_roles WHERE user_id = $1`, [userId]);
  }

  /** Blanks the account (number, name, codice fiscale) and marks it erased; its id stays. */
  async blankErasedAccount(db: Queryable, userId: string): Promise<void> {
    await db.query(
      `UPDATE users SET phone_e164 = NULL, display_name = NULL, phone_verified_at = NULL, status = 'erased',
              codice_fiscale_encrypted = NULL, codice_fiscale_hmac = NULL, updated_at = now() WHERE id = $1`,
      [userId],
    );
  }

  /** The account as "download my data" shows it, with the codice fiscale still encrypted. */
  async accountForExport(
    db: Queryable,
    userId: string,
  ): Promise<Row & { codice_fiscale_encrypted: string | null }> {
    return onlyRow<Row & { codice_fiscale_encrypted: string | null }>(
      db,
      `SELECT id, phone_e164 AS "phoneE164", display_name AS "displayName", language, status,
              phone_verified_at AS "phoneVerifiedAt", created_at AS "createdAt", codice_fiscale_encrypted
         FROM users WHERE id = $1`,
      [userId],
    );
  }

  /** The account's roles, oldest first. */
  async rolesForExport(db: Queryable, userId: string): Promise<Row[]> {
    return db.query(
      `SELECT role, territory_id AS "territoryId", organisation_id AS "organisationId", created_at AS "createdAt"
         FROM user_roles WHERE user_id = $1 ORDER BY created_at`,
      [userId],
    );
  }
}
