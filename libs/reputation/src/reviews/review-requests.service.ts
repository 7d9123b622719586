import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotificationsService } from '@prossimo/notifications';
import { APP_CONFIG, AppConfig, DomainError, JOBS, outboxJob, writeOutbox } from '@prossimo/platform';
import { DataSource, EntityManager } from 'typeorm';
import {
  citizenSideUserId,
  ENGAGEMENT_SIDES,
  EngagementSides,
  EngagementSidesSource,
  loadEngagementSides,
} from './engagement-sides';
import { ReviewAuthorSide } from './review.entity';
import { checkReviewWindow } from './review-rules';
import { ReviewsRepository } from './reviews.repository';

/** Asks both sides of a completed engagement for a review, and reminds once those who did not write. */
@Injectable()
export class ReviewRequestService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly reviews: ReviewsRepository,
    @Inject(ENGAGEMENT_SIDES) private readonly engagementSides: EngagementSidesSource,
  ) {}

  /**
   * In the completion's transaction: the rating request to each side (outbox), and one delayed
   * reminder job, which writes nothing for a side that has reviewed by then.
   */
  async requestReviews(manager: EntityManager, engagementId: string): Promise<void> {
    const sides = await loadEngagementSides(this.engagementSides, manager, engagementId, false);
    for (const target of await this.targets(manager, sides)) {
      await this.notifications.notifyUser(manager, {
        userId: target.userId,
        event: 'rating_request',
        params: {
          summary: sides.description,
          helper: target.otherName,
          days: this.config.REVIEW_WINDOW_DAYS,
        },
        ref: `engagement-review:${engagementId}`,
      });
    }
    await writeOutbox(
      manager,
      outboxJob(
        JOBS.remindReview,
        { engagementId },
        new Date(Date.now() + this.config.REVIEW_REMINDER_DELAY_SECONDS * 1000),
      ),
    );
  }

  /**
   * The reminder job: once per side, only to a side that has not reviewed, only while the window
   * is open. Each reminder is recorded with its notification, so a retry sends nothing twice.
   */
  async sendReminders(engagementId: string): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      let sides: EngagementSides;
      try {
        sides = await loadEngagementSides(this.engagementSides, manager, engagementId, true);
      } catch (error) {
        if (error instanceof DomainError) return 0;
        throw error;
      }
      const window = checkReviewWindow(
        sides.status,
        sides.completedAt,
        new Date(),
        this.config.REVIEW_WINDOW_DAYS,
      );
      if (window !== 'ok') return 0;
      const written = await this.reviews.findSidesThatReviewed(manager, engagementId);
      let sent = 0;
      for (const target of await this.targets(manager, sides)) {
        if (written.includes(target.side)) continue;
        if (!(await this.reviews.recordReminder(manager, engagementId, target.side))) continue;
        await this.notifications.notifyUser(manager, {
          userId: target.userId,
          event: 'rating_reminder',
          params: { summary: sides.description, helper: target.otherName },
          ref: `engagement-review:${engagementId}`,
        });
        sent += 1;
      }
      return sent;
    });
  }

  /** Who is asked: both sides when the citizen has an account (otherwise nobody can review them). */
  private async targets(
    manager: EntityManager,
    sides: EngagementSides,
  ): Promise<{ side: ReviewAuthorSide; userId: string; otherName: string }[]> {
    const citizen = citizenSideUserId(sides);
    // A desk need for someone without an account: there is nobody to ask or to be reviewed.
    if (!citizen) return [];
    const row = await this.engagementSides.findRequestNames(
      manager,
      sides.helperUserId,
      sides.serviceOfferId,
      citizen,
    );
    return [
      { side: 'citizen', userId: citizen, otherName: row?.offer ?? row?.helper ?? '-' },
      { side: 'helper', userId: sides.helperUserId, otherName: row?.citizen ?? '-' },
    ];
  }
}
