// GraphQL types of service offers and their search (directory.types.ts re-exports them).

import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ModerationStatus } from '@prossimo/moderation';
import {
  EnumField,
  IdField,
  IntField,
  NestedField,
  PageArgs,
  PageOf,
  TextField,
  TimeOfDayField,
} from '@prossimo/platform';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsIn,
  IsLatitude,
  IsLongitude,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ServiceCategory, TargetGroup } from './categories';
import { PriceModel, PriceUnit } from './offer-rules';
import { ISTAT, ServiceOfferOrder, ServiceOfferStatus } from '../enums/directory-enums';
import type { Organisation } from '../organisations/organisation.types';

// ---------- Service offers ----------

// Named after the area so that it does not clash with other libraries' point types.
@ObjectType('ServiceAreaCentre')
@InputType('ServiceAreaCentreInput')
export class AreaCentre {
  @Field(() => Float)
  @IsLatitude()
  lat!: number;

  @Field(() => Float)
  @IsLongitude()
  lon!: number;
}

@ObjectType()
@InputType('ScheduleSlotInput')
export class ScheduleSlot {
  @IntField({ min: 1, max: 7 }, { description: '1 Monday ... 7 Sunday.' })
  dayOfWeek!: number;

  @Field({ description: 'HH:MM' })
  @IsString()
  @MaxLength(5)
  start!: string;

  @Field({ description: 'HH:MM, after start ("24:00" for midnight).' })
  @IsString()
  @MaxLength(5)
  end!: string;
}

@ObjectType()
@InputType('PriceBandInput')
export class PriceBand {
  @IntField({}, { description: 'The band applies to groups of at least this many people.' })
  people!: number;

  @IntField({}, { description: 'What each person pays per hour in such a group, in cents.' })
  centsPerHourEach!: number;
}

@ObjectType()
export class Price {
  @Field(() => PriceModel)
  model!: PriceModel;

  @Field(() => PriceUnit, { nullable: true, description: 'FIXED: per HOUR or per SERVICE; SHARED: HOUR.' })
  unit!: PriceUnit | null;

  @Field(() => Int, { nullable: true, description: 'FIXED only, cents.' })
  amountCents!: number | null;

  @Field(() => [PriceBand], { nullable: true, description: 'SHARED only, by group size.' })
  bands!: PriceBand[] | null;

  @Field()
  vouchersAccepted!: boolean;
}

@InputType()
export class PriceInput {
  @EnumField(PriceModel)
  model!: PriceModel;

  @EnumField(PriceUnit, { optional: true })
  unit?: PriceUnit;

  @IntField({}, { optional: true })
  amountCents?: number;

  @Field(() => [PriceBand], { nullable: true })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => PriceBand)
  bands?: PriceBand[];

  @Field({ defaultValue: false })
  @IsBoolean()
  vouchersAccepted: boolean = false;
}

@ObjectType({ description: 'What the service carries on its rides.' })
export class ServiceVehicle {
  @Field(() => Int, { nullable: true, description: 'Passenger seats; null: not declared.' })
  seats!: number | null;

  @Field({ description: 'Carries a person in a wheelchair (wheelchair rides are proposed only then).' })
  wheelchairAccessible!: boolean;
}

@InputType()
export class ServiceVehicleInput {
  @IntField(
    { min: 1, max: 60 },
    { optional: true, description: 'Passenger seats, 1 to 60; unset: not declared.' },
  )
  seats?: number;

  @Field({ defaultValue: false })
  @IsBoolean()
  wheelchairAccessible: boolean = false;
}

@ObjectType({ description: 'A list of Comuni, or a circle around a centre.' })
export class ServiceArea {
  @Field(() => [String], { nullable: true })
  comuneIstatCodes!: string[] | null;

  @Field(() => AreaCentre, { nullable: true })
  centre!: AreaCentre | null;

  @Field(() => Float, { nullable: true })
  radiusKm!: number | null;
}

@InputType({ description: 'Either comuneIstatCodes (the first is the home Comune), or centre and radiusKm.' })
export class ServiceAreaInput {
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(300)
  @Matches(ISTAT, { each: true })
  comuneIstatCodes?: string[];

  @NestedField(() => AreaCentre, { optional: true })
  centre?: AreaCentre;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber()
  @Min(0.1)
  @Max(200)
  radiusKm?: number;
}

@ObjectType()
export class ServiceOffer {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  organisationId!: string;

  @Field()
  title!: string;

  @Field(() => ServiceCategory)
  category!: ServiceCategory;

  @Field(() => [TargetGroup])
  targetGroups!: TargetGroup[];

  @Field()
  description!: string;

  @Field(() => ServiceArea)
  area!: ServiceArea;

  @Field({ description: 'Home Comune of the area: moderation and accreditation follow it.' })
  comuneIstat!: string;

  @Field(() => [ScheduleSlot])
  schedule!: ScheduleSlot[];

  @Field(() => Int, { nullable: true })
  capacity!: number | null;

  @Field(() => String, { nullable: true })
  accessibilityNotes!: string | null;

  @Field(() => ServiceVehicle, { description: 'Seats and wheelchair transport, for rides.' })
  vehicle!: ServiceVehicle;

  @Field(() => [String], { description: 'ISO 639-1 codes.' })
  languages!: string[];

