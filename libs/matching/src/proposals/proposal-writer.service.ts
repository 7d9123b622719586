import { Inject, Injectable } from '@nestjs/common';
import { NotificationsService } from '@prossimo/notifications';
import {
  APP_CONFIG,
  AppConfig,
  JOBS,
  outboxJob,
  recordStatusChange,
  registerMessages,
  writeOutbox,
} from '@prossimo/platform';
import { EntityManager } from 'typeorm';
import { citizenUserIds, NeedForMatching, whenOf, PROPOSAL_HISTORY_ENTITY } from '../needs/need-for-matching';
import { ProposalStatus } from '../matching.types';
import { CandidateScore } from '../scoring/score';
import { ProposalsRepository } from './proposals.repository';

// Who asks, for a citizen who gave no name (signed up with an SMS code alone): "Una persona di Alba",
// in the helper's language, where the Comune's bare name read as if Alba were a person. GSM-7 (SMS).
registerMessages({
  'notification.someone_in': { it: 'Una persona di {place}', en: 'Someone in {place}' },
});

/** Proposals for needs starting within this time go out by SMS also during quiet hours. */
const URGENT_WITHIN_MS = 24 * 3600_000;

/** Who a proposal goes to: a volunteer, or an organisation for one of its service offers. */
export interface ProposalTarget {
  /** The person told and asked to answer (the volunteer, or the organisation's contact). */
  userId: string;
  volunteerId: string | null;
  organisationId: string | null;
  serviceOfferId: string | null;
  distanceKm: number;
  score: CandidateScore;
}

/**
 * Writes one proposal with its history, the SMS / in-app notice (answerable with "SI"/"NO") and
 * the expiry job, all in the caller's transaction. Used by the engine and by operators who
 * assign by hand.
 */
@Injectable()
export class ProposalWriter {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly notifications: NotificationsService,
    private readonly proposalRows: ProposalsRepository,
  ) {}

  async propose(
    manager: EntityManager,
    need: NeedForMatching,
    target: ProposalTarget,
    rank: number,
    assignedByUserId: string | null = null,
  ): Promise<string> {
    const expiresAt = new Date(Date.now() + this.config.MATCHING_PROPOSAL_TTL_SECONDS * 1000);
    const urgent =
      need.urgency === 'urgent' ||
      (need.windowStart !== null && need.windowStart.getTime() - Date.now() < URGENT_WITHIN_MS);
    const proposal = await this.proposalRows.insertProposal(manager, {
      needId: need.id,
      helperUserId: target.userId,
      volunteerId: target.volunteerId,
      organisationId: target.organisationId,
      serviceOfferId: target.serviceOfferId,
      rank,
      score: target.score.total,
      distanceKm: target.distanceKm,
      breakdown: JSON.stringify(target.score),
      expiresAt,
      assignedByUserId,
    });
    await recordStatusChange(manager, {
      entityType: PROPOSAL_HISTORY_ENTITY,
      entityId: proposal.id,
      from: proposal.askedAgain ? ProposalStatus.WITHDRAWN : null,
      to: ProposalStatus.PENDING,
      actorUserId: assignedByUserId,
      reason: `${assignedByUserId ? 'assigned by an operator, ' : ''}rank ${rank}, score ${target.score.total.toFixed(3)}`,
    });
    for (const userId of await this.recipientsOf(manager, need, target)) {
      await this.notifications.notifyUser(manager, {
        userId,
        event: 'proposal_new',
        params: {
          citizen: need.authorName ?? { key: 'notification.someone_in', params: { place: need.comuneName } },
          summary: need.description,
          when: whenOf(need, this.config.MATCHING_RIDE_BUFFER_MINUTES),
          place: need.comuneName,
        },
        urgent,
        ref: `proposal:${proposal.id}`,
        replyTarget: {
          type: 'proposal',
          id: proposal.id,
          ttlHours: Math.max(1, Math.ceil(this.config.MATCHING_PROPOSAL_TTL_SECONDS / 3600)),
        },
      });
    }
    await writeOutbox(manager, outboxJob(JOBS.expireProposal, { proposalId: proposal.id }, expiresAt));
    return proposal.id;
  }

  /**
   * Who is told of a proposal: the volunteer; for an organisation, its contact and every other
   * active admin (any of them may answer for it), except the need's own citizens and anyone
   * they blocked.
   */
  private async recipientsOf(
    manager: EntityManager,
    need: NeedForMatching,
    target: ProposalTarget,
  ): Promise<string[]> {
    if (!target.organisationId) return [target.userId];
    const admins = await this.proposalRows.findOtherOrganisationAdmins(
      manager,
      target.organisationId,
      target.userId,
      citizenUserIds(need),
    );
    return [target.userId, ...admins];
  }
}
