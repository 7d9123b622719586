import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, AuthenticatedUser, Role } from '@prossimo/identity';
import { NotificationsService } from '@prossimo/notifications';
import {
  DomainError,
  manyByKey,
  mapPage,
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
import { createdAtCursor } from '../paging/keyset';
import { assertAccreditationTransition, AccreditationStatus } from './accreditation-rules';
import { ACCREDITATION_ENTITY, AccreditationsRepository } from './accreditations.repository';
import { OrganisationService } from './organisation.service';
import { TerritoryConditionOf } from './organisations.repository';

export { ACCREDITATION_ENTITY };

/** Accreditation of organisations by the Comuni: requests, review, decisions, history. */
@Injectable()
export class AccreditationService {
  private readonly accreditations = new RequestLoader<string, Accreditation[]>(async (ids) => {
    const rows = await this.repository.findAccreditationsOf(ids);
    return manyByKey(ids, rows, (row) => row.organisationId);
  });

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly territories: TerritoryService,
    private readonly notifications: NotificationsService,
    private readonly organisations: OrganisationService,
    private readonly repository: AccreditationsRepository,
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
      (this.access.isPlatformAdmin(user) || this.access.isOrganisationMember(user, organisationId))
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
      const existing = await this.repository.lockAccreditationOf(
        manager,
        input.organisationId,
        input.territoryId,
      );
      assertAccreditationTransition(existing?.status ?? null, AccreditationStatus.SUBMITTED);
      if (existing) await this.repository.resubmit(manager, existing.id, user.userId);
      const accreditationId = existing
        ? existing.id
        : await this.repository.insertRequest(manager, input.organisationId, input.territoryId, user.userId);
      await this.recordAccreditationChange(manager, user, {
        id: accreditationId,
        territoryId: input.territoryId,
        organisationId: input.organisationId,
        from: existing?.status ?? null,
        to: AccreditationStatus.SUBMITTED,
        reason: null,
      });
      return accreditationId;
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
    const rows = await this.repository.findRequestsPage({
      territoryCondition: (column, params) => this.access.territoryCondition(scope, column, params),
      territoryId: args.territoryId ?? null,
      statuses: args.status
        ? [args.status]
        : [AccreditationStatus.SUBMITTED, AccreditationStatus.UNDER_REVIEW],
      after: createdAtCursor(args.after),
      first: args.first,
    });
    const page = toPage(rows, args.first, (row) => [row.cursorKey, row.id]);
    return mapPage(page, ({ cursorKey: _cursorKey, ...item }) => item);
  }

  /** Members and platform admins see every change; moderators only those of their territories. */
  async accreditationHistory(
    user: AuthenticatedUser,
    organisationId: string,
  ): Promise<AccreditationHistoryEntry[]> {
    await this.organisations.load(this.dataSource.manager, organisationId);
    let territoryCondition: TerritoryConditionOf | null = null;
    if (!this.access.isOrganisationMember(user, organisationId)) {
      this.access.requireRole(user, [Role.COMUNE_MODERATOR]);
      const scope = this.access.scope(user, [Role.COMUNE_MODERATOR]);
      territoryCondition = (column, params) => this.access.territoryCondition(scope, column, params);
    }
    return this.repository.findHistory(organisationId, territoryCondition);
  }

  private async moveAccreditation(
    user: AuthenticatedUser,
    accreditationId: string,
    to: AccreditationStatus,
    reason: string | null,
  ): Promise<Accreditation> {
    await this.dataSource.transaction(async (manager) => {
      const current = await this.repository.lockAccreditation(manager, accreditationId);
      if (!current) throw new DomainError('ACCREDITATION_NOT_FOUND', { field: 'accreditationId' });
      // Authorisation before the state check: other territories learn nothing about the request.
      this.access.requireTerritoryRole(user, current.territoryId, [Role.COMUNE_MODERATOR]);
      // Deciding (not opening a review) needs a SPID level 2+ or CIE session (issue 20).
      if (to !== AccreditationStatus.UNDER_REVIEW) {
        await this.access.requireStepUp(user, { territoryIds: [current.territoryId] }, manager);
      }
      assertAccreditationTransition(current.status, to);
      await this.repository.updateStatus(manager, accreditationId, to, reason, user.userId);
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
    const admins = await this.repository.findAdminsOf(manager, organisationId);
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
    const row = await this.repository.findAccreditation(manager, id);
    if (!row) throw new DomainError('ACCREDITATION_NOT_FOUND', { field: 'accreditationId' });
    return row;
  }
}
