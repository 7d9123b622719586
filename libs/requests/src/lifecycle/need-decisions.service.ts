import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, AuthenticatedUser, COMUNE_STAFF_ROLES, Role } from '@prossimo/identity';
import { DomainError, writeAudit } from '@prossimo/platform';
import { firstTerritoryOf } from '@prossimo/territory';
import { DataSource } from 'typeorm';
import { NeedLifecycleService } from './need-lifecycle.service';
import { NeedQueriesService } from '../needs/need-queries.service';
import { CancelNeedInput, Need, NeedSource, NeedStatus, ReviewFlaggedNeedInput } from '../requests.types';

/** Decisions on a need by the people it concerns: a sentinel's flag reviewed, a need cancelled. */
@Injectable()
export class NeedDecisionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly lifecycle: NeedLifecycleService,
    private readonly queries: NeedQueriesService,
  ) {}

  /** A Comune operator accepts a sentinel's flag (the need opens) or rejects it, with a reason. */
  async reviewFlaggedNeed(user: AuthenticatedUser, input: ReviewFlaggedNeedInput): Promise<Need> {
    this.access.requireRole(user, [Role.COMUNE_OPERATOR]);
    await this.dataSource.transaction(async (manager) => {
      const row = await this.queries.lockNeed(manager, input.needId);
      await this.access.requireComuneRole(user, row.comuneIstat, [Role.COMUNE_OPERATOR], manager);
      if (row.source !== NeedSource.SENTINEL) throw new DomainError('NEED_NOT_FLAGGED', { field: 'needId' });
      const to = input.accept ? NeedStatus.OPEN : NeedStatus.REJECTED;
      await this.lifecycle.transition(manager, row.id, to, user.userId, input.reason);
      await writeAudit(manager, {
        actorUserId: user.userId,
        action: input.accept ? 'need.flag_accepted' : 'need.flag_rejected',
        entityType: 'need',
        entityId: row.id,
        territoryId: await firstTerritoryOf(manager, row.comuneIstat),
      });
    });
    return this.queries.need(user, input.needId);
  }

  /** The author (or the person it is for) or Comune staff of the territory cancel a need. */
  async cancelNeed(user: AuthenticatedUser, input: CancelNeedInput): Promise<Need> {
    await this.dataSource.transaction(async (manager) => {
      const row = await this.queries.lockNeed(manager, input.needId);
      const isParty =
        row.authorUserId === user.userId ||
        (row.beneficiaryUserId !== null && row.beneficiaryUserId === user.userId);
      // A sentinel may withdraw a flag, not a case the Comune has since taken over.
      const partyMayCancel =
        isParty && (row.source !== NeedSource.SENTINEL || row.status === NeedStatus.SUBMITTED);
      if (!partyMayCancel) {
        await this.access.requireComuneRole(user, row.comuneIstat, COMUNE_STAFF_ROLES, manager);
      }
      await this.lifecycle.transition(manager, row.id, NeedStatus.CANCELLED, user.userId, input.reason);
      if (!partyMayCancel) {
        await writeAudit(manager, {
          actorUserId: user.userId,
          action: 'need.cancelled_by_staff',
          entityType: 'need',
          entityId: row.id,
          territoryId: await firstTerritoryOf(manager, row.comuneIstat),
        });
      }
    });
    return this.queries.need(user, input.needId);
  }
}
