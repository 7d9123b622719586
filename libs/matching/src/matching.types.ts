import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import {
  IdField,
  IntField,
  PageArgs,
  PageOf,
  StatusChangeEntry,
  StatusChangeOf,
  registerGraphqlEnums,
} from '@prossimo/platform';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
} from 'class-validator';
import { EngagementStatus } from './engagements/engagement-rules';

export { EngagementStatus };

export enum ProposalStatus {
  PENDING = 'pending',
  ACCEPTED = 'accepted',
  DECLINED = 'declined',
  WITHDRAWN = 'withdrawn',
  EXPIRED = 'expired',
}

export enum UnmatchedReason {
  NO_HELPER_IN_RANGE = 'no_helper_in_range',
  NONE_AVAILABLE = 'none_available',
  REQUIREMENT_NOT_MET = 'requirement_not_met',
  ALL_DECLINED = 'all_declined',
}

@ObjectType({ description: 'One part of a helper’s score and why ("perché questo aiutante").' })
export class ScoreReason {
  @Field({ description: 'distance, rating, continuity, fairness or reliability.' })
  name!: string;

  @Field(() => Float, { description: 'From 0 to 1, 1 best.' })
  value!: number;

  @Field(() => Float)
  weight!: number;

  @Field(() => Float, { description: 'Share of the total score this part gives.' })
  contribution!: number;

  @Field({ description: 'In the language of the request.' })
  explanation!: string;
}

/** Why a helper stands where they do in a need's ranking: a candidate and a proposal show it alike. */
@ObjectType({ isAbstract: true })
export abstract class HelperRanking {
  @Field(() => Float, { description: 'Total score, 0 to 1.' })
  score!: number;

  @Field(() => Float)
  distanceKm!: number;

  @Field(() => [ScoreReason])
  reasons!: ScoreReason[];

  @Field({ description: 'The reasons in one sentence, in the language of the request.' })
  whyThisHelper!: string;
}

@ObjectType()
export class MatchProposal extends HelperRanking {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  needId!: string;

  @Field(() => ID, { description: 'The volunteer, or the organisation’s contact person.' })
  helperUserId!: string;

  @Field({ description: 'The volunteer’s name, or the organisation’s.' })
  helperName!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Set when the proposal went to an accredited organisation.',
  })
  organisationId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The Comune operator who chose this helper by hand.' })
  assignedByUserId!: string | null;

  @Field(() => ProposalStatus)
  status!: ProposalStatus;

  @Field(() => Int, { description: 'Position in the ranking when proposed (1 = best).' })
  rank!: number;

  @Field()
  expiresAt!: Date;

  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;

  @Field()
  createdAt!: Date;
}

export const MatchProposalPage = PageOf(MatchProposal, 'MatchProposalPage');

@ObjectType()
export class Engagement {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  needId!: string;

  @Field(() => ID)
  helperUserId!: string;

  @Field()
  helperName!: string;

  @Field(() => ID, { nullable: true, description: 'Set when an accredited organisation answers the need.' })
  organisationId!: string | null;

  @Field(() => EngagementStatus)
  status!: EngagementStatus;

  @Field({ description: 'When the helper is busy: the ride with its buffers, or the need’s window.' })
  startsAt!: Date;

  @Field()
  endsAt!: Date;

  @Field(() => Float, { nullable: true })
  hoursLogged!: number | null;

  @Field(() => Date, { nullable: true })
  startedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  completedAt!: Date | null;

  @Field()
  createdAt!: Date;
}

export const EngagementPage = PageOf(Engagement, 'EngagementPage');

export const EngagementStatusChange = StatusChangeOf<EngagementStatus>(
  EngagementStatus,
  'EngagementStatusChange',
);
export type EngagementStatusChange = StatusChangeEntry<EngagementStatus>;

@ObjectType({ description: 'A need matching gave up on, for the Comune operator.' })
export class UnmatchedNeed {
  @Field(() => ID)
  needId!: string;

  @Field()
  comuneIstat!: string;

  @Field()
  category!: string;

  @Field()
  description!: string;

  @Field(() => Date, { nullable: true })
  windowStart!: Date | null;

  @Field(() => UnmatchedReason)
  reason!: UnmatchedReason;

  @Field({ description: 'The reason explained, in the language of the request.' })
  reasonText!: string;

  @Field()
  unmatchedAt!: Date;
}

