import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, AuthenticatedUser, Role } from '@prossimo/identity';
import { NotificationsService } from '@prossimo/notifications';
import {
  cursorTimestampSql,
  decodeCursor,
  DomainError,
  manyByKey,
  Page,
  recordStatusChange,
  RequestLoader,
  toPage,
  writeAudit,
} from '@prossimo/platform';
import { TerritoryService } from '@prossimo/territory';
import { DataSource, EntityManager } from 'typeorm';
import {
  Accreditation,
  AccreditationHistoryEntry,
  AccreditationRequestsArgs,
  DecideAccreditationInput,
  RequestAccreditationInput,
  StartAccreditationReviewInput,
} from '../directory.types';
import { checkCursor } from '../keyset';
import { assertAccreditationTransition, AccreditationStatus } from './accreditation-rules';
import { ORGANISATION_MEMBER_ROLES, OrganisationService } from './organisation.service';

const ACCREDITATION_COLUMNS = `a.id, a.organisation_id AS "organisationId", o.name AS "organisationName",
  a.territory_id AS "territoryId", a.status, a.reason, a.created_at AS "createdAt", a.updated_at AS "updatedAt"`;

/** entity_type of accreditation rows in status_history and audit_log. */
export const ACCREDITATION_ENTITY = 'organisation_accreditation';

interface AccreditationRow extends Accreditation {
  cursorKey: string;
}

