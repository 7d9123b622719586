import { Injectable } from '@nestjs/common';
import { JobHandler, QueueProcessor } from '@prossimo/platform';
import { Job, UnrecoverableError } from 'bullmq';
import { ReviewAggregatesService } from './aggregates/review-aggregates.service';
import { ReviewRequestService } from './reviews/review-requests.service';

export const UPDATE_AGGREGATES_JOB = 'update-aggregates';
export const REMIND_REVIEW_JOB = 'remind-review';

/** Reputation jobs from the outbox (ids only): recount a review's aggregates; remind once. Both idempotent. */
@Injectable()
@QueueProcessor('reputation', [UPDATE_AGGREGATES_JOB, REMIND_REVIEW_JOB])
export class ReputationProcessor implements JobHandler {
  constructor(
    private readonly aggregates: ReviewAggregatesService,
    private readonly requests: ReviewRequestService,
  ) {}

  async process(job: Job<unknown, unknown, string>): Promise<unknown> {
    const data = job.data as { reviewId?: unknown; engagementId?: unknown };
    if (job.name === UPDATE_AGGREGATES_JOB && typeof data.reviewId === 'string') {
      return { changed: await this.aggregates.updateForReview(data.reviewId) };
    }
    if (job.name === REMIND_REVIEW_JOB && typeof data.engagementId === 'string') {
      return { reminded: await this.requests.sendReminders(data.engagementId) };
    }
    throw new UnrecoverableError(`No handler for reputation/${job.name}`);
  }
}