  @Field(() => Price)
  price!: Price;

  @Field(() => ServiceOfferStatus)
  status!: ServiceOfferStatus;

  @Field(() => ModerationStatus, { nullable: true, description: 'Shown to the organisation and staff.' })
  moderationStatus!: ModerationStatus | null;

  @Field(() => Float, { nullable: true, description: 'From the `near` point of a search.' })
  distanceKm!: number | null;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;

  /**
   * Not a GraphQL field: the organisation (its public view) when the query that read the offer
   * read it too (the catalogue's nearest-first search); `organisation` then needs no query.
   */
  preloadedOrganisation?: Organisation;
}

export const ServiceOfferPage = PageOf(ServiceOffer, 'ServiceOfferPage');

@InputType()
export class ServiceOfferInput {
  @TextField(200)
  title!: string;

  @EnumField(ServiceCategory)
  category!: ServiceCategory;

  @Field(() => [TargetGroup], { defaultValue: [] })
  @ArrayMaxSize(20)
  @IsIn(Object.values(TargetGroup), { each: true })
  targetGroups: TargetGroup[] = [];

  @TextField(5000)
  description!: string;

  @NestedField(() => ServiceAreaInput)
  area!: ServiceAreaInput;

  @Field(() => [ScheduleSlot], { defaultValue: [] })
  @ArrayMaxSize(70)
  @ValidateNested({ each: true })
  @Type(() => ScheduleSlot)
  schedule: ScheduleSlot[] = [];

  @IntField({ min: 1, max: 100000 }, { optional: true, description: 'How many people it can serve at once.' })
  capacity?: number;

  @TextField(2000, { optional: true })
  accessibilityNotes?: string;

  @NestedField(() => ServiceVehicleInput, {
    optional: true,
    description: 'For rides: seats and wheelchair transport (unset: seats not declared, no wheelchair).',
  })
  vehicle?: ServiceVehicleInput;

  @Field(() => [String], { defaultValue: [], description: 'ISO 639-1 codes, e.g. ["it", "en"].' })
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @Length(2, 2, { each: true })
  languages: string[] = [];

  @NestedField(() => PriceInput)
  price!: PriceInput;
}

@InputType()
export class CreateServiceOfferInput extends ServiceOfferInput {
  @IdField()
  organisationId!: string;
}

@InputType()
export class UpdateServiceOfferInput extends ServiceOfferInput {
  @IdField()
  id!: string;
}

@InputType()
export class ArchiveServiceOfferInput {
  @IdField()
  id!: string;

  @TextField(1000, { optional: true })
  reason?: string;
}

@InputType()
export class PauseServiceOfferInput {
  @IdField()
  id!: string;

  @TextField(1000, {
    optional: true,
    description: 'Why, for the offer’s history (up to 1000 characters).',
  })
  reason?: string;
}

@InputType()
export class ResumeServiceOfferInput {
  @IdField()
  id!: string;
}

@InputType()
export class NearInput extends AreaCentre {
  @Field(() => Float)
  @IsNumber()
  @Min(0.1)
  @Max(300)
  radiusKm!: number;
}

@InputType({ description: 'A moment of the week: the offer has a schedule slot covering it.' })
export class TimeOfWeekInput {
  @IntField({ min: 1, max: 7 }, { description: '1 Monday ... 7 Sunday.' })
  dayOfWeek!: number;

  @TimeOfDayField({ description: 'HH:MM' })
  time!: string;
}

@InputType()
export class ServiceOfferFilter {
  @EnumField(ServiceCategory, { optional: true })
  category?: ServiceCategory;

  @Field(() => String, { nullable: true, description: 'Offers whose area covers this Comune.' })
  @IsOptional()
  @Matches(ISTAT)
  comuneIstat?: string;

  @NestedField(() => NearInput, { optional: true })
  near?: NearInput;

  @NestedField(() => TimeOfWeekInput, { optional: true })
  timeOfWeek?: TimeOfWeekInput;

  @IntField(
    { min: 0 },
    {
      optional: true,
      description:
        'Free offers, fixed hourly prices up to this, and shared offers whose cheapest band is up to this.',
    },
  )
  maxPriceCentsPerHour?: number;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  freeOnly?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  vouchersAccepted?: boolean;

  @TextField(200, {
    optional: true,
    description:
      'Words in the title or description, in Italian: other forms of a word match too ("visita medica" finds "visite mediche"), as do parts of words and small typos; accents and case ignored. Quotes ask for a phrase, a leading minus excludes a word.',
  })
  text?: string;
}

@ArgsType()
export class SearchServiceOffersArgs extends PageArgs {
  @NestedField(() => ServiceOfferFilter, { optional: true })
  filter?: ServiceOfferFilter;

  @EnumField(ServiceOfferOrder, {
    optional: true,
    description: 'DISTANCE when `near` is given, else RELEVANCE when `text` is given, else NEWEST.',
  })
  order?: ServiceOfferOrder;
}

@ArgsType()
export class OrganisationServiceOffersArgs extends PageArgs {
  @IdField()
  organisationId!: string;

  @Field(() => Boolean, {
    defaultValue: false,
    description: 'Active and paused offers, and archived ones too.',
  })
  @IsBoolean()
  includeArchived: boolean = false;
}
