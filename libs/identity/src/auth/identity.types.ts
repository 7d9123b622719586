import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { AuthLevel } from '../spid-cie/levels';
import { User } from '../users/user.entity';
import { TextField } from '@prossimo/platform';

@InputType()
export class RequestPhoneVerificationInput {
  @TextField(32, { description: 'The phone number as the person types it; Italian numbers need no prefix.' })
  phone!: string;

  @Field(() => String, { nullable: true, description: 'Language of the SMS: "it" (default) or "en".' })
  @IsOptional()
  @IsIn(['it', 'en'])
  language?: string;
}

@InputType()
export class VerifyPhoneInput {
  @TextField(32)
  phone!: string;

  @TextField(16, { description: 'The 6-digit code received by SMS.' })
  code!: string;

  @Field(() => String, { nullable: true, description: 'Preferred language for a new account: "it" or "en".' })
  @IsOptional()
  @IsIn(['it', 'en'])
  language?: string;

  @TextField(32, {
    optional: true,
    description:
      'The version of the privacy notice the app showed and the person accepted (see privacyNotice). ' +
      'Recorded with the account; without it no acceptance is presumed and `myPrivacy` asks for one.',
  })
  privacyNoticeVersion?: string;
}

@InputType()
export class RefreshSessionInput {
  @Field(() => String, {
    nullable: true,
    description:
      'Omitted by the web app, whose refresh token is its HttpOnly cookie (header x-prossimo-client: web).',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(256)
  refreshToken?: string;
}

@ObjectType()
export class PhoneVerificationChallenge {
  @Field({ description: 'The number the code was sent to, in E.164.' })
  phone!: string;

  @Field()
  expiresAt!: Date;

  @Field({ description: 'Seconds to wait before asking for another code.' })
  resendAfterSeconds!: number;
}

@ObjectType()
export class AuthPayload {
  @Field()
  accessToken!: string;

  @Field()
  accessTokenExpiresAt!: Date;

  @Field(() => String, {
    nullable: true,
    description:
      'Keep it secret; exchange it for new tokens with refreshSession. Single use. Null for the web app ' +
      '(header x-prossimo-client: web), which gets it as an HttpOnly cookie that no script can read.',
  })
  refreshToken!: string | null;

  @Field()
  refreshTokenExpiresAt!: Date;

  @Field(() => User)
  user!: User;

  @Field(() => AuthLevel, {
    nullable: true,
    description: 'The SPID/CIE level of this session; null when signed in by phone and SMS code.',
  })
  authLevel!: AuthLevel | null;
}

@InputType()
export class SetMyCodiceFiscaleInput {
  @TextField(32, {
    optional: true,
    description:
      'Your codice fiscale (16 characters; spaces and case do not matter). Null removes it. ' +
      'FIELD_INVALID on input.codiceFiscale if its format or check character is wrong.',
  })
  codiceFiscale?: string | null;
}
