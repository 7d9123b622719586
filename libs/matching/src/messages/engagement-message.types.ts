import { ArgsType, Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { ModerationStatus } from '@prossimo/moderation';
import { IdField, PageArgs, PageOf, registerGraphqlEnums } from '@prossimo/platform';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { MESSAGE_MAX_LENGTH, MessageSide } from './message-rules';

registerGraphqlEnums(
  { EngagementMessageSide: MessageSide },
  {
    EngagementMessageSide:
      'Who wrote: the helper (or their organisation), the person helped (or who asked), Comune staff.',
  },
);

@ObjectType()
export class EngagementMessage {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  engagementId!: string;

  @Field(() => MessageSide)
  side!: MessageSide;

  @Field({ description: 'The name the other party knows: never a phone number.' })
  senderName!: string;

  @Field({ description: 'Written by the signed-in user.' })
  mine!: boolean;

  @Field()
  body!: string;

  @Field({ description: 'Written as an SMS reply.' })
  viaSms!: boolean;

  @Field(() => ModerationStatus, {
    description:
      'PENDING: held for a moderator (a number, an address or an insult); only its writer and staff see it.',
  })
  moderationStatus!: ModerationStatus;

  @Field()
  createdAt!: Date;
}

export const EngagementMessagePage = PageOf(EngagementMessage, 'EngagementMessagePage');

@ArgsType()
export class EngagementMessagesArgs extends PageArgs {
  @IdField()
  engagementId!: string;
}

@InputType()
export class SendEngagementMessageInput {
  @IdField()
  engagementId!: string;

  @Field({ description: `At most ${MESSAGE_MAX_LENGTH} characters (it may go by SMS).` })
  @IsString()
  @MinLength(1)
  @MaxLength(MESSAGE_MAX_LENGTH)
  body!: string;
}
