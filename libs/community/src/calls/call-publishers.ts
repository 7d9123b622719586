import { Injectable } from '@nestjs/common';
import { AccessService, AuthenticatedUser, COMUNE_STAFF_ROLES, Role } from '@prossimo/identity';
import { DomainError, Queryable } from '@prossimo/platform';
import { EntityManager } from 'typeorm';
import { CallsRepository, LockedCall } from './calls.repository';

/** Who may act for a call's publisher: its decisions, its closing, its messages. */
@Injectable()
export class CallPublishers {
  constructor(
    private readonly access: AccessService,
    private readonly calls: CallsRepository,
  ) {}

  /** The call as read for a decision, its row locked unless `lock` is false; CALL_NOT_FOUND if none. */
  async lockCall(manager: Queryable, id: string, lock = true): Promise<LockedCall> {
    const call = await this.calls.findCallForDecision(manager, id, lock);
    if (!call) throw new DomainError('CALL_NOT_FOUND', { field: 'callId' });
    return call;
  }

  /**
   * The publisher is the institution, not only the person: staff of a territory covering the
   * call's first Comune, or the organisation's admins.
   */
  async requirePublisher(user: AuthenticatedUser, call: LockedCall, manager: EntityManager): Promise<void> {
    if (call.organisationId) {
      this.access.requireOrganisationRole(user, call.organisationId, [Role.ORGANISATION_ADMIN]);
      return;
    }
    await this.access.requireComuneRole(user, call.comuneIstats[0], COMUNE_STAFF_ROLES, manager);
  }
}
