import { EntityManager } from 'typeorm';
import { CombinedStatement } from './combined-statement';
import { writeAudit } from './audit-log.repository';
import { Queryable } from './queryable';

// The consents are platform's table: the helpers below write them, called by the libraries that
// rely on a consent (requests' health notes, notifications' family contact, identity's notice
// acceptance at sign-in), which sit below privacy and so cannot ask it. Privacy's consent screens,
// export and erasure read and delete them through the functions at the end of this file.

/** What a person may consent to, separately: the privacy notice, health data, a family contact. */
export type ConsentKindValue = 'privacy_notice' | 'health_data' | 'family_contact';

/**
 * Whether the person's consent of this kind is live. With `lock`, the consent row is held FOR
 * SHARE until the transaction ends, so a withdrawal (which updates the row and then applies its
 * effect) waits for a writer that relies on the consent, and the writer's data is purged after.
 */
export async function hasLiveConsent(
  manager: Queryable,
  userId: string,
  kind: Exclude<ConsentKindValue, 'privacy_notice'>,
  lock = false,
): Promise<boolean> {
  const rows: unknown[] = await manager.query(
    `SELECT 1 FROM consents WHERE user_id = $1 AND kind = $2 AND withdrawn_at IS NULL ${lock ? 'FOR SHARE' : ''}`,
    [userId, kind],
  );
  return rows.length > 0;
}

/**
 * True when the person whose id is `userIdColumn` (SQL) has a live consent of this kind: a condition
 * for another library's statement (alias `fc`).
 */
export function liveConsentSql(
  userIdColumn: string,
  kind: Exclude<ConsentKindValue, 'privacy_notice'>,
): string {
  return `EXISTS (SELECT 1 FROM consents fc WHERE fc.user_id = ${userIdColumn} AND fc.kind = '${kind}'
                                      AND fc.withdrawn_at IS NULL)`;
}

/**
 * Records a consent given by the person, in the caller's transaction, with its audit entry; a
 * live one of the same kind is kept as it is.
 */
export async function recordConsent(
  manager: EntityManager,
  userId: string,
  kind: Exclude<ConsentKindValue, 'privacy_notice'>,
): Promise<void> {
  const rows: unknown[] = await manager.query(
    `INSERT INTO consents (user_id, kind) VALUES ($1, $2)
     ON CONFLICT (user_id, kind) WHERE withdrawn_at IS NULL AND kind <> 'privacy_notice' DO NOTHING
     RETURNING id`,
    [userId, kind],
  );
  if (!rows.length) return;
  await writeAudit(manager, {
    actorUserId: userId,
    action: 'consent.granted',
    entityType: 'user',
    entityId: userId,
    details: { kind },
  });
}

/**
 * recordConsent and hasLiveConsent (with its lock) as parts of the caller's combined statement:
 * when `record` is true and `when` (SQL) holds, the consent is recorded (with its audit entry)
 * unless a live one exists. Returns SQL that is true when, after the statement, the consent is
 * live: recorded now, or live before and held FOR SHARE until the transaction ends.
 */
export function liveConsentIn(
  statement: CombinedStatement,
  userId: string,
  kind: Exclude<ConsentKindValue, 'privacy_notice'>,
  record: boolean,
  when = 'true',
): string {
  const user = statement.param(userId, 'uuid');
  const consentKind = statement.param(kind, 'text');
  // Held as hasLiveConsent(..., lock) holds it: a withdrawal waits for this writer, then purges.
  const held = statement.with(
    'consent_held',
    `SELECT 1 FROM consents WHERE user_id = ${user} AND kind = ${consentKind} AND withdrawn_at IS NULL FOR SHARE`,
  );
  if (!record) return `EXISTS (SELECT 1 FROM ${held})`;
  const recorded = statement.with(
    'consent_recorded',
    `INSERT INTO consents (user_id, kind) SELECT ${user}, ${consentKind} WHERE ${when}
     ON CONFLICT (user_id, kind) WHERE withdrawn_at IS NULL AND kind <> 'privacy_notice' DO NOTHING
     RETURNING id`,
  );
  statement.with(
    'consent_audit',
    `INSERT INTO audit_log (actor_user_id, action, entity_type, entity_id, details)
     SELECT ${user}, 'consent.granted', 'user', ${user}, jsonb_build_object('kind', ${consentKind}) FROM ${recorded}`,
  );
  return `(EXISTS (SELECT 1 FROM ${recorded}) OR EXISTS (SELECT 1 FROM ${held}))`;
}

/** Records that the person accepted this version of the privacy notice (once per version). */
export async function recordNoticeAcceptance(
  manager: EntityManager,
  userId: string,
  version: string,
): Promise<void> {
  await manager.query(
    `INSERT INTO consents (user_id, kind, notice_version)
     SELECT $1, 'privacy_notice', $2 WHERE NOT EXISTS (
       SELECT 1 FROM consents WHERE user_id = $1 AND kind = 'privacy_notice' AND notice_version = $2)`,
    [userId, version],
  );
}

/** Marks the live consent withdrawn; true when there was one. The caller applies the effect. */
export async function withdrawConsentRecord(
  manager: EntityManager,
  userId: string,
  kind: Exclude<ConsentKindValue, 'privacy_notice'>,
): Promise<boolean> {
  // UPDATE ... RETURNING through TypeORM answers [rows, affected].
  const [rows]: [unknown[], number] = await manager.query(
    `UPDATE consents SET withdrawn_at = now() WHERE user_id = $1 AND kind = $2 AND withdrawn_at IS NULL RETURNING id`,
    [userId, kind],
  );
  return rows.length > 0;
}

/** A consent as the person sees it (privacy's list of their consents). */
export interface ConsentRecord {
  id: string;
  kind: ConsentKindValue;
  noticeVersion: string | null;
  grantedAt: Date;
  withdrawnAt: Date | null;
}

/** The person's consents, oldest first (privacy's list and its notice-acceptance check). */
export function consentsOf(db: Queryable, userId: string): Promise<ConsentRecord[]> {
  return db.query(
    `SELECT id, kind, notice_version AS "noticeVersion", granted_at AS "grantedAt", withdrawn_at AS "withdrawnAt"
         FROM consents WHERE user_id = $1 ORDER BY granted_at, id`,
    [userId],
  );
}

/** The person's consents as "download my data" copies them (no ids), oldest first. */
export function consentsForExport(db: Queryable, userId: string): Promise<Record<string, unknown>[]> {
  return db.query(
    `SELECT kind, notice_version AS "noticeVersion", granted_at AS "grantedAt", withdrawn_at AS "withdrawnAt"
         FROM consents WHERE user_id = $1 ORDER BY granted_at`,
    [userId],
  );
}

/** Deletes every consent of the person (their account erasure). */
export async function deleteConsentsOf(db: Queryable, userId: string): Promise<void> {
  await db.query(`DELETE FROM consents WHERE user_id = $1`, [userId]);
}
