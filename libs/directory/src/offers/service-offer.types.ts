// GraphQL types of service offers and their search (directory.types.ts re-exports them).

import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ModerationStatus } from '@prossimo/moderation';
import { PageArgs, PageOf } from '@prossimo/platform';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsNotEmpty,
  IsNumber,
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
import { ServiceCategory, TargetGroup } from './categories';
import { PriceModel, PriceUnit } from './offer-rules';
import { ISTAT, ServiceOfferOrder, ServiceOfferStatus } from '../enums/directory-enums';

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
  @Field(() => Int, { description: '1 Monday ... 7 Sunday.' })
  @IsInt()
  @Min(1)
  @Max(7)
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
  @Field(() => Int, { description: 'The band applies to groups of at least this many people.' })
  @IsInt()
  people!: number;

  @Field(() => Int, { description: 'What each person pays per hour in such a group, in cents.' })
  @IsInt()
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
  @Field(() => PriceModel)
  @IsIn(Object.values(PriceModel))
  model!: PriceModel;

  @Field(() => PriceUnit, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(PriceUnit))
  unit?: PriceUnit;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
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
  @Field(() => Int, { nullable: true, description: 'Passenger seats, 1 to 60; unset: not declared.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
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

  @Field(() => AreaCentre, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AreaCentre)
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
}

export const ServiceOfferPage = PageOf(ServiceOffer, 'ServiceOfferPage');

@InputType()
export class ServiceOfferInput {
  @Field()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;

  @Field(() => ServiceCategory)
  @IsIn(Object.values(ServiceCategory))
  category!: ServiceCategory;

  @Field(() => [TargetGroup], { defaultValue: [] })
  @ArrayMaxSize(20)
  @IsIn(Object.values(TargetGroup), { each: true })
  targetGroups: TargetGroup[] = [];

  @Field()
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  description!: string;

  @Field(() => ServiceAreaInput)
  @ValidateNested()
  @Type(() => ServiceAreaInput)
  area!: ServiceAreaInput;

  @Field(() => [ScheduleSlot], { defaultValue: [] })
  @ArrayMaxSize(70)
  @ValidateNested({ each: true })
  @Type(() => ScheduleSlot)
  schedule: ScheduleSlot[] = [];

  @Field(() => Int, { nullable: true, description: 'How many people it can serve at once.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  capacity?: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  accessibilityNotes?: string;

  @Field(() => ServiceVehicleInput, {
    nullable: true,
    description: 'For rides: seats and wheelchair transport (unset: seats not declared, no wheelchair).',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ServiceVehicleInput)
  vehicle?: ServiceVehicleInput;

  @Field(() => [String], { defaultValue: [], description: 'ISO 639-1 codes, e.g. ["it", "en"].' })
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @Length(2, 2, { each: true })
  languages: string[] = [];

  @Field(() => PriceInput)
  @ValidateNested()
  @Type(() => PriceInput)
  price!: PriceInput;
}

@InputType()
export class CreateServiceOfferInput extends ServiceOfferInput {
  @Field(() => ID)
  @IsUUID()
  organisationId!: string;
}

@InputType()
export class UpdateServiceOfferInput extends ServiceOfferInput {
  @Field(() => ID)
  @IsUUID()
  id!: string;
}

@InputType()
export class ArchiveServiceOfferInput {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

@InputType()
export class PauseServiceOfferInput {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Why, for the offer’s history (up to 1000 characters).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

@InputType()
export class ResumeServiceOfferInput {
  @Field(() => ID)
  @IsUUID()
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
  @Field(() => Int, { description: '1 Monday ... 7 Sunday.' })
  @IsInt()
  @Min(1)
  @Max(7)
  dayOfWeek!: number;

  @Field({ description: 'HH:MM' })
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/)
  time!: string;
}

@InputType()
export class ServiceOfferFilter {
  @Field(() => ServiceCategory, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(ServiceCategory))
  category?: ServiceCategory;

  @Field(() => String, { nullable: true, description: 'Offers whose area covers this Comune.' })
  @IsOptional()
  @Matches(ISTAT)
  comuneIstat?: string;

  @Field(() => NearInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => NearInput)
  near?: NearInput;

  @Field(() => TimeOfWeekInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => TimeOfWeekInput)
  timeOfWeek?: TimeOfWeekInput;

  @Field(() => Int, {
    nullable: true,
    description:
      'Free offers, fixed hourly prices up to this, and shared offers whose cheapest band is up to this.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  maxPriceCentsPerHour?: number;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  freeOnly?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  vouchersAccepted?: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'Words in the title or description, in Italian: other forms of a word match too ("visita medica" finds "visite mediche"), as do parts of words and small typos; accents and case ignored. Quotes ask for a phrase, a leading minus excludes a word.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  text?: string;
}

@ArgsType()
export class SearchServiceOffersArgs extends PageArgs {
  @Field(() => ServiceOfferFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ServiceOfferFilter)
  filter?: ServiceOfferFilter;

  @Field(() => ServiceOfferOrder, {
    nullable: true,
    description: 'DISTANCE when `near` is given, else RELEVANCE when `text` is given, else NEWEST.',
  })
  @IsOptional()
  @IsIn(Object.values(ServiceOfferOrder))
  order?: ServiceOfferOrder;
}

@ArgsType()
export class OrganisationServiceOffersArgs extends PageArgs {
  @Field(() => ID)
  @IsUUID()
  organisationId!: string;

  @Field(() => Boolean, {
    defaultValue: false,
    description: 'Active and paused offers, and archived ones too.',
  })
  @IsBoolean()
  includeArchived: boolean = false;
}
