import { ModerationStatus } from '@prossimo/moderation';
import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IdField, IntField, PageArgs, PageOf, TextField, registerGraphqlEnums } from '@prossimo/platform';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsIn, IsOptional, Length, Matches } from 'class-validator';
import { HELP_CATEGORIES, HelpCategory } from '../reference/category';
import { DATE_PATTERN, VolunteerPublicProfile } from '../volunteers/volunteer.types';
import { CALL_MESSAGE_MAX_LENGTH } from './call-message-rules';

export enum CallToActionStatus {
  OPEN = 'open',
  CLOSED = 'closed',
}

export enum CallAnswerStatus {
  PENDING = 'pending',
  ACCEPTED = 'accepted',
  DECLINED = 'declined',
}
/** Who calls for volunteers: the Comune itself (its staff), or an organisation. */
export enum CallPublisherKind {
  COMUNE = 'comune',
  ORGANISATION = 'organisation',
}
registerGraphqlEnums({ CallToActionStatus, CallAnswerStatus, CallPublisherKind });

@InputType()
export class PublishCallToActionInput {
  @TextField(200)
  title!: string;

  @TextField(5000, { description: 'The initiative: what volunteers will do, where and when.' })
  description!: string;

  @Field(() => [HelpCategory], { defaultValue: [] })
  @ArrayMaxSize(HELP_CATEGORIES.length)
  @IsIn(HELP_CATEGORIES, { each: true })
  categories: HelpCategory[] = [];

  @Field(() => String, { nullable: true, description: '"YYYY-MM-DD"; today when absent.' })
  @IsOptional()
  @Matches(DATE_PATTERN)
  startsOn?: string;

  @Field(() => String, {
    nullable: true,
    description: '"YYYY-MM-DD", included; none for an always-open call.',
  })
  @IsOptional()
  @Matches(DATE_PATTERN)
  endsOn?: string;

  @Field(() => [String], { description: 'ISTAT codes of the Comuni where it takes place.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @Length(6, 6, { each: true })
  comuneIstats!: string[];

  @IntField(
    { min: 1, max: 10000 },
    {
      optional: true,
      description: 'How many volunteers are wanted; required unless alwaysOpen.',
    },
  )
  volunteersWanted?: number;

  @Field({
    defaultValue: false,
    description: 'Level 1: an always-open call where people register interest by area, with no limit.',
  })
  @IsBoolean()
  alwaysOpen: boolean = false;

  @IdField({ optional: true, description: 'Publish for this organisation (its admins only).' })
  organisationId?: string;
}

@ObjectType()
export class CallPlace {
  @Field()
  istat!: string;

  @Field()
  name!: string;
}

@ObjectType({ description: 'Who calls: volunteers answer people they can name.' })
export class CallPublisher {
  @Field(() => CallPublisherKind)
  kind!: CallPublisherKind;

  @Field({ description: 'The organisation’s name; for the Comune’s own call, the name of its first Comune.' })
  name!: string;
}

@ObjectType()
export class CallToAction {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field()
  description!: string;

  @Field(() => [HelpCategory])
  categories!: HelpCategory[];

  @Field()
  startsOn!: string;

  @Field(() => String, { nullable: true })
  endsOn!: string | null;

  @Field(() => [CallPlace])
  places!: CallPlace[];

  @Field(() => Int, { nullable: true })
  volunteersWanted!: number | null;

  @Field(() => Int)
  acceptedCount!: number;

  @Field()
  alwaysOpen!: boolean;

  @Field(() => ID, { nullable: true })
  organisationId!: string | null;

  @Field(() => CallPublisher)
  publisher!: CallPublisher;

  @Field(() => CallToActionStatus)
  status!: CallToActionStatus;

  @Field(() => Date, { nullable: true, description: 'When its publisher closed it (closeCallToAction).' })
  closedAt!: Date | null;

  @Field(() => ModerationStatus, {
    nullable: true,
    description:
      'The Comune’s check, for its publisher (organisationCallsToAction, comuneCallsToAction); null elsewhere.',
  })
  moderationStatus?: ModerationStatus | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Answers waiting for the publisher’s decision, for its publisher (organisationCallsToAction, comuneCallsToAction); null elsewhere.',
  })
  pendingAnswerCount?: number | null;

