import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Role, userRolesAs } from '@prossimo/identity';
import { cursorTimestampSql, firstRow, onlyRow, Queryable, statusHistoryAs } from '@prossimo/platform';
import { DataSource } from 'typeorm';
import { Accreditation, AccreditationHistoryEntry } from '../directory.types';
import { CreatedAtCursor } from '../paging/keyset';
import { AccreditationStatus } from './accreditation-rules';
import { TerritoryConditionOf } from './organisations.repository';

const ACCREDITATION_COLUMNS = `a.id, a.organisation_id AS "organisationId", o.name AS "organisationName",
  a.territory_id AS "territoryId", a.status, a.reason, a.created_at AS "createdAt", a.updated_at AS "updatedAt"`;

/** entity_type of accreditation rows in status_history and audit_log. */
export const ACCREDITATION_ENTITY = 'organisation_accreditation';

export interface AccreditationPageRow extends Accreditation {
  cursorKey: string;
}

/** An accreditation as locked for a change of status. */
export interface AccreditationStateRow {
  territoryId: string;
  organisationId: string;
  status: AccreditationStatus;
}

/** What the moderators' list of requests is filtered by. */
export interface AccreditationRequestsFilter {
  territoryCondition: TerritoryConditionOf;
  territoryId: string | null;
  statuses: AccreditationStatus[];
  after: CreatedAtCursor | null;
  first: number;
}

/** The organisation_accreditations table (with its status history, a platform table). */
@Injectable()
export class AccreditationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The accreditations of these organisations, oldest first. */
  findAccreditationsOf(organisationIds: readonly string[]): Promise<Accreditation[]> {
    return this.dataSource.query(
      `SELECT ${ACCREDITATION_COLUMNS} FROM organisation_accreditations a JOIN organisations o ON o.id = a.organisation_id
        WHERE a.organisation_id = ANY($1::uuid[]) ORDER BY a.created_at, a.id`,
      [organisationIds],
    );
  }

  /** Locks (FOR UPDATE) the organisation's accreditation in the territory, if it asked before. */
  lockAccreditationOf(
    db: Queryable,
    organisationId: string,
    territoryId: string,
  ): Promise<{ id: string; status: AccreditationStatus } | undefined> {
    return firstRow<{ id: string; status: AccreditationStatus }>(
      db,
      `SELECT id, status FROM organisation_accreditations WHERE organisation_id = $1 AND territory_id = $2 FOR UPDATE`,
      [organisationId, territoryId],
    );
  }

  /** An earlier request submitted again: the last decision is cleared. */
  async resubmit(db: Queryable, accreditationId: string, requestedByUserId: string): Promise<void> {
    await db.query(
      `UPDATE organisation_accreditations SET status = 'submitted', reason = NULL, requested_by_user_id = $2,
                  decided_by_user_id = NULL, decided_at = NULL, updated_at = now()
            WHERE id = $1`,
      [accreditationId, requestedByUserId],
    );
  }

  /** A first request of the organisation in the territory; answers its id. */
  async insertRequest(
    db: Queryable,
    organisationId: string,
    territoryId: string,
    requestedByUserId: string,
  ): Promise<string> {
    const row = await onlyRow<{ id: string }>(
      db,
      `INSERT INTO organisation_accreditations (organisation_id, territory_id, status, requested_by_user_id)
             VALUES ($1, $2, 'submitted', $3) RETURNING id`,
      [organisationId, territoryId, requestedByUserId],
    );
    return row.id;
  }

  /** Requests in the territories the condition admits, oldest first; a page plus one. */
  findRequestsPage(filter: AccreditationRequestsFilter): Promise<AccreditationPageRow[]> {
    const params: unknown[] = [];
    const conditions = [filter.territoryCondition('a.territory_id', params)];
    if (filter.territoryId) {
      params.push(filter.territoryId);
      conditions.push(`a.territory_id = $${params.length}`);
    }
    params.push(filter.statuses);
    conditions.push(`a.status = ANY($${params.length})`);
    if (filter.after) {
      params.push(filter.after[0], filter.after[1]);
      conditions.push(`(a.created_at, a.id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(filter.first + 1);
    return this.dataSource.query(
      `SELECT ${ACCREDITATION_COLUMNS}, ${cursorTimestampSql('a.created_at')} AS "cursorKey"
         FROM organisation_accreditations a JOIN organisations o ON o.id = a.organisation_id
        WHERE ${conditions.join(' AND ')}
        ORDER BY a.created_at, a.id LIMIT $${params.length}`,
      params,
    );
  }

  /**
   * The status changes of the organisation's accreditations (status_history is platform's), oldest
   * first; only in the territories the condition admits, when there is one.
   */
  findHistory(
    organisationId: string,
    territoryCondition: TerritoryConditionOf | null,
  ): Promise<AccreditationHistoryEntry[]> {
    const params: unknown[] = [organisationId];
    const condition = territoryCondition ? territoryCondition('a.territory_id', params) : 'true';
    return this.dataSource.query(
      `SELECT a.id AS "accreditationId", a.territory_id AS "territoryId", h.from_status AS "fromStatus",
              h.to_status AS "toStatus", h.actor_user_id AS "actorUserId", h.reason, h.created_at AS "createdAt"
         FROM ${statusHistoryAs('h')} JOIN organisation_accreditations a ON a.id = h.entity_id
        WHERE h.entity_type = '${ACCREDITATION_ENTITY}' AND a.organisation_id = $1 AND ${condition}
        ORDER BY h.id`,
      params,
    );
  }

  lockAccreditation(db: Queryable, accreditationId: string): Promise<AccreditationStateRow | undefined> {
    return firstRow<AccreditationStateRow>(
      db,
      `SELECT territory_id AS "territoryId", organisation_id AS "organisationId", status
             FROM organisation_accreditations WHERE id = $1 FOR UPDATE`,
      [accreditationId],
    );
  }

  /** Moves the accreditation to `to`; a decision (not a review) records who decided and when. */
  async updateStatus(
    db: Queryable,
    accreditationId: string,
    to: AccreditationStatus,
    reason: string | null,
    actorUserId: string,
  ): Promise<void> {
    await db.query(
      `UPDATE organisation_accreditations
            SET status = $2, reason = coalesce($3, reason), updated_at = now(),
                decided_by_user_id = CASE WHEN $2 = 'under_review' THEN decided_by_user_id ELSE $4::uuid END,
                decided_at = CASE WHEN $2 = 'under_review' THEN decided_at ELSE now() END
          WHERE id = $1`,
      [accreditationId, to, reason, actorUserId],
    );
  }

  /** The organisation's admins (user_roles is identity's) and its name. */
  findAdminsOf(db: Queryable, organisationId: string): Promise<{ user_id: string; name: string }[]> {
    return db.query(
      `SELECT r.user_id, o.name FROM ${userRolesAs('r')} JOIN organisations o ON o.id = r.organisation_id
        WHERE r.organisation_id = $1 AND r.role = $2 ORDER BY r.user_id`,
      [organisationId, Role.ORGANISATION_ADMIN],
    );
  }

  findAccreditation(db: Queryable, id: string): Promise<Accreditation | undefined> {
    return firstRow<Accreditation>(
      db,
      `SELECT ${ACCREDITATION_COLUMNS} FROM organisation_accreditations a JOIN organisations o ON o.id = a.organisation_id
        WHERE a.id = $1`,
      [id],
    );
  }
}
