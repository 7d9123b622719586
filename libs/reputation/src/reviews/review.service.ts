import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, AuthenticatedUser, Role, UserRolesRepository } from '@prossimo/identity';
import {
  applyRedactions,
  ContentType,
  ModerationService,
  ModerationStatus,
  RedactionSpan,
} from '@prossimo/moderation';
import {
  APP_CONFIG,
  AppConfig,
  DomainError,
  JOBS,
  mapPage,
  outboxJob,
  Page,
  recordStatusChange,
  toKeysetPage,
  writeAudit,
  writeOutbox,
} from '@prossimo/platform';
import { isUUID } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { HeldReason, screenComment } from '../screening/comment-screening';
import { ENGAGEMENT_SIDES, EngagementSidesSource, loadEngagementSides } from './engagement-sides';
import { ReviewRow, ReviewsRepository } from './reviews.repository';
import { ReviewStatus } from './review.entity';
import { canEditReview, checkReviewWindow, CRITERIA, criteriaSetOf } from './review-rules';
import { cleanText, sideOf, starsFor, subjectColumn, subjectOf } from './review-subjects';
import {
  EditReviewInput,
  HeldReview,
  MyReviewsArgs,
  OrganisationReviewsArgs,
  ReplyToReviewInput,
  Review,
  ReviewCriterion,
  ReviewDirection,
  ReviewHeldReason,
  ReviewSubjectType,
  ReviewVisibility,
  SubjectReviewsArgs,
  WriteReviewInput,
} from './review.types';

export const REVIEW_HISTORY_ENTITY = 'review';

/** Who looks at a review: decides whether unpublished texts and the edit flag are shown. */
interface Viewer {
  userId: string | null;
  /** Moderators (and the reviewed organisation's members for its replies) see unpublished texts. */
  moderator: boolean;
  organisationMember?: boolean;
}

/**
 * Two-way reviews after completed engagements. Comments go through the Comune's moderation
 * (and are held automatically when screening finds insults or personal data); the aggregates
 * follow through the reputation queue.
 */
