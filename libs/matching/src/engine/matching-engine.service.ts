import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotificationsService } from '@prossimo/notifications';
import { APP_CONFIG, AppConfig, recordStatusChange, withGenericPlansIn } from '@prossimo/platform';
import { DataSource, EntityManager } from 'typeorm';
import {
  CandidateStage,
  countCandidates,
  findCandidates,
  MatchableNeed,
} from '../candidates/volunteer-candidates.repository';
import {
  countOrganisationCandidates,
  findOrganisationCandidates,
} from '../candidates/organisation-candidates.repository';
import { widenedLimitKm } from '../candidates/radius-steps';
import { ProposalStatus, UnmatchedReason } from '../matching.types';
import {
  citizenUserIds,
  whenOf,
  NeedForMatching,
  PROPOSAL_HISTORY_ENTITY,
  slotOf,
} from '../needs/need-for-matching';
import { NeedMatchStatesRepository } from '../needs/need-match-states.repository';
import { NeedReadsRepository } from '../needs/need-reads.repository';
import { ProposalsRepository } from '../proposals/proposals.repository';
import { ProposalTarget, ProposalWriter } from '../proposals/proposal-writer.service';
import {
  compareCandidates,
  DEFAULT_SCORING_CONFIG,
  scoreCandidate,
  ScoringConfig,
  scoreTotal,
} from '../scoring/score';

export * from '../needs/need-for-matching';

/** How many of the nearest eligible helpers are scored; the best K of them get a proposal. */
export const CANDIDATE_POOL = 50;
/** At most this many needs are looked at again per trigger (nearest or oldest first). */
const RETRIGGER_LIMIT = 200;

export interface MatchOutcome {
  proposed: number;
  unmatched: UnmatchedReason | null;
}

/** The need as the candidate searches see it, at a widening step. */
export function matchableOf(
  need: NeedForMatching,
  slot: { start: Date; end: Date },
  maxDistanceKm: number | null,
) {
  const ride = need.details.ride;
  return {
    id: need.id,
    category: need.category,
    comuneIstat: need.comuneIstat,
    lat: need.lat,
    lon: need.lon,
    maxDistanceKm,
    language: need.language,
    beneficiaryId: need.beneficiaryId,
    citizenUserIds: citizenUserIds(need),
    slot,
    ride: ride ? { wheelchair: ride.wheelchair, passengers: ride.passengers } : null,
  } satisfies MatchableNeed & { comuneIstat: string };
}

/** The rating term's prior is the reputation prior, so matching ranks as the public averages do. */
export function scoringConfigOf(config: AppConfig): ScoringConfig {
  return {
    ...DEFAULT_SCORING_CONFIG,
    ratingPriorMean: config.REPUTATION_PRIOR_MEAN,
    ratingPriorWeight: config.REPUTATION_PRIOR_WEIGHT,
  };
}

/**
 * Volunteers and organisations that meet every hard constraint, scored, best first. Both searches
 * run on their generic plans (withGenericPlansIn): written for them, and planning them afresh
 * each time cost as much as running them.
 */
export async function rankedCandidates(
  manager: EntityManager,
  need: MatchableNeed & { comuneIstat: string },
  limit: number,
  scoring: ScoringConfig,
  only: { helperUserId?: string; organisationId?: string } = {},
): Promise<(ProposalTarget & { displayName: string })[]> {
  return withGenericPlansIn(manager, () => rankedCandidatesNow(manager, need, limit, scoring, only));
}

async function rankedCandidatesNow(
  manager: EntityManager,
  need: MatchableNeed & { comuneIstat: string },
  limit: number,
  scoring: ScoringConfig,
  only: { helperUserId?: string; organisationId?: string },
): Promise<(ProposalTarget & { displayName: string })[]> {
  const volunteers = only.organisationId
    ? []
    : (await findCandidates(manager, need, limit, { helperUserId: only.helperUserId })).map((row) => ({
        ...row,
        organisationId: null,
        serviceOfferId: null,
      }));
  const organisations = only.helperUserId
    ? []
    : (await findOrganisationCandidates(manager, need, limit, { organisationId: only.organisationId })).map(
        (row) => ({ ...row, volunteerId: null }),
      );
  // Ranked by the total alone; the score's words (number formatting, most of scoring's cost) only
  // for the candidates kept, up to half of those scored.
  return [...volunteers, ...organisations]
    .map((candidate) => ({
      candidate,
      distanceKm: candidate.distanceKm,
      id: candidate.organisationId ?? candidate.userId,
      score: { total: scoreTotal(candidate, scoring) },
    }))
    .sort(compareCandidates)
    .slice(0, limit)
    .map(({ candidate, id }) => ({
      userId: candidate.userId,
      volunteerId: candidate.volunteerId,
      organisationId: candidate.organisationId,
      serviceOfferId: candidate.serviceOfferId,
      displayName: candidate.displayName,
      distanceKm: candidate.distanceKm,
      id,
      score: scoreCandidate(candidate, scoring),
    }));
}

