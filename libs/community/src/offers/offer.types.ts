import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import {
  EnumField,
  IdField,
  IntField,
  LatitudeField,
  LatLonInput,
  LongitudeField,
  NestedField,
  PageArgs,
  PageOf,
  TextField,
  registerGraphqlEnums,
} from '@prossimo/platform';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsDate,
  IsInt,
  IsOptional,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { HelpCategory } from '../reference/category';
import { CLOCK_PATTERN, DATE_PATTERN } from '../volunteers/volunteer.types';

export enum VolunteerOfferKind {
  RIDE = 'ride',
  SKILL = 'skill',
}

export enum VolunteerOfferStatus {
  OPEN = 'open',
  CANCELLED = 'cancelled',
}

export enum JoinRequestStatus {
  PENDING = 'pending',
  ACCEPTED = 'accepted',
  DECLINED = 'declined',
  CANCELLED = 'cancelled',
}
registerGraphqlEnums(
  { VolunteerOfferKind, VolunteerOfferStatus, JoinRequestStatus },
  {
    VolunteerOfferKind:
      'RIDE: a trip the volunteer already makes, with free seats. SKILL: help on given days.',
  },
);

@InputType()
export class RideOfferInput {
  @TextField(200, { description: 'Where the ride starts, as people know it (e.g. "Piazza Savona, Alba").' })
  fromPlace!: string;

  @LatitudeField()
  fromLat!: number;

  @LongitudeField()
  fromLon!: number;

  @TextField(200)
  toPlace!: string;

  @LatitudeField()
  toLat!: number;

  @LongitudeField()
  toLon!: number;

  @Field()
  @IsDate()
  departureAt!: Date;

  @IntField({ min: 1, max: 8 }, { description: '1 to 8, at most the seats of the volunteer’s vehicle.' })
  freeSeats!: number;

  @Field({ defaultValue: false })
  @IsBoolean()
  wheelchairOk: boolean = false;
}

