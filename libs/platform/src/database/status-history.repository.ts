import { EntityManager } from 'typeorm';
import { CombinedStatement } from './combined-statement';
import { firstRow, Queryable } from './queryable';

export interface StatusChange {
  entityType: string;
  entityId: string;
  from: string | null;
  to: string;
  actorUserId: string | null;
  reason?: string | null;
}

/** Stores a status change with who made it and why; call it in the transaction that changes the status. */
export async function recordStatusChange(manager: EntityManager, change: StatusChange): Promise<void> {
  await manager.query(
    `INSERT INTO status_history (entity_type, entity_id, from_status, to_status, actor_user_id, reason)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [change.entityType, change.entityId, change.from, change.to, change.actorUserId, change.reason ?? null],
  );
}

/** Several status changes in one INSERT (one round trip), in the order given. */
export async function recordStatusChanges(manager: EntityManager, changes: StatusChange[]): Promise<void> {
  if (changes.length === 0) return;
  await manager.query(
    `INSERT INTO status_history (entity_type, entity_id, from_status, to_status, actor_user_id, reason)
     SELECT * FROM unnest($1::text[], $2::uuid[], $3::text[], $4::text[], $5::uuid[], $6::text[])`,
    [
      changes.map((change) => change.entityType),
      changes.map((change) => change.entityId),
      changes.map((change) => change.from),
      changes.map((change) => change.to),
      changes.map((change) => change.actorUserId),
      changes.map((change) => change.reason ?? null),
    ],
  );
}

/**
 * Status changes as a part of the caller's combined statement: `rows` is a SELECT of (entity type,
 * entity id, from, to, actor, reason) over the statement's other parts; answers the part's name.
 */
export function statusHistoryIn(statement: CombinedStatement, prefix: string, rows: string): string {
  return statement.with(
    prefix,
    `INSERT INTO status_history (entity_type, entity_id, from_status, to_status, actor_user_id, reason)
       ${rows}`,
  );
}

/**
 * Free-text reasons the person wrote in any library's status history go (an account erasure, in its
 * transaction); the changes themselves stay.
 */
export async function blankStatusReasonsWrittenBy(db: Queryable, actorUserId: string): Promise<void> {
  await db.query(`UPDATE status_history SET reason = NULL WHERE reason IS NOT NULL AND actor_user_id = $1`, [
    actorUserId,
  ]);
}

/** The reasons written in the status history of these entities (any library's rows about them) go. */
export async function blankStatusReasonsAbout(db: Queryable, entityIds: readonly string[]): Promise<void> {
  await db.query(
    `UPDATE status_history SET reason = NULL WHERE reason IS NOT NULL AND entity_id = ANY($1::uuid[])`,
    [entityIds],
  );
}

/** Who made the entity's latest change to this status, and why; undefined when there was none. */
export function latestStatusChangeTo(
  db: Queryable,
  entityType: string,
  entityId: string,
  toStatus: string | null,
): Promise<{ actor_user_id: string | null; reason: string | null } | undefined> {
  return firstRow(
    db,
    `SELECT actor_user_id, reason FROM status_history
        WHERE entity_type = $1 AND entity_id = $2 AND to_status = $3 ORDER BY id DESC LIMIT 1`,
    [entityType, entityId, toStatus],
  );
}

/** The changes of these entities as "download my data" copies them (no actors), in order. */
export function statusChangesForExport(
  db: Queryable,
  entityType: string,
  entityIds: readonly string[],
): Promise<{ entityId: string; from: string | null; to: string; reason: string | null; createdAt: Date }[]> {
  return db.query(
    `SELECT entity_id AS "entityId", from_status AS "from", to_status AS "to", reason, created_at AS "createdAt"
         FROM status_history WHERE entity_type = $1 AND entity_id = ANY($2::uuid[]) ORDER BY id`,
    [entityType, entityIds],
  );
}

/** One stored status change as the GraphQL status-change types show it. */
export interface StatusHistoryEntry {
  from: string | null;
  to: string;
  actorUserId: string | null;
  reason: string | null;
  createdAt: Date;
}

/** The status changes of one entity, oldest first; the caller checks who may read them. */
export async function readStatusHistory<Entry extends StatusHistoryEntry = StatusHistoryEntry>(
  queryable: Queryable,
  entityType: string,
  entityId: string,
): Promise<Entry[]> {
  return queryable.query(
    `SELECT from_status AS "from", to_status AS "to", actor_user_id AS "actorUserId", reason, created_at AS "createdAt"
       FROM status_history WHERE entity_type = $1 AND entity_id = $2 ORDER BY id`,
    [entityType, entityId],
  );
}

/** The status history under the caller's alias, for a FROM or JOIN of another library's statement. */
export const statusHistoryAs = (alias: string): string => `status_history ${alias}`;
