import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { IdentityModule } from '@prossimo/identity';
import { ContentType, ModerationModule, ModerationService } from '@prossimo/moderation';
import { NotificationsModule } from '@prossimo/notifications';
import { registerMessages } from '@prossimo/platform';
import { ReviewAggregatesRepository } from './aggregates/review-aggregates.repository';
import { ReviewAggregatesService } from './aggregates/review-aggregates.service';
import { ReputationProcessor } from './reputation.processor';
import { ReputationResolver } from './reviews/reputation.resolver';
import { ReviewRequestService } from './reviews/review-requests.service';
import { ReviewService } from './reviews/review.service';
import { ReviewAccountErasure } from './reviews/review-erasure';
import { ReviewPersonalDataRepository } from './reviews/review-personal-data.repository';
import { ReviewsRepository } from './reviews/reviews.repository';

registerMessages({
  REVIEW_NOT_FOUND: { it: 'Recensione non trovata.', en: 'Review not found.' },
  REVIEW_ENGAGEMENT_NOT_COMPLETED: {
    it: 'Si può recensire solo un impegno concluso (stato: {status}).',
    en: 'Only a completed engagement can be reviewed (status: {status}).',
  },
  REVIEW_WINDOW_CLOSED: {
    it: 'Il tempo per recensire questo impegno è scaduto ({days} giorni dalla conclusione).',
    en: 'The time to review this engagement is over ({days} days after completion).',
  },
  REVIEW_ALREADY_WRITTEN: {
    it: 'Hai già recensito questo impegno: puoi modificare la recensione entro 48 ore.',
    en: 'You have already reviewed this engagement: you can edit the review within 48 hours.',
  },
  REVIEW_SELF: { it: 'Non puoi recensire te stesso.', en: 'You cannot review yourself.' },
  REVIEW_OWN_ORGANISATION: {
    it: 'Non puoi recensire la tua organizzazione.',
    en: 'You cannot review your own organisation.',
  },
  REVIEW_SUBJECT_UNKNOWN: {
    it: 'Questa persona non ha un account: non può essere recensita.',
    en: 'This person has no account: they cannot be reviewed.',
  },
  REVIEW_CRITERION_NOT_FOR_SUBJECT: {
    it: 'Il criterio {field} non si applica a chi stai recensendo.',
    en: 'The criterion {field} does not apply to whom you are reviewing.',
  },
  REVIEW_EDIT_CLOSED: {
    it: 'Questa recensione non si può più modificare ({hours} ore dalla scrittura).',
    en: 'This review can no longer be edited ({hours} hours after writing).',
  },
  REVIEW_ALREADY_REPLIED: {
    it: 'Hai già risposto a questa recensione.',
    en: 'You have already replied to this review.',
  },
});

/** Keeps each review's status in step with moderation (decisions and reports). */
@Injectable()
class ReviewModerationLink implements OnModuleInit {
  constructor(
    private readonly moderation: ModerationService,
    private readonly reviews: ReviewService,
  ) {}

  onModuleInit(): void {
    this.moderation.onStatusChange(ContentType.REVIEW, (manager, reviewId, status, actorUserId) =>
      this.reviews.applyReviewStatus(manager, reviewId, status, actorUserId),
    );
    this.moderation.onStatusChange(ContentType.REVIEW_REPLY, (manager, replyId, status) =>
      this.reviews.applyReplyStatus(manager, replyId, status),
    );
    this.moderation.onRedaction(ContentType.REVIEW, (manager, reviewId, spans) =>
      this.reviews.redactReview(manager, reviewId, spans),
    );
    this.moderation.onRedaction(ContentType.REVIEW_REPLY, (manager, replyId, spans) =>
      this.reviews.redactReply(manager, replyId, spans),
    );
  }
}

/** Reviews for the API: writing, replies, moderation link, public reputation. */
@Module({
  imports: [IdentityModule, ModerationModule, NotificationsModule],
  providers: [
    ReviewService,
    ReviewRequestService,
    ReviewAggregatesService,
    ReputationResolver,
    ReviewModerationLink,
    ReviewAccountErasure,
    ReviewsRepository,
    ReviewAggregatesRepository,
    ReviewPersonalDataRepository,
  ],
  exports: [ReviewService, ReviewRequestService, ReviewAggregatesService],
})
export class ReputationModule {}

/** Reputation for the worker: aggregates and reminders. */
@Module({
  imports: [NotificationsModule],
  providers: [
    ReviewAggregatesService,
    ReviewRequestService,
    ReputationProcessor,
    ReviewsRepository,
    ReviewAggregatesRepository,
  ],
  exports: [ReviewAggregatesService],
})
export class ReputationWorkerModule {}
