import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { EnumField, IdField, IntField, PageArgs, PageOf, registerGraphqlEnums } from '@prossimo/platform';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';

export enum ReviewSubjectType {
  VOLUNTEER = 'volunteer',
  ORGANISATION = 'organisation',
  OFFER = 'offer',
  CITIZEN = 'citizen',
}

export enum ReviewVisibility {
  PENDING = 'pending',
  PUBLISHED = 'published',
  REJECTED = 'rejected',
  HIDDEN = 'hidden',
}

export enum ReviewCriterion {
  PUNCTUALITY = 'punctuality',
  RESPECT = 'respect',
  HELP_QUALITY = 'helpQuality',
  QUALITY = 'quality',
  PRICE_CLARITY = 'priceClarity',
  RELIABILITY = 'reliability',
}

export enum ReviewHeldReason {
  INSULT = 'insult',
  PHONE = 'phone',
  EMAIL = 'email',
  HEALTH = 'health',
}

export enum ReviewDirection {
  WRITTEN = 'written',
  RECEIVED = 'received',
}
registerGraphqlEnums(
  { ReviewSubjectType, ReviewVisibility, ReviewCriterion, ReviewHeldReason, ReviewDirection },
  {
    ReviewSubjectType:
      'Who a review is about: a volunteer, an organisation, one of its service offers, or a citizen.',
    ReviewVisibility: 'PENDING: waits for a moderator. Only PUBLISHED reviews are public and counted.',
    ReviewCriterion:
      'People are rated on PUNCTUALITY, RESPECT (and kindness) and HELP_QUALITY; services on QUALITY, PRICE_CLARITY and RELIABILITY.',
    ReviewHeldReason: 'Why a text was held for a moderator automatically.',
  },
);

@ObjectType()
export class CriterionScore {
  @Field(() => ReviewCriterion)
  criterion!: ReviewCriterion;

  @Field(() => Int, { description: '1 to 5 stars.' })
  stars!: number;
}

@ObjectType({ description: 'The reviewed party’s one public reply.' })
export class ReviewReply {
  @Field(() => ID)
  id!: string;

  @Field()
  body!: string;

  @Field(() => ReviewVisibility)
  visibility!: ReviewVisibility;

  @Field()
  createdAt!: Date;
}

@ObjectType({ description: 'One side’s review of the other after a completed engagement.' })
export class Review {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  engagementId!: string;

  @Field(() => ReviewSubjectType)
  subjectType!: ReviewSubjectType;

  @Field(() => ID, { description: 'The user, organisation or offer reviewed.' })
  subjectId!: string;

  @Field(() => ID, { nullable: true, description: 'The organisation of a reviewed offer.' })
  organisationId!: string | null;

  @Field(() => [CriterionScore])
  scores!: CriterionScore[];

  @Field(() => Float, { description: 'Mean of the three criteria.' })
  overallStars!: number;

  @Field(() => String, { nullable: true, description: 'Shown to others only once published.' })
  comment!: string | null;

  @Field(() => ReviewVisibility)
  visibility!: ReviewVisibility;

  @Field({ description: 'Only the author sees true, within the edit time.' })
  editable!: boolean;

  @Field(() => ReviewReply, { nullable: true })
  reply!: ReviewReply | null;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  editedAt!: Date | null;
}

export const ReviewPage = PageOf(Review, 'ReviewPage');

@ObjectType({ description: 'A review held for a moderator, with why (for Comune moderators).' })
export class HeldReview {
  @Field(() => Review)
  review!: Review;

  @Field(() => String)
  comuneIstat!: string;

  @Field(() => [ReviewHeldReason], { description: 'Why the comment was held automatically, if it was.' })
  heldReasons!: ReviewHeldReason[];

  @Field(() => [ReviewHeldReason], { description: 'Why the reply was held automatically, if it was.' })
  replyHeldReasons!: ReviewHeldReason[];
}

export const HeldReviewPage = PageOf(HeldReview, 'HeldReviewPage');

@ObjectType()
export class CriterionAverage {
  @Field(() => ReviewCriterion)
  criterion!: ReviewCriterion;

  @Field(() => Float)
  average!: number;
}

@ObjectType({
  description:
    'Published reviews of a volunteer, organisation or offer. The figures are null below the minimum number of reviews, so that no single review can be recognised.',
})
export class Reputation {
  @Field(() => ReviewSubjectType)
  subjectType!: ReviewSubjectType;

  @Field(() => ID)
  subjectId!: string;

  @Field({ description: 'Whether there are enough reviews to show the figures.' })
  shown!: boolean;

  @Field(() => Int, { nullable: true })
  reviewCount!: number | null;

  @Field(() => Float, { nullable: true, description: 'Mean stars over the reviews.' })
  average!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'The Bayesian average used for ranking: few reviews weigh little against the prior.',
  })
  bayesianAverage!: number | null;

  @Field(() => [CriterionAverage], { nullable: true })
  criteria!: CriterionAverage[] | null;
}

@InputType({
  description: 'Stars from 1 to 5 on the three criteria of the subject, and an optional comment.',
})
export class ReviewScoresInput {
  @IntField({ min: 1, max: 5 }, { optional: true, description: 'People: punctuality.' })
  punctuality?: number;

  @IntField({ min: 1, max: 5 }, { optional: true, description: 'People: respect and kindness.' })
  respect?: number;

  @IntField({ min: 1, max: 5 }, { optional: true, description: 'People: quality of the help.' })
  helpQuality?: number;

  @IntField({ min: 1, max: 5 }, { optional: true, description: 'Services: quality.' })
  quality?: number;

  @IntField({ min: 1, max: 5 }, { optional: true, description: 'Services: clarity of the price.' })
  priceClarity?: number;

  @IntField({ min: 1, max: 5 }, { optional: true, description: 'Services: reliability.' })
  reliability?: number;

  @Field(() => String, { nullable: true, description: 'Up to 2000 characters.' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  comment?: string;
}

@InputType()
export class WriteReviewInput extends ReviewScoresInput {
  @IdField()
  engagementId!: string;
}

@InputType()
export class EditReviewInput extends ReviewScoresInput {
  @IdField()
  reviewId!: string;
}

@InputType()
export class ReplyToReviewInput {
  @IdField()
  reviewId!: string;

  @Field({ description: 'Up to 2000 characters.' })
  @IsString()
  @Length(1, 2000)
  body!: string;
}

@ArgsType()
export class MyReviewsArgs extends PageArgs {
  @EnumField(ReviewDirection, { description: 'WRITTEN by me or RECEIVED about me.' })
  direction!: ReviewDirection;
}

@ArgsType()
export class OrganisationReviewsArgs extends PageArgs {
  @IdField()
  organisationId!: string;
}

@ArgsType()
export class SubjectReviewsArgs extends PageArgs {
  @Field(() => ReviewSubjectType, { description: 'VOLUNTEER, ORGANISATION or OFFER.' })
  @IsIn([ReviewSubjectType.VOLUNTEER, ReviewSubjectType.ORGANISATION, ReviewSubjectType.OFFER])
  subjectType!: ReviewSubjectType;

  @IdField()
  subjectId!: string;
}
