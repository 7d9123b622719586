// GraphQL inputs and arguments of needs (requests.types.ts re-exports them).

import { ArgsType, Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { LatLonInput, PageArgs } from '@prossimo/platform';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsDate,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { NeedStatus } from '../lifecycle/need-status';
import { AccessibilityNeed, NeedCategory, NeedUrgency } from '../needs/need-enums';

// ----- inputs -----

@InputType()
export class GeoPointInput extends LatLonInput {}

@InputType()
export class RideDetailsInput {
  @Field({ description: 'Where to pick the person up, as they would say it.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  pickupPlace!: string;

  @Field(() => GeoPointInput)
  @ValidateNested()
  @Type(() => GeoPointInput)
  pickupLocation!: GeoPointInput;

  @Field({ description: 'Where to go: a hospital, a clinic, an office.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  destinationPlace!: string;

  @Field(() => GeoPointInput)
  @ValidateNested()
  @Type(() => GeoPointInput)
  destinationLocation!: GeoPointInput;

  @Field({ description: 'Time of the appointment at the destination; inside the time window.' })
  @IsDate()
  appointmentAt!: Date;

  @Field({ defaultValue: false })
  @IsBoolean()
  returnTripWanted: boolean = false;

  @Field(() => Date, { nullable: true, description: 'Required when a return trip is wanted.' })
  @IsOptional()
  @IsDate()
  returnAt?: Date;

  @Field({ defaultValue: false })
  @IsBoolean()
  wheelchair: boolean = false;

  @Field({ defaultValue: false, description: 'The escort waits during the appointment.' })
  @IsBoolean()
  escortWaits: boolean = false;

  @Field(() => Int, { defaultValue: 1 })
  @IsInt()
  @Min(1)
  @Max(8)
  passengers: number = 1;
}

@InputType()
export class WeeklySlotInput {
  @Field(() => Int, { description: 'ISO day of week: 1 Monday … 7 Sunday.' })
  @IsInt()
  @Min(1)
  @Max(7)
  dayOfWeek!: number;

  @Field({ description: 'HH:MM, local time.' })
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/)
  start!: string;

  @Field({ description: 'HH:MM, local time; after start.' })
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/)
  end!: string;
}

@InputType()
export class SharedCaregiverDetailsInput {
  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(60)
  weeklyHours!: number;

  @Field(() => [WeeklySlotInput])
  @ArrayMaxSize(21)
  @ValidateNested({ each: true })
  @Type(() => WeeklySlotInput)
  weeklySchedule!: WeeklySlotInput[];

  @Field({ description: 'Willing to share the carer with neighbours (badante condivisa).' })
  @IsBoolean()
  willingToShare!: boolean;

  @Field(() => Int, { nullable: true, description: 'Most the household would pay per hour, in euro cents.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  maxPricePerHourCents?: number;
}

@InputType({
  description:
    'Details of the category: ride for RIDES_AND_ACCOMPANIMENT, sharedCaregiver for SHARED_CAREGIVER.',
})
export class NeedDetailsInput {
  @Field(() => RideDetailsInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => RideDetailsInput)
  ride?: RideDetailsInput;

  @Field(() => SharedCaregiverDetailsInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => SharedCaregiverDetailsInput)
  sharedCaregiver?: SharedCaregiverDetailsInput;
}

@InputType()
export class NeedContentInput {
  @Field(() => NeedCategory)
  @IsIn(Object.values(NeedCategory))
  category!: NeedCategory;

  @Field()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  description!: string;

  @Field(() => GeoPointInput, { description: 'Where the help is needed (for a ride: usually the pickup).' })
  @ValidateNested()
  @Type(() => GeoPointInput)
  location!: GeoPointInput;

  @Field(() => String, {
    nullable: true,
    description: 'ISTAT code; the nearest Comune to the location if omitted.',
  })
  @IsOptional()
  @Length(6, 6)
  comuneIstat?: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Exact address: shown only to the people the need is for, the Comune, and the confirmed helper.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string;

  @Field()
  @IsDate()
  windowStart!: Date;

  @Field({ description: 'After windowStart and in the future; the need expires when it ends.' })
  @IsDate()
  windowEnd!: Date;

  @Field(() => NeedUrgency, { defaultValue: NeedUrgency.NORMAL })
  @IsIn(Object.values(NeedUrgency))
  urgency: NeedUrgency = NeedUrgency.NORMAL;

  @Field({ defaultValue: 'it', description: 'Language the person speaks (ISO 639-1).' })
  @Matches(/^[a-z]{2}$/)
  language: string = 'it';

  @Field(() => [AccessibilityNeed], { defaultValue: [] })
  @ArrayMaxSize(10)
  @IsIn(Object.values(AccessibilityNeed), { each: true })
  accessibilityNeeds: AccessibilityNeed[] = [];

  @Field(() => Int, { nullable: true, description: 'Only helpers within this distance.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(500)
  maxDistanceKm?: number;

  @Field(() => String, {
    nullable: true,
    description: 'Health and personal details; stored encrypted, never shown in lists to helpers.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  sensitiveNotes?: string;

  @Field(() => NeedDetailsInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => NeedDetailsInput)
  details?: NeedDetailsInput;
}

@InputType()
export class RelativeInput {
  @Field()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  phone?: string;

  @Field({ description: 'E.g. "madre", "nonno".' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  relationship!: string;
}

@InputType()
export class PostNeedInput extends NeedContentInput {
  @Field(() => RelativeInput, {
    nullable: true,
    description: 'The relative the need is for; omit for yourself.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => RelativeInput)
  relative?: RelativeInput;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'The explicit, separate consent to process health data, given in this form: true records it ' +
      '(see myConsents). sensitiveNotes are refused without it or an earlier consent still in force.',
  })
  @IsOptional()
  @IsBoolean()
  healthDataConsent?: boolean;
}

export enum DeskConsentMethod {
  SIGNED_FORM = 'signed_form',
  VERBAL_WITH_WITNESS = 'verbal_with_witness',
  PHONE_CALL = 'phone_call',
  DIGITAL_FORM = 'digital_form',
}
registerEnumType(DeskConsentMethod, {
  name: 'DeskConsentMethod',
  description:
    'How a person gave consent at the desk: a signed paper form, out loud before a witness, on a phone call, or a form signed digitally.',
});

@InputType()
export class DeskBeneficiaryInput {
  @Field()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  phone?: string;

  @Field(() => String, {
    nullable: true,
    description:
      "The person's codice fiscale, if they give it (16 characters): FIELD_INVALID on " +
      'beneficiary.codiceFiscale if its format or check character is wrong. Stored encrypted.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  codiceFiscale?: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'The person consented to the processing of their data; must be true.',
  })
  @IsOptional()
  @IsBoolean()
  consentRecorded?: boolean;

  @Field(() => Date, {
    nullable: true,
    description: 'When consent was given; required with consentRecorded.',
  })
  @IsOptional()
  @IsDate()
  consentDate?: Date;

  @Field(() => DeskConsentMethod, {
    nullable: true,
    description: 'How consent was given (the desk form asks it; older clients may leave it out).',
  })
  @IsOptional()
  @IsIn(Object.values(DeskConsentMethod))
  consentMethod?: DeskConsentMethod;

  @Field(() => String, {
    nullable: true,
    description: 'VERBAL_WITH_WITNESS: the witness (name and role); stored encrypted.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  consentWitness?: string;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'The person also gave the separate consent to process health data; required with sensitiveNotes.',
  })
  @IsOptional()
  @IsBoolean()
  healthDataConsent?: boolean;
}

@InputType({ description: 'A person the desk registered before (found with deskPeople).' })
export class DeskKnownPersonInput {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'The person gave the separate consent to process health data today (if not recorded before).',
  })
  @IsOptional()
  @IsBoolean()
  healthDataConsent?: boolean;
}

@InputType()
export class PostNeedAtDeskInput extends NeedContentInput {
  @Field(() => DeskBeneficiaryInput, {
    nullable: true,
    description: 'A person met for the first time; or give knownPerson.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => DeskBeneficiaryInput)
  beneficiary?: DeskBeneficiaryInput;

  @Field(() => DeskKnownPersonInput, {
    nullable: true,
    description: 'A person the desk registered before, with the consent recorded then.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => DeskKnownPersonInput)
  knownPerson?: DeskKnownPersonInput;
}

@InputType()
export class FlagLatentNeedInput {
  @Field(() => NeedCategory)
  @IsIn(Object.values(NeedCategory))
  category!: NeedCategory;

  @Field()
  @Length(6, 6)
  comuneIstat!: string;

  @Field({ description: 'What you noticed, briefly; no health details.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  description!: string;
}

@InputType()
export class ReviewFlaggedNeedInput {
  @Field(() => ID)
  @IsUUID()
  needId!: string;

  @Field()
  @IsBoolean()
  accept!: boolean;

  @Field()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}

@InputType()
export class CancelNeedInput {
  @Field(() => ID)
  @IsUUID()
  needId!: string;

  @Field()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}

@ArgsType()
export class TerritoryNeedsArgs extends PageArgs {
  @Field(() => NeedStatus, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(NeedStatus))
  status?: NeedStatus;

  @Field(() => NeedCategory, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(NeedCategory))
  category?: NeedCategory;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(6, 6)
  comuneIstat?: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Only needs still OPEN this many hours after opening: the desk follows them up.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(24 * 365)
  unmatchedForHours?: number;
}
