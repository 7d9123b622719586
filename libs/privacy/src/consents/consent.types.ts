import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { registerGraphqlEnums } from '@prossimo/platform';
import { IsEnum, IsIn, IsOptional, IsString, Matches } from 'class-validator';

export enum ConsentKind {
  PRIVACY_NOTICE = 'privacy_notice',
  HEALTH_DATA = 'health_data',
  FAMILY_CONTACT = 'family_contact',
}
registerGraphqlEnums(
  { ConsentKind },
  {
    ConsentKind:
      'PRIVACY_NOTICE: a version of the notice accepted. HEALTH_DATA: explicit consent to process health notes ' +
      '(GDPR art. 9). FAMILY_CONTACT: a family member receives updates (given with updateNotificationPreferences).',
  },
);

@ObjectType({ description: 'A version of the privacy notice, in one language.' })
export class PrivacyNotice {
  @Field()
  version!: string;

  @Field()
  language!: string;

  @Field()
  title!: string;

  @Field()
  body!: string;

  @Field()
  publishedAt!: Date;
}

@ObjectType({ description: 'A consent given, and when it was withdrawn if it was.' })
export class Consent {
  @Field(() => ID)
  id!: string;

  @Field(() => ConsentKind)
  kind!: ConsentKind;

  @Field(() => String, { nullable: true, description: 'PRIVACY_NOTICE: the version accepted.' })
  noticeVersion!: string | null;

  @Field()
  grantedAt!: Date;

  @Field(() => Date, { nullable: true })
  withdrawnAt!: Date | null;
}

@ObjectType({
  description: 'Where the signed-in person stands: notice accepted, consents in force, history.',
})
export class PrivacyStatus {
  @Field({ description: 'The version of the privacy notice in force.' })
  currentNoticeVersion!: string;

  @Field(() => String, { nullable: true, description: 'The newest version the person accepted.' })
  acceptedNoticeVersion!: string | null;

  @Field({ description: 'True when the app should show the current notice and call acceptPrivacyNotice.' })
  noticeAcceptanceRequired!: boolean;

  @Field()
  healthDataConsent!: boolean;

  @Field()
  familyContactConsent!: boolean;

  @Field(() => [Consent], { description: 'Every consent given and withdrawn, oldest first.' })
  consents!: Consent[];
}

@ObjectType({ description: 'What withdrawing a consent did.' })
export class ConsentWithdrawal {
  @Field(() => ConsentKind)
  kind!: ConsentKind;

  @Field({ description: 'False when no consent of this kind was in force.' })
  withdrawn!: boolean;

  @Field(() => Int, { description: 'HEALTH_DATA: needs whose health notes were erased.' })
  sensitiveNotesPurged!: number;

  @Field(() => Int, { description: 'FAMILY_CONTACT: messages to the family contact that will not be sent.' })
  familyNotificationsCancelled!: number;
}

@InputType()
export class AcceptPrivacyNoticeInput {
  @Field({ description: 'The version shown to the person (privacyNotice.version).' })
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{1,32}$/)
  version!: string;
}

@InputType()
export class ConsentInput {
  @Field(() => ConsentKind)
  @IsEnum(ConsentKind)
  kind!: ConsentKind;
}

@ArgsType()
export class PrivacyNoticeArgs {
  @Field(() => String, { nullable: true, description: '"it" (default: the request language) or "en".' })
  @IsOptional()
  @IsIn(['it', 'en'])
  language?: string;
}
