import { UseGuards } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthenticatedUser, AuthGuard, CurrentUser } from '@prossimo/identity';
import { Page, PageArgs, SensitiveOperation } from '@prossimo/platform';
import { ReviewAggregatesService } from '../aggregates/review-aggregates.service';
import { ReviewService } from './review.service';
import {
  EditReviewInput,
  HeldReview,
  HeldReviewPage,
  MyReviewsArgs,
  OrganisationReviewsArgs,
  ReplyToReviewInput,
  Reputation,
  Review,
  ReviewPage,
  ReviewSubjectType,
  SubjectReviewsArgs,
  WriteReviewInput,
} from './review.types';

@Resolver()
export class ReputationResolver {
  constructor(
    private readonly reviews: ReviewService,
    private readonly aggregates: ReviewAggregatesService,
  ) {}

  @Mutation(() => Review, {
    description:
      'Either side of a completed engagement reviews the other, once, within the review window: three criteria (1-5 stars) and an optional comment.',
  })
  @UseGuards(AuthGuard)
  @SensitiveOperation()
  writeReview(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: WriteReviewInput,
  ): Promise<Review> {
    return this.reviews.writeReview(user, input);
  }

  @Mutation(() => Review, {
    description: 'The author edits a review within the edit time (48 hours by default).',
  })
  @UseGuards(AuthGuard)
  @SensitiveOperation()
  editReview(@CurrentUser() user: AuthenticatedUser, @Args('input') input: EditReviewInput): Promise<Review> {
    return this.reviews.editReview(user, input);
  }

  @Mutation(() => Review, {
    description: 'The reviewed person, or a member of the reviewed organisation, replies once, publicly.',
  })
  @UseGuards(AuthGuard)
  @SensitiveOperation()
  replyToReview(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: ReplyToReviewInput,
  ): Promise<Review> {
    return this.reviews.replyToReview(user, input);
  }

  @Query(() => ReviewPage, {
    description: 'Reviews I wrote (any status) or received (published), newest first.',
  })
  @UseGuards(AuthGuard)
  myReviews(@CurrentUser() user: AuthenticatedUser, @Args() args: MyReviewsArgs): Promise<Page<Review>> {
    return this.reviews.myReviews(user, args);
  }

  @Query(() => ReviewPage, {
    description: 'Members of an organisation: the published reviews of it and its offers, with replies.',
  })
  @UseGuards(AuthGuard)
  organisationReviews(
    @CurrentUser() user: AuthenticatedUser,
    @Args() args: OrganisationReviewsArgs,
  ): Promise<Page<Review>> {
    return this.reviews.organisationReviews(user, args);
  }

  @Query(() => ReviewPage, {
    description:
      'Public: published reviews of a volunteer, organisation or offer; empty below the minimum number of reviews.',
  })
  @SensitiveOperation()
  reviewsOf(@Args() args: SubjectReviewsArgs): Promise<Page<Review>> {
    return this.reviews.subjectReviews(args);
  }

  @Query(() => Reputation, {
    description:
      'Public: count, averages and Bayesian average; null figures below the minimum number of reviews.',
  })
  @SensitiveOperation()
  reputation(
    @Args('subjectType', { type: () => ReviewSubjectType }) subjectType: ReviewSubjectType,
    @Args('subjectId', { type: () => ID }) subjectId: string,
  ): Promise<Reputation> {
    return this.aggregates.reputation(subjectType, subjectId);
  }

  @Query(() => HeldReviewPage, {
    description: 'Comune moderators: reviews and replies of their territories waiting for a decision.',
  })
  @UseGuards(AuthGuard)
  heldReviews(@CurrentUser() user: AuthenticatedUser, @Args() args: PageArgs): Promise<Page<HeldReview>> {
    return this.reviews.heldReviews(user, args);
  }
}
