import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import {
  EnumField,
  IdField,
  IntField,
  PageArgs,
  PageOf,
  TextField,
  registerGraphqlEnums,
} from '@prossimo/platform';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsOptional, ValidateNested } from 'class-validator';

/** Every kind of user content that the Comune moderates. */
export enum ContentType {
  ORGANISATION = 'organisation',
  SERVICE_OFFER = 'service_offer',
  VOLUNTEER_PROFILE = 'volunteer_profile',
  VOLUNTEER_OFFER = 'volunteer_offer',
  NEED = 'need',
  CALL_TO_ACTION = 'call_to_action',
  REVIEW = 'review',
  REVIEW_REPLY = 'review_reply',
  /** A message between the parties of an engagement (private: only they and staff read it). */
  ENGAGEMENT_MESSAGE = 'engagement_message',
}

export enum ModerationMode {
  PRE = 'pre',
  POST = 'post',
}

export enum ModerationStatus {
  PENDING = 'pending',
  PUBLISHED = 'published',
  REJECTED = 'rejected',
  HIDDEN = 'hidden',
}

export enum ModerationDecision {
  APPROVE = 'approve',
  REJECT = 'reject',
  HIDE = 'hide',
  RESTORE = 'restore',
  /** Publish with the parts given in `redactions` removed (a phone number in a comment). */
  REDACT = 'redact',
}
registerGraphqlEnums(
  { ContentType, ModerationMode, ModerationStatus, ModerationDecision },
  {
    ModerationMode: 'PRE: nothing is public before approval. POST: public at once, reviewed afterwards.',
  },
);

@ObjectType()
export class ModerationItem {
  @Field(() => ContentType)
  contentType!: ContentType;

  @Field(() => ID)
  contentId!: string;

  @Field()
  comuneIstat!: string;

  @Field(() => ModerationStatus)
  status!: ModerationStatus;

  @Field()
  needsReview!: boolean;

  @Field(() => Int)
  reportCount!: number;

  @Field({ description: 'A short text of the content for the queue (no sensitive notes).' })
  summary!: string;

  @Field(() => ID, { nullable: true })
  authorUserId!: string | null;

  @Field()
  createdAt!: Date;
}

export const ModerationItemPage = PageOf(ModerationItem, 'ModerationItemPage');

@ArgsType()
export class ModerationQueueArgs extends PageArgs {
  @EnumField(ContentType, { optional: true })
  contentType?: ContentType;

  @EnumField(ModerationStatus, { optional: true })
  status?: ModerationStatus;
}

@InputType()
export class ContentRefInput {
  @EnumField(ContentType)
  contentType!: ContentType;

  @IdField()
  contentId!: string;
}

@InputType()
export class ReportContentInput extends ContentRefInput {
  @TextField(1000, { description: 'Why it is reported.' })
  reason!: string;
}

@InputType({ description: 'A part of a text, in characters from 0: start included, end excluded.' })
export class RedactionSpanInput {
  @IntField({ min: 0 })
  start!: number;

  @IntField({ min: 1 })
  end!: number;
}

@InputType()
export class ModerateContentInput extends ContentRefInput {
  @EnumField(ModerationDecision)
  decision!: ModerationDecision;

  @TextField(1000)
  reason!: string;

  @Field(() => [RedactionSpanInput], {
    nullable: true,
    description: 'With REDACT (reviews and replies): the parts of the text to remove, each shown as "[…]".',
  })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => RedactionSpanInput)
  redactions?: RedactionSpanInput[];
}

@InputType()
export class SetModerationModeInput {
  @IdField()
  territoryId!: string;

  @EnumField(ContentType)
  contentType!: ContentType;

  @EnumField(ModerationMode)
  mode!: ModerationMode;
}

@ObjectType({ description: 'How one content type is moderated in a territory.' })
export class ModerationModeSetting {
  @Field(() => ContentType)
  contentType!: ContentType;

  @Field(() => ModerationMode)
  mode!: ModerationMode;

  @Field({ description: 'True when the territory has not chosen: the platform’s default applies.' })
  isDefault!: boolean;
}

@InputType()
export class SuspendUserInput {
  @IdField()
  userId!: string;

  @TextField(1000)
  reason!: string;
}
