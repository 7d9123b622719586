import { Injectable } from '@nestjs/common';
import { JOBS, OnJob, PayloadOf } from '@prossimo/platform';
import { MatchingEngine, MatchOutcome } from './matching-engine.service';

/**
 * Matching jobs from the outbox: a need became open (or back on the market), a proposal's answer
 * time is over, a helper's availability or an offer changed; and the repeatable sweep. Every one
 * is idempotent: each need is matched under its row lock, and a need with enough pending
 * proposals is left as it is.
 */
@Injectable()
export class MatchingProcessor {
  constructor(private readonly engine: MatchingEngine) {}

  @OnJob(JOBS.matchNeed)
  matchNeed({ needId }: PayloadOf<typeof JOBS.matchNeed>): Promise<MatchOutcome> {
    return this.engine.matchNeed(needId);
  }

  @OnJob(JOBS.expireProposal)
  expireProposal({ proposalId }: PayloadOf<typeof JOBS.expireProposal>): Promise<MatchOutcome | null> {
    return this.engine.expireProposal(proposalId);
  }

  @OnJob(JOBS.matchNearVolunteer)
  async matchNearVolunteer({
    volunteerId,
  }: PayloadOf<typeof JOBS.matchNearVolunteer>): Promise<{ proposed: number }> {
    return { proposed: await this.engine.matchNearVolunteer(volunteerId) };
  }

  @OnJob(JOBS.matchNearServiceOffer)
  async matchNearServiceOffer({
    serviceOfferId,
  }: PayloadOf<typeof JOBS.matchNearServiceOffer>): Promise<{ proposed: number }> {
    return { proposed: await this.engine.matchNearServiceOffer(serviceOfferId) };
  }

  @OnJob(JOBS.sweepUnmatched)
  async sweepUnmatched(): Promise<{ proposed: number }> {
    return { proposed: await this.engine.sweepUnmatched() };
  }
}