  @Field()
  createdAt!: Date;
}

export const CallToActionPage = PageOf(CallToAction, 'CallToActionPage');

@ObjectType({ description: 'A volunteer’s own answer to a call: the call, and what its publisher decided.' })
export class MyCallAnswer {
  @Field(() => ID)
  id!: string;

  @Field(() => CallAnswerStatus)
  status!: CallAnswerStatus;

  @Field()
  createdAt!: Date;

  @Field(() => CallToAction)
  call!: CallToAction;
}

export const MyCallAnswerPage = PageOf(MyCallAnswer, 'MyCallAnswerPage');

/** A publisher's list of its calls: every state, or only those with answers to decide. */
@ArgsType()
export class PublisherCallsArgs extends PageArgs {
  @Field(() => Boolean, {
    nullable: true,
    description: 'Only the calls with answers waiting for a decision (what the publisher has to do).',
  })
  @IsOptional()
  @IsBoolean()
  withPendingAnswers?: boolean;
}

@ArgsType()
export class OrganisationCallsArgs extends PublisherCallsArgs {
  @IdField()
  organisationId!: string;
}

@ArgsType()
export class ComuneCallsArgs extends PublisherCallsArgs {
  @IdField({ optional: true, description: 'One of the staff member’s territories; all of them when absent.' })
  territoryId?: string;
}

@ArgsType()
export class CallsToActionArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Calls that take place in this Comune.' })
  @IsOptional()
  @Length(6, 6)
  comuneIstat?: string;
}

@InputType()
export class AnswerCallToActionInput {
  @IdField()
  callId!: string;

  @TextField(1000, { optional: true })
  message?: string;

  @Field(() => [String], {
    defaultValue: [],
    description: 'Areas of interest among the call’s Comuni (always-open calls); all when empty.',
  })
  @ArrayMaxSize(100)
  @Length(6, 6, { each: true })
  comuneIstats: string[] = [];
}

@InputType()
export class CloseCallToActionInput {
  @IdField()
  callId!: string;

  @TextField(500, {
    optional: true,
    description: 'Why, for the status history (not shown to volunteers).',
  })
  reason?: string;
}

@InputType()
export class CallAnswerDecisionInput {
  @IdField()
  answerId!: string;

  @TextField(500, { optional: true })
  reason?: string;
}

@ObjectType()
export class CallAnswer {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  callId!: string;

  @Field(() => CallAnswerStatus)
  status!: CallAnswerStatus;

  @Field(() => String, { nullable: true })
  message!: string | null;

  @Field(() => [String])
  comuneIstats!: string[];

  @Field(() => VolunteerPublicProfile, { description: 'The volunteer, without the home.' })
  volunteer!: VolunteerPublicProfile;

  @Field()
  createdAt!: Date;
}

export const CallAnswerPage = PageOf(CallAnswer, 'CallAnswerPage');

@ArgsType()
export class CallAnswersArgs extends PageArgs {
  @IdField()
  callId!: string;
}

@InputType()
export class SendCallMessageInput {
  @IdField()
  callId!: string;

  @TextField(CALL_MESSAGE_MAX_LENGTH, {
    description: 'Where to meet, what to bring: it reaches the accepted volunteers in the app and by SMS.',
  })
  body!: string;
}

@ObjectType({
  description:
    'What a call’s publisher wrote to the volunteers it accepted; signed by the publisher, not by the person.',
})
export class CallMessage {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  callId!: string;

  @Field()
  body!: string;

  @Field(() => Int, { description: 'How many accepted volunteers it was sent to.' })
  recipientCount!: number;

  @Field()
  createdAt!: Date;
}

export const CallMessagePage = PageOf(CallMessage, 'CallMessagePage');

@ArgsType()
export class CallMessagesArgs extends PageArgs {
  @IdField()
  callId!: string;
}
