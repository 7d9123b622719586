import { EntityManager } from 'typeorm';

export interface AuditEntry {
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  territoryId?: string | null;
  /** Ids and codes only: never health data or full phone numbers. */
  details?: Record<string, unknown>;
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