/**
 * The worker side of matching: ranks the candidates of an open need and sends the best K a
 * proposal; expires proposals and tries the next candidates; when nobody is left it widens the
 * radius in steps, and finally records why and tells the territory's Comune operators. Every
 * step runs under the need's row lock, so a retried or duplicated job changes nothing.
 */
@Injectable()
export class MatchingEngine {
  private readonly logger = new Logger(MatchingEngine.name);
  /** The rating term's prior is the reputation prior, so matching ranks as the public averages do. */
  private readonly scoring: ScoringConfig;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly proposals: ProposalWriter,
    private readonly needReads: NeedReadsRepository,
    private readonly proposalRows: ProposalsRepository,
    private readonly matchStates: NeedMatchStatesRepository,
  ) {
    this.scoring = scoringConfigOf(config);
  }

  async matchNeed(needId: string): Promise<MatchOutcome> {
    return this.dataSource.transaction((manager) => this.matchInTransaction(manager, needId));
  }

  /** A proposal's answer time is over: mark it expired and ask the next candidates. */
  async expireProposal(proposalId: string): Promise<MatchOutcome | null> {
    return this.dataSource.transaction(async (manager) => {
      const needId = await this.proposalRows.findNeedIdOfProposal(manager, proposalId);
      if (!needId) return null;
      await this.lockForMatching(manager, needId);
      const expired = await this.expireOverdue(manager, needId);
      if (!expired) return null;
      return this.matchInTransaction(manager, needId);
    });
  }

  /**
   * A volunteer's availability, profile or own offer changed: open needs within their travel
   * radius, in their categories, still short of pending proposals, are matched again.
   */
  async matchNearVolunteer(volunteerId: string): Promise<number> {
    const needs = await this.needReads.findNeedsNearVolunteer(
      volunteerId,
      this.config.MATCHING_PROPOSALS_PER_NEED,
      RETRIGGER_LIMIT,
    );
    return this.matchEach(needs);
  }

  /** An organisation's service offer changed: open needs of its category in its area are matched again. */
  async matchNearServiceOffer(serviceOfferId: string): Promise<number> {
    const needs = await this.needReads.findNeedsNearServiceOffer(
      serviceOfferId,
      this.config.MATCHING_PROPOSALS_PER_NEED,
      RETRIGGER_LIMIT,
    );
    return this.matchEach(needs);
  }

  /** The periodic sweep: open needs with no pending proposal, oldest first, are matched again. */
  async sweepUnmatched(): Promise<number> {
    const needs = await this.needReads.findOpenNeedsWithoutLiveProposal(RETRIGGER_LIMIT * 5);
    return this.matchEach(needs);
  }

  async matchInTransaction(manager: EntityManager, needId: string): Promise<MatchOutcome> {
    await this.lockForMatching(manager, needId);
    const need = await this.needReads.loadNeedForMatching(manager, needId);
    if (!need || need.status !== 'open') return { proposed: 0, unmatched: null };
    const slot = slotOf(need, this.config.MATCHING_RIDE_BUFFER_MINUTES);
    if (!slot) return { proposed: 0, unmatched: null };
    await this.expireOverdue(manager, needId);
    const { pending, total } = await this.proposalRows.countProposalsOfNeed(manager, needId);
    const wanted = this.config.MATCHING_PROPOSALS_PER_NEED - pending;
    if (wanted <= 0) return { proposed: 0, unmatched: null };

    // Nobody left at this distance and nobody still to answer: widen, one step at a time.
    const steps = this.config.MATCHING_RADIUS_STEPS_KM;
    const radiusStep = await this.matchStates.findRadiusStep(manager, needId);
    let step = Math.min(radiusStep ?? 0, steps.length);
    let matchable = matchableOf(need, slot, widenedLimitKm(need.maxDistanceKm, steps, step));
    let ranked = await rankedCandidates(manager, matchable, CANDIDATE_POOL, this.scoring);
    while (ranked.length === 0 && pending === 0 && need.maxDistanceKm !== null && step < steps.length) {
      step += 1;
      matchable = matchableOf(need, slot, widenedLimitKm(need.maxDistanceKm, steps, step));
      ranked = await rankedCandidates(manager, matchable, CANDIDATE_POOL, this.scoring);
      this.logger.log(`Need ${need.id}: search widened to ${matchable.maxDistanceKm} km`);
    }
    ranked = ranked.slice(0, wanted);

    if (ranked.length === 0) {
      if (pending > 0) return { proposed: 0, unmatched: null };
      const reason = await unmatchedReasonOf(manager, matchable);
      const notifiedAt = await this.matchStates.saveUnmatchedRound(manager, {
        needId: need.id,
        comuneIstat: need.comuneIstat,
        reason,
        radiusStep: step,
      });
      if (!notifiedAt) await this.notifyOperators(manager, need);
      this.logger.log(`Need ${need.id} unmatched: ${reason}`);
      return { proposed: 0, unmatched: reason };
    }

    let rank = total;
    for (const candidate of ranked) {
      rank += 1;
      await this.proposals.propose(manager, need, candidate, rank);
    }
    // Proposals went out: off the unmatched list; a later give-up is told to the operators again.
    await this.matchStates.saveProposingRound(manager, {
      needId: need.id,
      comuneIstat: need.comuneIstat,
      radiusStep: step,
    });
    return { proposed: ranked.length, unmatched: null };
  }

  /**
   * One matching run per need at a time (an advisory lock), and a KEY SHARE lock on the need:
   * it waits for an acceptance in progress (which holds FOR UPDATE) and then reads the committed
   * status, and an acceptance waits for this run, so no proposal is left pending on a matched
   * need. KEY SHARE (what the proposals' foreign key takes anyway) lets the expiry sweep's
   * FOR NO KEY UPDATE SKIP LOCKED still pick the need.
   */
  private async lockForMatching(manager: EntityManager, needId: string): Promise<void> {
    await this.matchStates.lockMatchingOfNeed(manager, needId);
    await this.needReads.lockNeedKeyShare(manager, needId);
  }

  /** Each need in its own transaction, so one failure does not undo the others' proposals. */
  private async matchEach(needs: { id: string }[]): Promise<number> {
    let proposed = 0;
    for (const need of needs) proposed += (await this.matchNeed(need.id)).proposed;
    return proposed;
  }

  /** Pending proposals of the need whose time is over become expired. Returns how many. */
  private async expireOverdue(manager: EntityManager, needId: string): Promise<number> {
    const rows = await this.proposalRows.expireOverdueProposals(manager, needId);
    for (const row of rows) {
      await recordStatusChange(manager, {
        entityType: PROPOSAL_HISTORY_ENTITY,
        entityId: row.id,
        from: ProposalStatus.PENDING,
        to: ProposalStatus.EXPIRED,
        actorUserId: null,
        reason: 'no answer in time',
      });
    }
    return rows.length;
  }

  /** The Comune operators of every territory covering the need's Comune, once per give-up. */
  private async notifyOperators(manager: EntityManager, need: NeedForMatching): Promise<void> {
    const operatorIds = await this.matchStates.findComuneOperatorIds(manager, need.comuneIstat);
    const hours = await this.needReads.hoursOpen(manager, need.id);
    for (const operatorId of operatorIds) {
      await this.notifications.notifyUser(manager, {
        userId: operatorId,
        event: 'need_unmatched_operator',
        params: {
          summary: need.description,
          comune: need.comuneName,
          when: whenOf(need, this.config.MATCHING_RIDE_BUFFER_MINUTES),
          hours: String(hours),
        },
        ref: `need:${need.id}`,
      });
    }
    await this.matchStates.markOperatorsNotified(manager, need.id);
  }
}

/**
 * The first hard constraint that leaves nobody, for the operator: volunteers and accredited
 * organisations' offers counted together (an organisation in range but closed at that time makes
 * it "none available", not "nobody in range").
 */
export async function unmatchedReasonOf(
  manager: EntityManager,
  need: MatchableNeed & { comuneIstat: string },
): Promise<UnmatchedReason> {
  const anyone = async (stage: CandidateStage) =>
    (await countCandidates(manager, need, stage)) > 0 ||
    (await countOrganisationCandidates(manager, need, stage)) > 0;
  if (!(await anyone('range'))) return UnmatchedReason.NO_HELPER_IN_RANGE;
  if (!(await anyone('available'))) return UnmatchedReason.NONE_AVAILABLE;
  if (!(await anyone('requirements'))) return UnmatchedReason.REQUIREMENT_NOT_MET;
  return UnmatchedReason.ALL_DECLINED;
}
