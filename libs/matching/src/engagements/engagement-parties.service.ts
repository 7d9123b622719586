import { Injectable } from '@nestjs/common';
import { AccessService, AuthenticatedUser, COMUNE_STAFF_ROLES } from '@prossimo/identity';
import { DomainError } from '@prossimo/platform';
import { isUUID } from 'class-validator';
import { EntityManager } from 'typeorm';
import { NeedReadsRepository } from '../needs/need-reads.repository';
import { EngagementStatus } from './engagement-rules';
import { EngagementsRepository } from './engagements.repository';

/** Which party of an engagement the caller is. */
export type EngagementPartyRole = 'helper' | 'citizen' | 'staff';

/** Who the parties of an engagement are and which one the caller is: every engagement path asks. */
@Injectable()
export class EngagementParties {
  constructor(
    private readonly access: AccessService,
    private readonly engagements: EngagementsRepository,
    private readonly needReads: NeedReadsRepository,
  ) {}

  /** Who the parties of an engagement are; `lock` locks the need then the engagement. */
  async engagementParty(
    manager: EntityManager,
    engagementId: string,
    lock: boolean,
  ): Promise<EngagementParty> {
    if (!isUUID(engagementId)) throw new DomainError('ENGAGEMENT_NOT_FOUND', { field: 'engagementId' });
    if (lock) {
      // Need first, then engagement: the same order as acceptance, so the two cannot deadlock.
      const needId = await this.engagements.findNeedIdOfEngagement(manager, engagementId);
      if (!needId) throw new DomainError('ENGAGEMENT_NOT_FOUND', { field: 'engagementId' });
      await this.needReads.lockNeed(manager, needId);
    }
    const row = await this.engagements.findParty(manager, engagementId, lock);
    if (!row) throw new DomainError('ENGAGEMENT_NOT_FOUND', { field: 'engagementId' });
    return row;
  }

  /** Which party the user is; throws ENGAGEMENT_NOT_FOUND (not a hint that it exists) otherwise. */
  async requireParty(
    manager: EntityManager,
    user: AuthenticatedUser,
    party: EngagementParty,
    allowed: EngagementPartyRole[],
  ): Promise<EngagementPartyRole> {
    if (
      allowed.includes('helper') &&
      (party.helperUserId === user.userId ||
        (party.organisationId !== null && this.access.isOrganisationMember(user, party.organisationId)))
    ) {
      return 'helper';
    }
    if (
      allowed.includes('citizen') &&
      (party.authorUserId === user.userId || party.beneficiaryUserId === user.userId)
    ) {
      return 'citizen';
    }
    if (allowed.includes('staff')) {
      try {
        await this.access.requireComuneRole(user, party.comuneIstat, COMUNE_STAFF_ROLES, manager);
        return 'staff';
      } catch (error) {
        // Not staff of this Comune: answer as if the engagement did not exist.
        if (!(error instanceof DomainError)) throw error;
      }
    }
    throw new DomainError('ENGAGEMENT_NOT_FOUND', { field: 'engagementId' });
  }
}

export interface EngagementParty {
  id: string;
  needId: string;
  status: EngagementStatus;
  startsAt: Date;
  endsAt: Date;
  helperUserId: string;
  organisationId: string | null;
  comuneIstat: string;
  authorUserId: string | null;
  beneficiaryUserId: string | null;
}
