// GraphQL inputs and arguments of needs (requests.types.ts re-exports them).

import { ArgsType, Field, InputType } from '@nestjs/graphql';
import {
  EnumField,
  IdField,
  IntField,
  LatLonInput,
  NestedField,
  PageArgs,
  TextField,
  TimeOfDayField,
  registerGraphqlEnums,
} from '@prossimo/platform';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsDate,
  IsIn,
  IsOptional,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { NeedStatus } from '../lifecycle/need-status';
import { AccessibilityNeed, NeedCategory, NeedUrgency } from '../needs/need-enums';

// ----- inputs -----

@InputType()
export class GeoPointInput extends LatLonInput {}

@InputType()
export class RideDetailsInput {
  @TextField(300, { description: 'Where to pick the person up, as they would say it.' })
  pickupPlace!: string;

  @NestedField(() => GeoPointInput)
  pickupLocation!: GeoPointInput;

  @TextField(300, { description: 'Where to go: a hospital, a clinic, an office.' })
  destinationPlace!: string;

  @NestedField(() => GeoPointInput)
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

  @IntField({ min: 1, max: 8 }, { defaultValue: 1 })
  passengers: number = 1;
}

@InputType()
export class WeeklySlotInput {
  @IntField({ min: 1, max: 7 }, { description: 'ISO day of week: 1 Monday … 7 Sunday.' })
  dayOfWeek!: number;

  @TimeOfDayField({ description: 'HH:MM, local time.' })
  start!: string;

  @TimeOfDayField({ description: 'HH:MM, local time; after start.' })
  end!: string;
}

@InputType()
export class SharedCaregiverDetailsInput {
  @IntField({ min: 1, max: 60 })
  weeklyHours!: number;

  @Field(() => [WeeklySlotInput])
  @ArrayMaxSize(21)
  @ValidateNested({ each: true })
  @Type(() => WeeklySlotInput)
  weeklySchedule!: WeeklySlotInput[];

  @Field({ description: 'Willing to share the carer with neighbours (badante condivisa).' })
  @IsBoolean()
  willingToShare!: boolean;

  @IntField(
    { min: 0, max: 100_000 },
    { optional: true, description: 'Most the household would pay per hour, in euro cents.' },
  )
  maxPricePerHourCents?: number;
}

@InputType({
  description:
    'Details of the category: ride for RIDES_AND_ACCOMPANIMENT, sharedCaregiver for SHARED_CAREGIVER.',
})
export class NeedDetailsInput {
  @NestedField(() => RideDetailsInput, { optional: true })
  ride?: RideDetailsInput;

  @NestedField(() => SharedCaregiverDetailsInput, { optional: true })
  sharedCaregiver?: SharedCaregiverDetailsInput;
}

@InputType()
export class NeedContentInput {
  @EnumField(NeedCategory)
  category!: NeedCategory;

  @TextField(2000)
  description!: string;

  @NestedField(() => GeoPointInput, {
    description: 'Where the help is needed (for a ride: usually the pickup).',
  })
  location!: GeoPointInput;

  @Field(() => String, {
    nullable: true,
    description: 'ISTAT code; the nearest Comune to the location if omitted.',
  })
  @IsOptional()
  @Length(6, 6)
  comuneIstat?: string;

  @TextField(300, {
    optional: true,
    description:
      'Exact address: shown only to the people the need is for, the Comune, and the confirmed helper.',
  })
  address?: string;

  @Field()
  @IsDate()
  windowStart!: Date;

  @Field({ description: 'After windowStart and in the future; the need expires when it ends.' })
  @IsDate()
  windowEnd!: Date;

  @EnumField(NeedUrgency, { defaultValue: NeedUrgency.NORMAL })
  urgency: NeedUrgency = NeedUrgency.NORMAL;

  @Field({ defaultValue: 'it', description: 'Language the person speaks (ISO 639-1).' })
  @Matches(/^[a-z]{2}$/)
  language: string = 'it';

  @Field(() => [AccessibilityNeed], { defaultValue: [] })
  @ArrayMaxSize(10)
  @IsIn(Object.values(AccessibilityNeed), { each: true })
  accessibilityNeeds: AccessibilityNeed[] = [];

  @IntField({ min: 1, max: 500 }, { optional: true, description: 'Only helpers within this distance.' })
  maxDistanceKm?: number;

  @TextField(4000, {
    optional: true,
    description: 'Health and personal details; stored encrypted, never shown in lists to helpers.',
  })
  sensitiveNotes?: string;

  @NestedField(() => NeedDetailsInput, { optional: true })
  details?: NeedDetailsInput;
}

@InputType()
export class RelativeInput {
  @TextField(200)
  fullName!: string;

  @TextField(32, { optional: true })
  phone?: string;

  @TextField(60, { description: 'E.g. "madre", "nonno".' })
  relationship!: string;
}

@InputType()
export class PostNeedInput extends NeedContentInput {
  @NestedField(() => RelativeInput, {
    optional: true,
    description: 'The relative the need is for; omit for yourself.',
  })
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
registerGraphqlEnums(
  { DeskConsentMethod },
  {
    DeskConsentMethod:
      'How a person gave consent at the desk: a signed paper form, out loud before a witness, on a phone call, or a form signed digitally.',
  },
);

@InputType()
export class DeskBeneficiaryInput {
  @TextField(200)
  fullName!: string;

  @TextField(32, { optional: true })
  phone?: string;

  @TextField(32, {
    optional: true,
    description:
      "The person's codice fiscale, if they give it (16 characters): FIELD_INVALID on " +
      'beneficiary.codiceFiscale if its format or check character is wrong. Stored encrypted.',
  })
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

  @EnumField(DeskConsentMethod, {
    optional: true,
    description: 'How consent was given (the desk form asks it; older clients may leave it out).',
  })
  consentMethod?: DeskConsentMethod;

  @TextField(120, {
    optional: true,
    description: 'VERBAL_WITH_WITNESS: the witness (name and role); stored encrypted.',
  })
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
  @IdField()
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
  @NestedField(() => DeskBeneficiaryInput, {
    optional: true,
    description: 'A person met for the first time; or give knownPerson.',
  })
  beneficiary?: DeskBeneficiaryInput;

  @NestedField(() => DeskKnownPersonInput, {
    optional: true,
    description: 'A person the desk registered before, with the consent recorded then.',
  })
  knownPerson?: DeskKnownPersonInput;
}

@InputType()
export class FlagLatentNeedInput {
  @EnumField(NeedCategory)
  category!: NeedCategory;

  @Field()
  @Length(6, 6)
  comuneIstat!: string;

  @TextField(500, { description: 'What you noticed, briefly; no health details.' })
  description!: string;
}

@InputType()
export class ReviewFlaggedNeedInput {
  @IdField()
  needId!: string;

  @Field()
  @IsBoolean()
  accept!: boolean;

  @TextField(1000)
  reason!: string;
}

@InputType()
export class CancelNeedInput {
  @IdField()
  needId!: string;

  @TextField(1000)
  reason!: string;
}

@ArgsType()
export class TerritoryNeedsArgs extends PageArgs {
  @EnumField(NeedStatus, { optional: true })
  status?: NeedStatus;

  @EnumField(NeedCategory, { optional: true })
  category?: NeedCategory;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(6, 6)
  comuneIstat?: string;

  @IntField(
    { min: 0, max: 24 * 365 },
    {
      optional: true,
      description: 'Only needs still OPEN this many hours after opening: the desk follows them up.',
    },
  )
  unmatchedForHours?: number;
}
