import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ModerationStatus } from '@prossimo/moderation';
import {
  EnumField,
  IdField,
  IntField,
  LatitudeField,
  LongitudeField,
  NestedField,
  PageArgs,
  PageOf,
  TextField,
  registerGraphqlEnums,
} from '@prossimo/platform';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsDate,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { HELP_CATEGORIES, HelpCategory } from '../reference/category';
import { MAX_AVAILABILITY_WINDOWS } from '../availability/time-windows';

export const CLOCK_PATTERN = /^([01]\d|2[0-4]):[0-5]\d$/;
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export enum AvailabilityKind {
  RECURRING = 'recurring',
  ONE_OFF = 'one_off',
}
registerGraphqlEnums({ AvailabilityKind });

@InputType()
export class VolunteerVehicleInput {
  @IntField({ min: 1, max: 8 }, { description: 'Passenger seats, 1 to 8.' })
  seats!: number;

  @Field({ defaultValue: false })
  @IsBoolean()
  wheelchairAccessible: boolean = false;
}

@InputType({ description: 'Every week on one day, between two local times (Europe/Rome).' })
export class RecurringWindowInput {
  @IntField({ min: 1, max: 7 }, { description: '1 = Monday ... 7 = Sunday.' })
  dayOfWeek!: number;

  @Field({ description: '"HH:MM", local time.' })
  @Matches(CLOCK_PATTERN)
  start!: string;

  @Field({ description: '"HH:MM", local time, after start; "24:00" for midnight.' })
  @Matches(CLOCK_PATTERN)
  end!: string;

  @Field(() => String, { nullable: true, description: 'First day, "YYYY-MM-DD"; today when absent.' })
  @IsOptional()
  @Matches(DATE_PATTERN)
  validFrom?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Last day (included), "YYYY-MM-DD"; none when absent.',
  })
  @IsOptional()
  @Matches(DATE_PATTERN)
  validUntil?: string;
}

@InputType({ description: 'One stretch of time.' })
export class OneOffWindowInput {
  @Field()
  @IsDate()
  startsAt!: Date;

  @Field()
  @IsDate()
  endsAt!: Date;
}

@InputType({ description: 'Exactly one of recurring or oneOff.' })
export class AvailabilityWindowInput {
  @NestedField(() => RecurringWindowInput, { optional: true })
  recurring?: RecurringWindowInput;

  @NestedField(() => OneOffWindowInput, { optional: true })
  oneOff?: OneOffWindowInput;
}

@InputType()
export class UpsertVolunteerProfileInput {
  @TextField(100)
  displayName!: string;

  @Field({ description: 'Public presentation, up to 2000 characters; moderated.' })
  @IsString()
  @MaxLength(2000)
  bio!: string;

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @Length(1, 60, { each: true })
  skills: string[] = [];

  @Field(() => [HelpCategory], { defaultValue: [] })
  @ArrayMaxSize(HELP_CATEGORIES.length)
  @IsIn(HELP_CATEGORIES, { each: true })
  categories: HelpCategory[] = [];

  @Field(() => [String], { defaultValue: [], description: 'ISO 639-1 codes, e.g. "it", "en", "ar".' })
  @ArrayMaxSize(20)
  @Matches(/^[a-z]{2}$/, { each: true })
  languages: string[] = [];

  @LatitudeField({ description: 'Home latitude: private, only the volunteer sees it.' })
  homeLat!: number;

  @LongitudeField({ description: 'Home longitude: private, only the volunteer sees it.' })
  homeLon!: number;

  @Field(() => String, {
    nullable: true,
    description: 'ISTAT code of the home Comune; the nearest when absent.',
  })
  @IsOptional()
  @Length(6, 6)
  comuneIstat?: string;

  @IntField({ min: 1, max: 100 }, { description: 'How far the volunteer travels, 1 to 100 km.' })
  travelRadiusKm!: number;

  @NestedField(() => VolunteerVehicleInput, {
    optional: true,
    description: 'Absent when the volunteer has no vehicle.',
  })
  vehicle?: VolunteerVehicleInput;

