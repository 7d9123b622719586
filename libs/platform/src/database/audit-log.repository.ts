import { EntityManager } from 'typeorm';
import { onlyRow, Queryable } from './queryable';

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
