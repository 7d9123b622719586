import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import {
  NestedField,
  PageArgs,
  PageInfo,
  PageOf,
  TextField,
  TimeOfDayField,
  registerGraphqlEnums,
} from '@prossimo/platform';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { NOTIFICATION_EVENTS, NotificationEvent } from './templates/templates';

export enum NotificationChannelOption {
  SMS = 'sms',
  EMAIL = 'email',
  IN_APP = 'in_app',
  /** App IO, for people with a codice fiscale; the channel after it is its fallback (not on IO). */
  IO = 'io',
}
registerGraphqlEnums({ NotificationChannelOption });

@ObjectType()
export class EventChannels {
  @Field({ description: `One of: ${NOTIFICATION_EVENTS.join(', ')}.` })
  event!: string;

  @Field(() => [NotificationChannelOption])
  channels!: NotificationChannelOption[];
}

@ObjectType()
export class FamilyContact {
  @Field()
  name!: string;

  @Field()
  phone!: string;

  @Field({ description: 'When the user agreed that the family contact receives updates.' })
  consentAt!: Date;
}

@ObjectType()
export class NotificationPreferences {
  @Field()
  language!: string;

  @Field({ description: 'Start of the quiet hours (HH:MM, Europe/Rome): no SMS except OTP and urgent.' })
  quietHoursStart!: string;

  @Field({ description: 'End of the quiet hours (HH:MM, Europe/Rome): held SMS go out then.' })
  quietHoursEnd!: string;

  @Field(() => [EventChannels], { description: 'Channels per event (defaults filled in).' })
  channels!: EventChannels[];

  @Field(() => FamilyContact, { nullable: true })
  familyContact!: FamilyContact | null;

  @Field(() => String, { nullable: true, description: 'Where EMAIL notifications go (optional).' })
  email!: string | null;
}

@InputType()
export class EventChannelsInput {
  @Field(() => String)
  @IsIn(NOTIFICATION_EVENTS)
  event!: NotificationEvent;

  @Field(() => [NotificationChannelOption])
  @IsArray()
  @ArrayUnique()
  @IsIn(Object.values(NotificationChannelOption), { each: true })
  channels!: NotificationChannelOption[];
}

@InputType()
export class FamilyContactInput {
  @TextField(80)
  name!: string;

  @TextField(32)
  phone!: string;

  @Field({ description: 'Must be true: the user confirms the family contact agreed to receive updates.' })
  @IsBoolean()
  consent!: boolean;
}

@InputType()
export class UpdateNotificationPreferencesInput {
  @Field({ nullable: true })
  @IsOptional()
  @IsIn(['it', 'en'])
  language?: string;

  @TimeOfDayField({ optional: true })
  quietHoursStart?: string;

  @TimeOfDayField({ optional: true })
  quietHoursEnd?: string;

  @Field(() => [EventChannelsInput], {
    nullable: true,
    description: 'Replaces the channels of these events.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(NOTIFICATION_EVENTS.length)
  @ValidateNested({ each: true })
  @Type(() => EventChannelsInput)
  channels?: EventChannelsInput[];

  @NestedField(() => FamilyContactInput, { optional: true })
  familyContact?: FamilyContactInput;

  @Field({ nullable: true, description: 'Removes the family contact (and the consent).' })
  @IsOptional()
  @IsBoolean()
  removeFamilyContact?: boolean;

  @Field({ nullable: true, description: 'E-mail address for the EMAIL channel (checked for form).' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsEmail({ allow_display_name: false, require_tld: true, allow_ip_domain: false })
  @MaxLength(254)
  email?: string;

  @Field({ nullable: true, description: 'Removes the e-mail address (no event may still use EMAIL).' })
  @IsOptional()
  @IsBoolean()
  removeEmail?: boolean;
}

@ObjectType()
export class InAppNotification {
  @Field(() => ID)
  id!: string;

  @Field()
  event!: string;

  @Field()
  body!: string;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  readAt!: Date | null;
}

@ObjectType()
export class InAppNotificationPage {
  @Field(() => [InAppNotification])
  items!: InAppNotification[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Unread in-app notifications in total (not only on this page).' })
  unreadCount!: number;
}

@ArgsType()
export class MyNotificationsArgs extends PageArgs {
  @Field({ nullable: true, defaultValue: false })
  @IsOptional()
  @IsBoolean()
  unreadOnly?: boolean;
}

@ObjectType()
export class FailedNotification {
  @Field(() => ID)
  id!: string;

  @Field()
  channel!: string;

  @Field()
  event!: string;

  @Field({ description: 'Masked recipient (last digits only).' })
  recipient!: string;

  @Field()
  status!: string;

  @Field(() => Int)
  attempts!: number;

  @Field(() => String, { nullable: true })
  lastError!: string | null;

  @Field(() => String, { nullable: true })
  gateway!: string | null;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}

export const FailedNotificationPage = PageOf(FailedNotification, 'FailedNotificationPage');

@InputType()
export class MarkNotificationsReadInput {
  @Field(() => [ID])
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  ids!: string[];
}