export const UnmatchedNeedPage = PageOf(UnmatchedNeed, 'UnmatchedNeedPage');

@InputType()
export class ProposalDecisionInput {
  @IdField()
  proposalId!: string;
}

@InputType()
export class EngagementActionInput {
  @IdField()
  engagementId!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Why (cancellations and no-shows), up to 500 characters.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  reason?: string;
}

@InputType()
export class CompleteEngagementInput {
  @IdField()
  engagementId!: string;

  @Field(() => Float, { description: 'Hours of help given, more than 0 and at most 24.' })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0.25)
  @Max(24)
  hoursLogged!: number;
}

@ArgsType()
export class UnmatchedNeedsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Only this Comune (ISTAT code).' })
  @IsOptional()
  @IsString()
  @Length(6, 6)
  comuneIstat?: string;
}

@ArgsType()
export class OrganisationProposalsArgs extends PageArgs {
  @IdField()
  organisationId!: string;

  @Field(() => [ProposalStatus], {
    nullable: true,
    description: 'Only these (e.g. [PENDING]); all when absent.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @IsIn(Object.values(ProposalStatus), { each: true })
  statuses?: ProposalStatus[];
}

@ArgsType()
export class OrganisationEngagementsArgs extends PageArgs {
  @IdField()
  organisationId!: string;

  @Field(() => [EngagementStatus], {
    nullable: true,
    description: 'Only these (e.g. the live ones); all when absent.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(6)
  @IsIn(Object.values(EngagementStatus), { each: true })
  statuses?: EngagementStatus[];
}

@InputType()
export class RateEngagementInput {
  @IdField()
  engagementId!: string;

  @IntField({ min: 1, max: 5 }, { description: 'Stars from 1 to 5.' })
  stars!: number;
}

@InputType()
export class BlockHelperInput {
  @IdField({ description: 'The helper’s user id, as shown on a proposal or engagement.' })
  helperUserId!: string;
}

export enum CandidateKind {
  VOLUNTEER = 'volunteer',
  ORGANISATION = 'organisation',
}
registerGraphqlEnums(
  { ProposalStatus, EngagementStatus, UnmatchedReason, CandidateKind },
  {
    UnmatchedReason:
      'Why matching found nobody: nobody in range, nobody free then, a requirement not met, or all declined.',
  },
);

@ObjectType({ description: 'A helper who meets every hard constraint of a need, with "why this helper".' })
export class RankedCandidate extends HelperRanking {
  @Field(() => CandidateKind)
  kind!: CandidateKind;

  @Field(() => ID, { description: 'The volunteer, or the organisation’s contact person.' })
  helperUserId!: string;

  @Field(() => ID, { nullable: true })
  organisationId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The organisation’s service offer that answers the need.' })
  serviceOfferId!: string | null;

  @Field()
  helperName!: string;

  @Field(() => Int, { description: '1 = best.' })
  rank!: number;
}

@ArgsType()
export class NeedCandidatesArgs {
  @IdField()
  needId!: string;

  @IntField({ min: 1, max: 50 }, { defaultValue: 20, description: 'At most 50.' })
  first: number = 20;
}

@InputType({
  description: 'Give exactly one: a volunteer (helperUserId) or an organisation (organisationId).',
})
export class AssignHelperInput {
  @IdField()
  needId!: string;

  @IdField({ optional: true })
  helperUserId?: string;

  @IdField({ optional: true })
  organisationId?: string;
}

@ObjectType({ description: 'How matching works in a territory.' })
export class TerritoryMatchingSettings {
  @Field(() => ID)
  territoryId!: string;

  @Field({
    description:
      'After a helper accepts, the citizen (or a Comune operator) must confirm before the engagement holds.',
  })
  citizenConfirmationRequired!: boolean;

  @Field({
    description:
      'Every evening (MATCHING_BATCH_SCHEDULE) the worker assigns the next day’s open rides of the territory ' +
      'as a batch: most rides served, then least travel.',
  })
  scheduledBatchAssignment!: boolean;
}

@InputType()
export class SetTerritoryMatchingSettingsInput {
  @IdField()
  territoryId!: string;

  @Field()
  @IsBoolean()
  citizenConfirmationRequired!: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Left out: unchanged (off for a new territory).' })
  @IsOptional()
  @IsBoolean()
  scheduledBatchAssignment?: boolean | null;
}