@InputType()
export class SkillOfferInput {
  @Field(() => [Int], { description: 'Days of the week, 1 = Monday ... 7 = Sunday.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(7, { each: true })
  daysOfWeek!: number[];

  @Field({ description: '"HH:MM", local time.' })
  @Matches(CLOCK_PATTERN)
  start!: string;

  @Field({ description: '"HH:MM", local time, after start.' })
  @Matches(CLOCK_PATTERN)
  end!: string;

  @Field(() => String, { nullable: true, description: '"YYYY-MM-DD"; today when absent.' })
  @IsOptional()
  @Matches(DATE_PATTERN)
  validFrom?: string;

  @Field(() => String, { nullable: true, description: '"YYYY-MM-DD", included; none when absent.' })
  @IsOptional()
  @Matches(DATE_PATTERN)
  validUntil?: string;

  @IntField(
    { min: 1, max: 50 },
    { optional: true, description: 'How many people at most; no limit when absent.' },
  )
  places?: number;
}

@InputType({ description: 'kind RIDE with ride, or kind SKILL with skill.' })
export class PublishVolunteerOfferInput {
  @EnumField(VolunteerOfferKind)
  kind!: VolunteerOfferKind;

  @EnumField(HelpCategory, { optional: true, description: 'Rides default to RIDES_AND_ACCOMPANIMENT.' })
  category?: HelpCategory;

  @TextField(200, { optional: true, description: 'Required for skills; rides default to "from → to".' })
  title?: string;

  @TextField(2000, { optional: true })
  description?: string;

  @NestedField(() => RideOfferInput, { optional: true })
  ride?: RideOfferInput;

  @NestedField(() => SkillOfferInput, { optional: true })
  skill?: SkillOfferInput;
}

@ObjectType()
export class RideOfferDetails {
  @Field()
  fromPlace!: string;

  @Field(() => Float)
  fromLat!: number;

  @Field(() => Float)
  fromLon!: number;

  @Field()
  toPlace!: string;

  @Field(() => Float)
  toLat!: number;

  @Field(() => Float)
  toLon!: number;

  @Field()
  departureAt!: Date;

  @Field(() => Int)
  freeSeats!: number;

  @Field(() => Int)
  seatsLeft!: number;

  @Field()
  wheelchairOk!: boolean;
}

@ObjectType()
export class SkillOfferDetails {
  @Field(() => [Int])
  daysOfWeek!: number[];

  @Field()
  start!: string;

  @Field()
  end!: string;

  @Field()
  validFrom!: string;

  @Field(() => String, { nullable: true })
  validUntil!: string | null;

  @Field(() => Int, { nullable: true })
  places!: number | null;

  @Field(() => Int, { nullable: true })
  placesLeft!: number | null;
}

@ObjectType()
export class VolunteerOffer {
  @Field(() => ID)
  id!: string;

  @Field(() => VolunteerOfferKind)
  kind!: VolunteerOfferKind;

  @Field(() => HelpCategory)
  category!: HelpCategory;

  @Field()
  title!: string;

  @Field()
  description!: string;

  @Field()
  comuneIstat!: string;

  @Field()
  comuneName!: string;

  @Field(() => ID, { description: 'The volunteer’s public profile id.' })
  volunteerId!: string;

  @Field()
  volunteerName!: string;

  @Field(() => RideOfferDetails, { nullable: true })
  ride!: RideOfferDetails | null;

  @Field(() => SkillOfferDetails, { nullable: true })
  skill!: SkillOfferDetails | null;

  @Field(() => VolunteerOfferStatus)
  status!: VolunteerOfferStatus;

  @Field(() => Int, { nullable: true, description: 'From the search point, rounded to the kilometre.' })
  distanceKm!: number | null;

  @Field()
  createdAt!: Date;
}

export const VolunteerOfferPage = PageOf(VolunteerOffer, 'VolunteerOfferPage');

@InputType()
export class VolunteerOfferNearInput extends LatLonInput {
  @IntField({ min: 1, max: 200 })
  radiusKm!: number;
}

@InputType()
export class VolunteerOfferFilter {
  @EnumField(HelpCategory, { optional: true })
  category?: HelpCategory;

  @EnumField(VolunteerOfferKind, { optional: true })
  kind?: VolunteerOfferKind;

  @NestedField(() => VolunteerOfferNearInput, {
    optional: true,
    description: 'Rides starting, or skills offered, near a point.',
  })
  near?: VolunteerOfferNearInput;

  @Field(() => Date, { nullable: true, description: 'Offers that apply at some time in [from, to].' })
  @IsOptional()
  @IsDate()
  from?: Date;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  to?: Date;
}

@ArgsType()
export class VolunteerOfferSearchArgs extends PageArgs {
  @NestedField(() => VolunteerOfferFilter, { optional: true })
  filter?: VolunteerOfferFilter;
}

@InputType()
export class RequestToJoinVolunteerOfferInput {
  @IdField()
  offerId!: string;

  @IntField(
    { min: 1, max: 8 },
    { defaultValue: 1, description: 'Seats (rides) or places (skills) asked for.' },
  )
  seats: number = 1;

  @TextField(1000, { optional: true, description: 'Only the volunteer reads it; stored encrypted.' })
  message?: string;
}

@InputType()
export class JoinRequestDecisionInput {
  @IdField()
  requestId!: string;

  @TextField(500, { optional: true })
  reason?: string;
}

@ObjectType({
  description: 'A request to join a volunteer’s offer; seen by the requester and the volunteer.',
})
export class JoinRequest {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  offerId!: string;

  @Field()
  offerTitle!: string;

  @Field(() => ID)
  requesterUserId!: string;

  @Field(() => String, { nullable: true })
  requesterName!: string | null;

  @Field(() => Int)
  seats!: number;

  @Field(() => String, { nullable: true })
  message!: string | null;

  @Field(() => JoinRequestStatus)
  status!: JoinRequestStatus;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}

export const JoinRequestPage = PageOf(JoinRequest, 'JoinRequestPage');

@ArgsType()
export class OfferJoinRequestsArgs extends PageArgs {
  @IdField()
  offerId!: string;
}

@InputType()
export class CancelVolunteerOfferInput {
  @IdField()
  offerId!: string;

  @TextField(500, { optional: true })
  reason?: string;
}
