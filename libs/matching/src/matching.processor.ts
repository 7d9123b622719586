import { Injectable } from '@nestjs/common';
import { JobHandler, QueueProcessor } from '@prossimo/platform';
import { Job, UnrecoverableError } from 'bullmq';
import { MatchingEngine, MatchOutcome } from './matching-engine.service';

export const MATCH_NEED_JOB = 'match-need';
export const EXPIRE_PROPOSAL_JOB = 'expire-proposal';

/**
 * Matching jobs from the outbox: a need became open (or back on the market), or a proposal's
 * answer time is over. Both are idempotent under the need's row lock.
 */
@Injectable()
@QueueProcessor('matching', [MATCH_NEED_JOB, EXPIRE_PROPOSAL_JOB])
export class MatchingProcessor implements JobHandler {
  constructor(private readonly engine: MatchingEngine) {}

  async process(job: Job<unknown, unknown, string>): Promise<MatchOutcome | null> {
    const data = job.data as { needId?: unknown; proposalId?: unknown };
    if (job.name === MATCH_NEED_JOB && typeof data.needId === 'string') {
      return this.engine.matchNeed(data.needId);
    }
    if (job.name === EXPIRE_PROPOSAL_JOB && typeof data.proposalId === 'string') {
      return this.engine.expireProposal(data.proposalId);
    }
    throw new UnrecoverableError(`No handler for matching/${job.name}`);
  }
}
