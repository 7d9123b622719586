import { EntityManager } from 'typeorm';
import { onlyRow, Queryable } from './queryable';

// The audit log is platform's table: every library appends to it with writeAudit. Privacy reads it
// (the territory's trail, the person's export) and requests counts its desk searches through the
// functions below.

export interface AuditEntry {
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  territoryId?: string | null;
  /** Ids and codes only: never health data or full phone numbers. */
  details?: Record<string, unknown>;
}

/**
 * How many entries of this action the actor made in the last `minutes` minutes, and when the oldest
 * of them was made (a library's rate limit counted from its audit entries: requests' desk searches).
 */
export function recentAuditEntriesBy(
  db: Queryable,
  actorUserId: string,
  action: string,
  minutes: number,
): Promise<{ entries: number; oldest: Date | null }> {
  return onlyRow(
    db,
    `SELECT count(*)::int AS entries, min(created_at) AS oldest FROM audit_log
        WHERE actor_user_id = $1 AND action = $2
          AND created_at > now() - make_interval(mins => $3)`,
    [actorUserId, action, minutes],
  );
}

/** Appends to the audit log (the table refuses updates and deletes). */
export async function writeAudit(manager: EntityManager, entry: AuditEntry): Promise<void> {
  await manager.query(
    `INSERT INTO audit_log (actor_user_id, action, entity_type, entity_id, territory_id, details)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      entry.actorUserId,
      entry.action,
      entry.entityType,
      entry.entityId ?? null,
      entry.territoryId ?? null,
      JSON.stringify(entry.details ?? {}),
    ],
  );
}

/**
 * A sub-select of the newest audit entries that match the conditions (SQL on alias `a`, ANDed),
 * newest first, at most LIMIT `limitParam` rows, for the trail's statement (privacy's, which joins
 * each entry's actor to it).
 */
export function newestAuditEntriesSql(conditions: string[], limitParam: string): string {
  return `SELECT * FROM audit_log a WHERE ${conditions.join(' AND ')}
                ORDER BY a.id DESC LIMIT ${limitParam}`;
}

/**
 * The entries the person made, or about them, their needs, engagements and exports, oldest first
 * ("download my data").
 */
export function auditEntriesAboutPerson(
  db: Queryable,
  userId: string,
  about: { needIds: string[]; engagementIds: string[]; exportIds: unknown[] },
): Promise<Record<string, unknown>[]> {
  return db.query(
    `SELECT id, action, entity_type AS "entityType", entity_id AS "entityId", actor_user_id AS "actorUserId",
              details, created_at AS "createdAt"
         FROM audit_log
        WHERE actor_user_id = $1
           OR (entity_type = 'user' AND entity_id = $1)
           OR (entity_type = 'need' AND entity_id = ANY($2::uuid[]))
           OR (entity_type = 'engagement' AND entity_id = ANY($3::uuid[]))
           OR (entity_type = 'personal_data_export' AND entity_id = ANY($4::uuid[]))
        ORDER BY id`,
    [userId, about.needIds, about.engagementIds, about.exportIds],
  );
}
