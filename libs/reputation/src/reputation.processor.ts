import { Injectable } from '@nestjs/common';
import { JOBS, OnJob, PayloadOf } from '@prossimo/platform';
import { ReviewAggregatesService } from './aggregates/review-aggregates.service';
import { ReviewRequestService } from './reviews/review-requests.service';

/** Reputation jobs from the outbox (ids only): recount a review's aggregates; remind once. Both idempotent. */
@Injectable()
export class ReputationProcessor {
  constructor(
    private readonly aggregates: ReviewAggregatesService,
    private readonly requests: ReviewRequestService,
  ) {}

  @OnJob(JOBS.updateReviewAggregates)
  async updateAggregates({
    reviewId,
  }: PayloadOf<typeof JOBS.updateReviewAggregates>): Promise<{ changed: boolean }> {
    return { changed: await this.aggregates.updateForReview(reviewId) };
  }

  @OnJob(JOBS.remindReview)
  async remindReview({ engagementId }: PayloadOf<typeof JOBS.remindReview>): Promise<{ reminded: number }> {
    return { reminded: await this.requests.sendReminders(engagementId) };
  }
}