  @IntField({ min: 1, max: 60 }, { description: 'Most hours a week, 1 to 60.' })
  weeklyHourLimit!: number;

  @IdField({ optional: true, description: 'The organisation (ETS) the volunteer belongs to.' })
  organisationId?: string;

  @Field(() => [AvailabilityWindowInput], {
    nullable: true,
    description: `When given, replaces all availability windows (at most ${MAX_AVAILABILITY_WINDOWS}).`,
  })
  @IsOptional()
  @ArrayMaxSize(MAX_AVAILABILITY_WINDOWS)
  @ValidateNested({ each: true })
  @Type(() => AvailabilityWindowInput)
  availability?: AvailabilityWindowInput[];
}

@ObjectType()
export class VolunteerVehicle {
  @Field(() => Int)
  seats!: number;

  @Field()
  wheelchairAccessible!: boolean;
}

@ObjectType({ description: 'What anyone may see of a volunteer: the Comune, never the home.' })
export class VolunteerPublicProfile {
  @Field(() => ID)
  id!: string;

  @Field()
  displayName!: string;

  @Field()
  bio!: string;

  @Field(() => [String])
  skills!: string[];

  @Field(() => [HelpCategory])
  categories!: HelpCategory[];

  @Field(() => [String])
  languages!: string[];

  @Field()
  comuneIstat!: string;

  @Field()
  comuneName!: string;

  @Field(() => Int)
  travelRadiusKm!: number;

  @Field(() => VolunteerVehicle, { nullable: true })
  vehicle!: VolunteerVehicle | null;

  @Field(() => ID, { nullable: true })
  organisationId!: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Distance from the search point, rounded to the kilometre (searches only).',
  })
  distanceKm!: number | null;
}

@ObjectType({ description: "The volunteer's own profile, with the exact home." })
export class MyVolunteerProfile extends VolunteerPublicProfile {
  @Field(() => Float)
  homeLat!: number;

  @Field(() => Float)
  homeLon!: number;

  @Field(() => Int)
  weeklyHourLimit!: number;

  @Field(() => ModerationStatus)
  moderationStatus!: ModerationStatus;

  @Field()
  updatedAt!: Date;
}

@ObjectType()
export class AvailabilitySlot {
  @Field()
  startsAt!: Date;

  @Field()
  endsAt!: Date;
}

@ObjectType()
export class AvailabilityWindow {
  @Field(() => ID)
  id!: string;

  @Field(() => AvailabilityKind)
  kind!: AvailabilityKind;

  @Field(() => Int, { nullable: true })
  dayOfWeek!: number | null;

  @Field(() => String, { nullable: true })
  start!: string | null;

  @Field(() => String, { nullable: true })
  end!: string | null;

  @Field(() => String, { nullable: true })
  validFrom!: string | null;

  @Field(() => String, { nullable: true })
  validUntil!: string | null;

  @Field(() => Date, { nullable: true })
  startsAt!: Date | null;

  @Field(() => Date, { nullable: true })
  endsAt!: Date | null;

  @Field()
  timeZone!: string;

  @Field(() => [AvailabilitySlot], { description: 'The concrete times in the next four weeks.' })
  nextOccurrences!: AvailabilitySlot[];
}

@ArgsType()
export class AvailableVolunteersArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Volunteers who reach this Comune (ISTAT).' })
  @IsOptional()
  @Length(6, 6)
  comuneIstat?: string;

  @LatitudeField({ optional: true, description: 'Or a point, with radiusKm.' })
  lat?: number;

  @LongitudeField({ optional: true })
  lon?: number;

  @IntField({ min: 1, max: 100 }, { optional: true })
  radiusKm?: number;

  @Field({ description: 'Free for the whole of [from, to).' })
  @IsDate()
  from!: Date;

  @Field()
  @IsDate()
  to!: Date;

  @EnumField(HelpCategory, { optional: true })
  category?: HelpCategory;
}

export const VolunteerPublicProfilePage = PageOf(VolunteerPublicProfile, 'VolunteerPublicProfilePage');