/** Accreditation of organisations by the Comuni: requests, review, decisions, history. */
@Injectable()
export class AccreditationService {
  private readonly accreditations = new RequestLoader<string, Accreditation[]>(async (ids) => {
    const rows: Accreditation[] = await this.dataSource.query(
      `SELECT ${ACCREDITATION_COLUMNS} FROM organisation_accreditations a JOIN organisations o ON o.id = a.organisation_id
        WHERE a.organisation_id = ANY($1::uuid[]) ORDER BY a.created_at, a.id`,
      [ids],
    );
    return manyByKey(ids, rows, (row) => row.organisationId);
  });

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly territories: TerritoryService,
    private readonly notifications: NotificationsService,
    private readonly organisations: OrganisationService,
  ) {}

  /**
   * An organisation's accreditations, batched per request. Members, platform admins and
   * moderators of the territory see every state; everyone else only where it is accredited.
   */
  async accreditationsOf(
    user: AuthenticatedUser | null,
    organisationId: string,
    request: object,
  ): Promise<Accreditation[]> {
    const all = await this.accreditations.for(request).load(organisationId);
    if (
      user &&
      (this.access.isPlatformAdmin(user) ||
        this.access.hasOrganisationRole(user, organisationId, ORGANISATION_MEMBER_ROLES))
    ) {
      return all;
    }
    const moderated = user ? this.access.scope(user, [Role.COMUNE_MODERATOR, Role.COMUNE_OPERATOR]) : null;
    return all.filter(
      (accreditation) =>
        accreditation.status === AccreditationStatus.ACCREDITED ||
        (moderated && !moderated.all && moderated.territoryIds.includes(accreditation.territoryId)),
    );
  }

  async requestAccreditation(
    user: AuthenticatedUser,
    input: RequestAccreditationInput,
  ): Promise<Accreditation> {
    this.access.requireOrganisationRole(user, input.organisationId, [Role.ORGANISATION_ADMIN]);
    await this.territories.territory(input.territoryId);
    const id = await this.dataSource.transaction(async (manager) => {
      await this.organisations.lock(manager, input.organisationId);
      const [existing]: { id: string; status: AccreditationStatus }[] = await manager.query(
        `SELECT id, status FROM organisation_accreditations WHERE organisation_id = $1 AND territory_id = $2 FOR UPDATE`,
        [input.organisationId, input.territoryId],
      );
      assertAccreditationTransition(existing?.status ?? null, AccreditationStatus.SUBMITTED);
      if (existing) {
        await manager.query(
          `UPDATE organisation_accreditations SET status = 'submitted', reason = NULL, requested_by_user_id = $2,
                  decided_by_user_id = NULL, decided_at = NULL, updated_at = now()
            WHERE id = $1`,
          [existing.id, user.userId],
        );
      }
      const [row]: { id: string }[] = existing
        ? [{ id: existing.id }]
        : await manager.query(
            `INSERT INTO organisation_accreditations (organisation_id, territory_id, status, requested_by_user_id)
             VALUES ($1, $2, 'submitted', $3) RETURNING id`,
            [input.organisationId, input.territoryId, user.userId],
          );
      await this.recordAccreditationChange(manager, user, {
        id: row.id,
        territoryId: input.territoryId,
        organisationId: input.organisationId,
        from: existing?.status ?? null,
        to: AccreditationStatus.SUBMITTED,
        reason: null,
      });
      return row.id;
    });
    return this.accreditation(this.dataSource.manager, id);
  }

  startReview(user: AuthenticatedUser, input: StartAccreditationReviewInput): Promise<Accreditation> {
    return this.moveAccreditation(user, input.accreditationId, AccreditationStatus.UNDER_REVIEW, null);
  }

  decide(user: AuthenticatedUser, input: DecideAccreditationInput): Promise<Accreditation> {
    return this.moveAccreditation(
      user,
      input.accreditationId,
      input.decision as unknown as AccreditationStatus,
      input.reason.trim(),
    );
  }

  /** Moderators: requests in their territories, oldest first; the open ones unless a status is given. */
  async accreditationRequests(
    user: AuthenticatedUser,
    args: AccreditationRequestsArgs,
  ): Promise<Page<Accreditation>> {
    this.access.requireRole(user, [Role.COMUNE_MODERATOR]);
    if (args.territoryId) this.access.requireTerritoryRole(user, args.territoryId, [Role.COMUNE_MODERATOR]);
    const scope = this.access.scope(user, [Role.COMUNE_MODERATOR]);
    const params: unknown[] = [];
    const conditions = [this.access.territoryCondition(scope, 'a.territory_id', params)];
    if (args.territoryId) {
      params.push(args.territoryId);
      conditions.push(`a.territory_id = $${params.length}`);
    }
    params.push(
      args.status ? [args.status] : [AccreditationStatus.SUBMITTED, AccreditationStatus.UNDER_REVIEW],
    );
    conditions.push(`a.status = ANY($${params.length})`);
    const cursor = decodeCursor(args.after, 2);
    if (cursor) {
      checkCursor(cursor, ['timestamp', 'uuid']);
      params.push(cursor[0], cursor[1]);
      conditions.push(`(a.created_at, a.id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(args.first + 1);
    const rows: AccreditationRow[] = await this.dataSource.query(
      `SELECT ${ACCREDITATION_COLUMNS}, ${cursorTimestampSql('a.created_at')} AS "cursorKey"
         FROM organisation_accreditations a JOIN organisations o ON o.id = a.organisation_id
        WHERE ${conditions.join(' AND ')}
        ORDER BY a.created_at, a.id LIMIT $${params.length}`,
      params,
    );
    const page = toPage(rows, args.first, (row) => [row.cursorKey, row.id]);
    return { ...page, items: page.items.map(({ cursorKey: _cursorKey, ...item }) => item) };
  }

  /** Members and platform admins see every change; moderators only those of their territories. */
  async accreditationHistory(
    user: AuthenticatedUser,
    organisationId: string,
  ): Promise<AccreditationHistoryEntry[]> {
    await this.organisations.load(this.dataSource.manager, organisationId);
    const params: unknown[] = [organisationId];
    let condition = 'true';
    if (!this.access.hasOrganisationRole(user, organisationId, ORGANISATION_MEMBER_ROLES)) {
      this.access.requireRole(user, [Role.COMUNE_MODERATOR]);
      condition = this.access.territoryCondition(
        this.access.scope(user, [Role.COMUNE_MODERATOR]),
        'a.territory_id',
        params,
      );
    }
    return this.dataSource.query(
      `SELECT a.id AS "accreditationId", a.territory_id AS "territoryId", h.from_status AS "fromStatus",
              h.to_status AS "toStatus", h.actor_user_id AS "actorUserId", h.reason, h.created_at AS "createdAt"
         FROM status_history h JOIN organisation_accreditations a ON a.id = h.entity_id
        WHERE h.entity_type = '${ACCREDITATION_ENTITY}' AND a.organisation_id = $1 AND ${condition}
        ORDER BY h.id`,
      params,
    );
  }

  private async moveAccreditation(
    user: AuthenticatedUser,
    accreditationId: string,
    to: AccreditationStatus,
    reason: string | null,
  ): Promise<Accreditation> {
    await this.dataSource.transaction(async (manager) => {
      const [current]: { territoryId: string; organisationId: string; status: AccreditationStatus }[] =
        await manager.query(
          `SELECT territory_id AS "territoryId", organisation_id AS "organisationId", status
             FROM organisation_accreditations WHERE id = $1 FOR UPDATE`,
          [accreditationId],
        );
      if (!current) throw new DomainError('ACCREDITATION_NOT_FOUND', { field: 'accreditationId' });
      // Authorisation before the state check: other territories learn nothing about the request.
      this.access.requireTerritoryRole(user, current.territoryId, [Role.COMUNE_MODERATOR]);
      // Deciding (not opening a review) needs a SPID level 2+ or CIE session (issue 20).
      if (to !== AccreditationStatus.UNDER_REVIEW) {
        await this.access.requireStepUp(user, { territoryIds: [current.territoryId] }, manager);
      }
      assertAccreditationTransition(current.status, to);
      await manager.query(
        `UPDATE organisation_accreditations
            SET status = $2, reason = coalesce($3, reason), updated_at = now(),
                decided_by_user_id = CASE WHEN $2 = 'under_review' THEN decided_by_user_id ELSE $4::uuid END,
                decided_at = CASE WHEN $2 = 'under_review' THEN decided_at ELSE now() END
          WHERE id = $1`,
        [accreditationId, to, reason, user.userId],
      );
      await this.recordAccreditationChange(manager, user, {
        id: accreditationId,
        territoryId: current.territoryId,
        organisationId: current.organisationId,
        from: current.status,
        to,
        reason,
      });
      if (to !== AccreditationStatus.UNDER_REVIEW) {
        await this.notifyAccreditationDecision(manager, accreditationId, current.organisationId, to, reason);
      }
    });
    return this.accreditation(this.dataSource.manager, accreditationId);
  }

  /** The organisation's admins hear the decision (accredited, rejected, suspended) and its reason. */
  private async notifyAccreditationDecision(
    manager: EntityManager,
    accreditationId: string,
    organisationId: string,
    decision: AccreditationStatus,
    reason: string | null,
  ): Promise<void> {
    const admins: { user_id: string; name: string }[] = await manager.query(
      `SELECT r.user_id, o.name FROM user_roles r JOIN organisations o ON o.id = r.organisation_id
        WHERE r.organisation_id = $1 AND r.role = $2 ORDER BY r.user_id`,
      [organisationId, Role.ORGANISATION_ADMIN],
    );
    for (const admin of admins) {
      await this.notifications.notifyUser(manager, {
        userId: admin.user_id,
        event: 'accreditation_decision',
        params: { organisation: admin.name, reason: reason ?? '' },
        localisedParams: { decision: `accreditation_decision.${decision}` },
        ref: `accreditation:${accreditationId}`,
      });
    }
  }

  private async recordAccreditationChange(
    manager: EntityManager,
    user: AuthenticatedUser,
    change: {
      id: string;
      territoryId: string;
      organisationId: string;
      from: AccreditationStatus | null;
      to: AccreditationStatus;
      reason: string | null;
    },
  ): Promise<void> {
    await recordStatusChange(manager, {
      entityType: ACCREDITATION_ENTITY,
      entityId: change.id,
      from: change.from,
      to: change.to,
      actorUserId: user.userId,
      reason: change.reason,
    });
    await writeAudit(manager, {
      actorUserId: user.userId,
      action: `accreditation.${change.to}`,
      entityType: ACCREDITATION_ENTITY,
      entityId: change.id,
      territoryId: change.territoryId,
      details: { organisationId: change.organisationId, from: change.from, to: change.to },
    });
  }

  private async accreditation(manager: EntityManager, id: string): Promise<Accreditation> {
    const [row]: Accreditation[] = await manager.query(
      `SELECT ${ACCREDITATION_COLUMNS} FROM organisation_accreditations a JOIN organisations o ON o.id = a.organisation_id
        WHERE a.id = $1`,
      [id],
    );
    if (!row) throw new DomainError('ACCREDITATION_NOT_FOUND', { field: 'accreditationId' });
    return row;
  }
}
