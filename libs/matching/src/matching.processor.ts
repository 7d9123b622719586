import { Injectable } from '@nestjs/common';
import { JobHandler, QueueProcessor } from '@prossimo/platform';
import { Job, UnrecoverableError } from 'bullmq';
import { MatchingEngine, MatchOutcome } from './matching-engine.service';

export const MATCH_NEED_JOB = 'match-need';
export const EXPIRE_PROPOSAL_JOB = 'expire-proposal';
export const MATCH_NEAR_VOLUNTEER_JOB = 'match-near-volunteer';
export const MATCH_NEAR_SERVICE_OFFER_JOB = 'match-near-service-offer';
export const SWEEP_UNMATCHED_JOB = 'sweep-unmatched';

/**
 * Matching jobs from the outbox: a need became open (or back on the market), a proposal's answer
 * time is over, a helper's availability or an offer changed; and the repeatable sweep. Every one
 * is idempotent: each need is matched under its row lock, and a need with enough pending
 * proposals is left as it is.
 */
@Injectable()
@QueueProcessor('matching', [
  MATCH_NEED_JOB,
  EXPIRE_PROPOSAL_JOB,
  MATCH_NEAR_VOLUNTEER_JOB,
  MATCH_NEAR_SERVICE_OFFER_JOB,
  SWEEP_UNMATCHED_JOB,
])
export class MatchingProcessor implements JobHandler {
  constructor(private readonly engine: MatchingEngine) {}

  async process(job: Job<unknown, unknown, string>): Promise<MatchOutcome | { proposed: number } | null> {
    const data = (job.data ?? {}) as {
      needId?: unknown;
      proposalId?: unknown;
      volunteerId?: unknown;
      serviceOfferId?: unknown;
    };
    if (job.name === MATCH_NEED_JOB && typeof data.needId === 'string') {
      return this.engine.matchNeed(data.needId);
    }
    if (job.name === EXPIRE_PROPOSAL_JOB && typeof data.proposalId === 'string') {
      return this.engine.expireProposal(data.proposalId);
    }
    if (job.name === MATCH_NEAR_VOLUNTEER_JOB && typeof data.volunteerId === 'string') {
      return { proposed: await this.engine.matchNearVolunteer(data.volunteerId) };
    }
    if (job.name === MATCH_NEAR_SERVICE_OFFER_JOB && typeof data.serviceOfferId === 'string') {
      return { proposed: await this.engine.matchNearServiceOffer(data.serviceOfferId) };
    }
    if (job.name === SWEEP_UNMATCHED_JOB) return { proposed: await this.engine.sweepUnmatched() };
    throw new UnrecoverableError(`No handler for matching/${job.name}`);
  }
}
