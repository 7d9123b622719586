import { ArgsType, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageArgs, PageOf } from '@prossimo/platform';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';

export enum ReviewSubjectType {
  VOLUNTEER = 'volunteer',
  ORGANISATION = 'organisation',
  OFFER = 'offer',
  CITIZEN = 'citizen',
}
registerEnumType(ReviewSubjectType, {
  name: 'ReviewSubjectType',
  description:
    'Who a review is about: a volunteer, an organisation, one of its service offers, or a citizen.',
});

export enum ReviewVisibility {
  PENDING = 'pending',
  PUBLISHED = 'published',
  REJECTED = 'rejected',
  HIDDEN = 'hidden',
}
registerEnumType(ReviewVisibility, {
  name: 'ReviewVisibility',
  description: 'PENDING: waits for a moderator. Only PUBLISHED reviews are public and counted.',
});

export enum ReviewCriterion {
  PUNCTUALITY = 'punctuality',
  RESPECT = 'respect',
  HELP_QUALITY = 'helpQuality',
  QUALITY = 'quality',
  PRICE_CLARITY = 'priceClarity',
  RELIABILITY = 'reliability',
}
registerEnumType(ReviewCriterion, {
  name: 'ReviewCriterion',
  description:
    'People are rated on PUNCTUALITY, RESPECT (and kindness) and HELP_QUALITY; services on QUALITY, PRICE_CLARITY and RELIABILITY.',
});

export enum ReviewHeldReason {
  INSULT = 'insult',
  PHONE = 'phone',
  EMAIL = 'email',
  HEALTH = 'health',
}
registerEnumType(ReviewHeldReason, {
  name: 'ReviewHeldReason',
  description: 'Why a text was held for a moderator automatically.',
});

export enum ReviewDirection {
  WRITTEN = 'written',
  RECEIVED = 'received',
}
registerEnumType(ReviewDirection, { name: 'ReviewDirection' });

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
  @Field(() => Int, { nullable: true, description: 'People: punctuality.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  punctuality?: number;

  @Field(() => Int, { nullable: true, description: 'People: respect and kindness.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  respect?: number;

  @Field(() => Int, { nullable: true, description: 'People: quality of the help.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  helpQuality?: number;

  @Field(() => Int, { nullable: true, description: 'Services: quality.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  quality?: number;

  @Field(() => Int, { nullable: true, description: 'Services: clarity of the price.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  priceClarity?: number;

  @Field(() => Int, { nullable: true, description: 'Services: reliability.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  reliability?: number;

  @Field(() => String, { nullable: true, description: 'Up to 2000 characters.' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  comment?: string;
}

@InputType()
export class WriteReviewInput extends ReviewScoresInput {
  @Field(() => ID)
  @IsUUID()
  engagementId!: string;
}

@InputType()
export class EditReviewInput extends ReviewScoresInput {
  @Field(() => ID)
  @IsUUID()
  reviewId!: string;
}

@InputType()
export class ReplyToReviewInput {
  @Field(() => ID)
  @IsUUID()
  reviewId!: string;

  @Field({ description: 'Up to 2000 characters.' })
  @IsString()
  @Length(1, 2000)
  body!: string;
}

@ArgsType()
export class MyReviewsArgs extends PageArgs {
  @Field(() => ReviewDirection, { description: 'WRITTEN by me or RECEIVED about me.' })
  @IsIn(Object.values(ReviewDirection))
  direction!: ReviewDirection;
}

@ArgsType()
export class OrganisationReviewsArgs extends PageArgs {
  @Field(() => ID)
  @IsUUID()
  organisationId!: string;
}

@ArgsType()
export class SubjectReviewsArgs extends PageArgs {
  @Field(() => ReviewSubjectType, { description: 'VOLUNTEER, ORGANISATION or OFFER.' })
  @IsIn([ReviewSubjectType.VOLUNTEER, ReviewSubjectType.ORGANISATION, ReviewSubjectType.OFFER])
  subjectType!: ReviewSubjectType;

  @Field(() => ID)
  @IsUUID()
  subjectId!: string;
}