@Injectable()
export class ReviewService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly moderation: ModerationService,
    private readonly reviews: ReviewsRepository,
    private readonly roles: UserRolesRepository,
    @Inject(ENGAGEMENT_SIDES) private readonly engagementSides: EngagementSidesSource,
  ) {}

  // ----- writing -----

  async writeReview(user: AuthenticatedUser, input: WriteReviewInput): Promise<Review> {
    const reviewId = await this.dataSource.transaction(async (manager) => {
      const sides = await loadEngagementSides(this.engagementSides, manager, input.engagementId, true);
      const side = sideOf(sides, user.userId);
      if (!side) throw new DomainError('ENGAGEMENT_NOT_FOUND', { field: 'engagementId' });
      const window = checkReviewWindow(
        sides.status,
        sides.completedAt,
        new Date(),
        this.config.REVIEW_WINDOW_DAYS,
      );
      if (window === 'not_completed') {
        throw new DomainError('REVIEW_ENGAGEMENT_NOT_COMPLETED', {
          field: 'engagementId',
          params: { status: sides.status },
        });
      }
      if (window === 'window_closed') {
        throw new DomainError('REVIEW_WINDOW_CLOSED', {
          field: 'engagementId',
          params: { days: this.config.REVIEW_WINDOW_DAYS },
        });
      }
      const subject = subjectOf(sides, side);
      if (!subject) throw new DomainError('REVIEW_SUBJECT_UNKNOWN', { field: 'engagementId' });
      if (subject.userId === user.userId) throw new DomainError('REVIEW_SELF', { field: 'engagementId' });
      if (subject.organisationId && (await this.isMember(manager, user.userId, subject.organisationId))) {
        throw new DomainError('REVIEW_OWN_ORGANISATION', { field: 'engagementId' });
      }
      const set = criteriaSetOf(subject.kind);
      const stars = starsFor(set, input, undefined);
      const comment = cleanText(input.comment);
      const held = comment ? screenComment(comment) : [];
      const reviewId = await this.reviews.insertReview(manager, {
        engagementId: sides.id,
        territoryId: sides.territoryId,
        comuneIstat: sides.comuneIstat,
        authorUserId: user.userId,
        authorSide: side,
        subjectKind: subject.kind,
        subjectUserId: subject.userId,
        subjectOrganisationId: subject.organisationId,
        subjectOfferId: subject.offerId,
        criteriaSet: set,
        stars,
        comment,
        heldReasons: held,
      });
      if (!reviewId) throw new DomainError('REVIEW_ALREADY_WRITTEN', { field: 'engagementId' });
      await this.submitForModeration(manager, reviewId, null, sides.comuneIstat, user.userId, comment, held);
      return reviewId;
    });
    return this.review(user, reviewId);
  }

  /** The author changes stars or comment within the edit time; the comment is checked again. */
  async editReview(user: AuthenticatedUser, input: EditReviewInput): Promise<Review> {
    await this.dataSource.transaction(async (manager) => {
      const current = await this.lockReview(manager, input.reviewId);
      if (current.authorUserId !== user.userId)
        throw new DomainError('REVIEW_NOT_FOUND', { field: 'reviewId' });
      if (!canEditReview(current.createdAt, new Date(), this.config.REVIEW_EDIT_HOURS)) {
        throw new DomainError('REVIEW_EDIT_CLOSED', {
          field: 'reviewId',
          params: { hours: this.config.REVIEW_EDIT_HOURS },
        });
      }
      if (current.status === 'rejected' || current.status === 'hidden') {
        throw new DomainError('REVIEW_EDIT_CLOSED', {
          field: 'reviewId',
          params: { hours: this.config.REVIEW_EDIT_HOURS },
        });
      }
      const stars = starsFor(current.criteriaSet, input, [current.c1, current.c2, current.c3]);
      const comment = input.comment === undefined ? current.comment : cleanText(input.comment);
      const held = comment ? screenComment(comment) : [];
      await this.reviews.updateReviewContent(manager, current.id, stars, comment, held);
      await this.submitForModeration(
        manager,
        current.id,
        current.status,
        current.comuneIstat,
        user.userId,
        comment,
        held,
      );
    });
    return this.review(user, input.reviewId);
  }

  /** The reviewed person, or a member of the reviewed organisation, replies once, publicly. */
  async replyToReview(user: AuthenticatedUser, input: ReplyToReviewInput): Promise<Review> {
    await this.dataSource.transaction(async (manager) => {
      const review = await this.lockReview(manager, input.reviewId);
      const isSubject =
        review.subjectKind === 'volunteer' || review.subjectKind === 'citizen'
          ? review.subjectUserId === user.userId
          : this.access.isOrganisationMember(user, review.subjectOrganisationId as string);
      if (!isSubject || review.status !== 'published') {
        throw new DomainError('REVIEW_NOT_FOUND', { field: 'reviewId' });
      }
      const body = cleanText(input.body);
      if (!body) throw new DomainError('FIELD_REQUIRED', { field: 'body', params: { field: 'body' } });
      const held = screenComment(body);
      const replyId = await this.reviews.insertReply(manager, review.id, user.userId, body, held);
      if (!replyId) throw new DomainError('REVIEW_ALREADY_REPLIED', { field: 'reviewId' });
      const status = await this.moderation.submit(
        manager,
        {
          contentType: ContentType.REVIEW_REPLY,
          contentId: replyId,
          comuneIstat: review.comuneIstat,
          authorUserId: user.userId,
          summary: body,
        },
        { hold: held.length > 0 },
      );
      await this.reviews.setReplyStatus(manager, replyId, status);
    });
    return this.review(user, input.reviewId);
  }

  /** Moderation changed a review's status (decision or reports): mirror it, then recount. */
  async applyReviewStatus(
    manager: EntityManager,
    reviewId: string,
    status: ModerationStatus,
    actorUserId: string | null,
  ): Promise<void> {
    const from = await this.reviews.updateStatusFromModeration(manager, reviewId, status);
    if (from === undefined) return;
    if (from !== status) {
      await recordStatusChange(manager, {
        entityType: REVIEW_HISTORY_ENTITY,
        entityId: reviewId,
        from,
        to: status,
        actorUserId,
        reason: 'moderation',
      });
    }
    await writeOutbox(manager, outboxJob(JOBS.updateReviewAggregates, { reviewId }));
  }

  /**
   * A moderator publishes the comment with parts removed (a phone number): the stored comment is
   * the redacted one, so that nobody reads the removed text again; the screening is settled.
   */
  async redactReview(
    manager: EntityManager,
    reviewId: string,
    spans: readonly RedactionSpan[],
  ): Promise<number> {
    const row = await this.reviews.lockReviewComment(manager, reviewId);
    if (!row?.comment) throw new DomainError('REDACTION_INVALID', { field: 'redactions' });
    await this.reviews.storeRedactedComment(manager, reviewId, applyRedactions(row.comment, spans));
    return spans.length;
  }

  /** redactReview for the reviewed party's reply. */
  async redactReply(
    manager: EntityManager,
    replyId: string,
    spans: readonly RedactionSpan[],
  ): Promise<number> {
    const row = await this.reviews.lockReplyBody(manager, replyId);
    if (!row) throw new DomainError('REDACTION_INVALID', { field: 'redactions' });
    await this.reviews.storeRedactedReply(manager, replyId, applyRedactions(row.body, spans));
    return spans.length;
  }

  async applyReplyStatus(manager: EntityManager, replyId: string, status: ModerationStatus): Promise<void> {
    await this.reviews.updateReplyStatusFromModeration(manager, replyId, status);
  }

  // ----- reading -----

  async review(user: AuthenticatedUser, reviewId: string): Promise<Review> {
    if (!isUUID(reviewId)) throw new DomainError('REVIEW_NOT_FOUND', { field: 'reviewId' });
    const row = await this.reviews.findReview(reviewId);
    if (!row) throw new DomainError('REVIEW_NOT_FOUND', { field: 'reviewId' });
    const member =
      row.subjectOrganisationId !== null && this.access.isOrganisationMember(user, row.subjectOrganisationId);
    const involved = row.authorUserId === user.userId || row.subjectUserId === user.userId || member;
    if (!involved && row.status !== 'published') {
      throw new DomainError('REVIEW_NOT_FOUND', { field: 'reviewId' });
    }
    return this.toReview(row, { userId: user.userId, moderator: false, organisationMember: member });
  }

  /** Reviews I wrote (any status) or received (published only). */
  async myReviews(user: AuthenticatedUser, args: MyReviewsArgs): Promise<Page<Review>> {
    const params: unknown[] = [user.userId];
    const conditions =
      args.direction === ReviewDirection.WRITTEN
        ? ['r.author_user_id = $1']
        : [`r.subject_user_id = $1`, `r.subject_kind IN ('volunteer', 'citizen')`, `r.status = 'published'`];
    return this.page(conditions, params, args, { userId: user.userId, moderator: false });
  }

  /** An organisation's members: the published reviews of the organisation and its offers, with replies. */
  async organisationReviews(user: AuthenticatedUser, args: OrganisationReviewsArgs): Promise<Page<Review>> {
    this.access.requireOrganisationMember(user, args.organisationId);
    const params: unknown[] = [args.organisationId];
    const conditions = [`r.subject_organisation_id = $1`, `r.status = 'published'`];
    return this.page(conditions, params, args, {
      userId: user.userId,
      moderator: false,
      organisationMember: true,
    });
  }

  /**
   * Public: the published reviews of a volunteer, organisation or offer, only from the minimum
   * number of reviews (below it a review could be traced back to its one author).
   */
  async subjectReviews(args: SubjectReviewsArgs): Promise<Page<Review>> {
    const column = subjectColumn(args.subjectType);
    const n = await this.reviews.countPublishedOf(column, args.subjectId);
    if (n < this.config.REVIEW_MIN_PUBLIC_COUNT) {
      return { items: [], pageInfo: { hasNextPage: false, endCursor: null } };
    }
    const params: unknown[] = [args.subjectId];
    const conditions = [`${column} = $1`, `r.status = 'published'`, `r.subject_kind <> 'citizen'`];
    return this.page(conditions, params, args, { userId: null, moderator: false });
  }

  /** Comune moderators: reviews and replies waiting for a decision in their territories, oldest first. */
  async heldReviews(
    user: AuthenticatedUser,
    args: { first: number; after?: string },
  ): Promise<Page<HeldReview>> {
    this.access.requireRole(user, [Role.COMUNE_MODERATOR]);
    const scope = this.access.scope(user, [Role.COMUNE_MODERATOR]);
    const params: unknown[] = [];
    const conditions = [
      this.access.comuneCondition(scope, 'r.comune_istat', params),
      `(r.status = 'pending' OR rr.status = 'pending')`,
    ];
    const rows = await this.reviews.findReviewsPage(conditions, params, args.after, 'ASC', args.first);
    const items = rows.map((row) => ({
      review: this.toReview(row, { userId: user.userId, moderator: true }),
      comuneIstat: row.comuneIstat,
      heldReasons: row.heldReasons as ReviewHeldReason[],
      replyHeldReasons: (row.replyHeldReasons ?? []) as ReviewHeldReason[],
      cursorAt: row.cursorAt,
      id: row.id,
    }));
    const page = toKeysetPage(items, args.first);
    // Held texts may carry health details: who read which, as for other sensitive fields.
    const sensitive = page.items.filter(
      (item) =>
        item.heldReasons.includes(ReviewHeldReason.HEALTH) ||
        item.replyHeldReasons.includes(ReviewHeldReason.HEALTH),
    );
    if (sensitive.length) {
      await writeAudit(this.dataSource.manager, {
        actorUserId: user.userId,
        action: 'review.held_health_read',
        entityType: 'review',
        details: { reviewIds: sensitive.map((item) => item.id) },
      });
    }
    return mapPage(page, ({ review, comuneIstat, heldReasons, replyHeldReasons }) => ({
      review,
      comuneIstat,
      heldReasons,
      replyHeldReasons,
    }));
  }

  // ----- internals -----

  private async page(
    conditions: string[],
    params: unknown[],
    args: { first: number; after?: string },
    viewer: Viewer,
  ): Promise<Page<Review>> {
    const rows = await this.reviews.findReviewsPage(conditions, params, args.after, 'DESC', args.first);
    return toKeysetPage(rows, args.first, (row) => this.toReview(row, viewer));
  }

  private toReview(row: ReviewRow, viewer: Viewer): Review {
    const names = CRITERIA[row.criteriaSet];
    const isAuthor = viewer.userId !== null && row.authorUserId === viewer.userId;
    const showComment = row.status === 'published' || isAuthor || viewer.moderator;
    const showReply =
      row.replyId !== null &&
      (row.replyStatus === 'published' ||
        viewer.moderator ||
        viewer.organisationMember === true ||
        row.replyAuthorUserId === viewer.userId);
    return {
      id: row.id,
      engagementId: row.engagementId,
      subjectType: row.subjectKind as ReviewSubjectType,
      subjectId: (row.subjectKind === 'offer'
        ? row.subjectOfferId
        : row.subjectKind === 'organisation'
          ? row.subjectOrganisationId
          : row.subjectUserId) as string,
      organisationId: row.subjectOrganisationId,
      scores: [row.c1, row.c2, row.c3].map((stars, index) => ({
        criterion: names[index] as ReviewCriterion,
        stars,
      })),
      overallStars: Number(row.overallStars),
      comment: showComment ? row.comment : null,
      visibility: row.status as ReviewVisibility,
      editable:
        isAuthor &&
        (row.status === 'published' || row.status === 'pending') &&
        canEditReview(row.createdAt, new Date(), this.config.REVIEW_EDIT_HOURS),
      reply: showReply
        ? {
            id: row.replyId as string,
            body: row.replyBody as string,
            visibility: row.replyStatus as ReviewVisibility,
            createdAt: row.replyCreatedAt as Date,
          }
        : null,
      createdAt: row.createdAt,
      editedAt: row.editedAt,
    };
  }

  /**
   * Stars alone need no moderator: published at once (still reportable). A comment follows the
   * territory's mode, and is held whatever the mode when screening flagged it.
   */
  private async submitForModeration(
    manager: EntityManager,
    reviewId: string,
    previous: ReviewStatus | null,
    comuneIstat: string,
    authorUserId: string,
    comment: string | null,
    held: HeldReason[],
  ): Promise<void> {
    const status = (await this.moderation.submit(
      manager,
      {
        contentType: ContentType.REVIEW,
        contentId: reviewId,
        comuneIstat,
        authorUserId,
        summary: comment ?? '',
      },
      { hold: held.length > 0, nothingToReview: comment === null },
    )) as ReviewStatus;
    await this.reviews.setReviewStatus(manager, reviewId, status);
    if (status !== previous) {
      await recordStatusChange(manager, {
        entityType: REVIEW_HISTORY_ENTITY,
        entityId: reviewId,
        from: previous,
        to: status,
        actorUserId: authorUserId,
        reason: held.length ? `held: ${held.join(', ')}` : previous === null ? 'written' : 'edited',
      });
    }
    await writeOutbox(manager, outboxJob(JOBS.updateReviewAggregates, { reviewId }));
  }

  private async lockReview(manager: EntityManager, reviewId: string): Promise<ReviewRow> {
    if (!isUUID(reviewId)) throw new DomainError('REVIEW_NOT_FOUND', { field: 'reviewId' });
    const row = await this.reviews.lockReview(manager, reviewId);
    if (!row) throw new DomainError('REVIEW_NOT_FOUND', { field: 'reviewId' });
    return row;
  }

  private async isMember(manager: EntityManager, userId: string, organisationId: string): Promise<boolean> {
    return this.roles.holdsOrganisationRole(manager, userId, organisationId);
  }
}
