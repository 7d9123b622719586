import { ArgsType, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ModerationStatus } from '@prossimo/moderation';
import { PageArgs, PageOf } from '@prossimo/platform';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsEmail,
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
import { PriceModel, PriceUnit } from './offers/offer-rules';
import { AccreditationStatus } from './organisations/accreditation-rules';

export enum OrganisationKind {
  ETS = 'ets',
  SOCIAL_COOPERATIVE = 'social_cooperative',
  COMPANY = 'company',
  PUBLIC_BODY = 'public_body',
}
registerEnumType(OrganisationKind, {
  name: 'OrganisationKind',
  description: 'ETS (Third Sector body), social cooperative, company, or public body.',
});

/** RUNTS sections (D.Lgs. 117/2017 art. 46). */
export enum RuntsSection {
  A = 'a',
  B = 'b',
  C = 'c',
  D = 'd',
  E = 'e',
  F = 'f',
  G = 'g',
}
registerEnumType(RuntsSection, {
  name: 'RuntsSection',
  description:
    'RUNTS section: A ODV, B APS, C enti filantropici, D imprese sociali (incl. cooperative sociali), ' +
    'E reti associative, F società di mutuo soccorso, G altri ETS.',
});

export enum OrganisationMemberRole {
  ADMIN = 'admin',
  OPERATOR = 'operator',
}
registerEnumType(OrganisationMemberRole, { name: 'OrganisationMemberRole' });

export enum OrganisationMemberStatus {
  /** The person has the role now. */
  ACTIVE = 'active',
  /**
   * Invited: the person accepts or declines (a phone that has not signed up accepts by signing up
   * before the invitation expires). The same answer whether or not the number has signed up.
   */
  INVITED = 'invited',
}
registerEnumType(OrganisationMemberStatus, { name: 'OrganisationMemberStatus' });

registerEnumType(AccreditationStatus, { name: 'AccreditationStatus' });

export enum AccreditationDecision {
  ACCREDITED = 'accredited',
  REJECTED = 'rejected',
  SUSPENDED = 'suspended',
}
registerEnumType(AccreditationDecision, {
  name: 'AccreditationDecision',
  description: 'ACCREDITED or REJECTED after review; SUSPENDED an accredited one; ACCREDITED again lifts it.',
});

registerEnumType(PriceModel, {
  name: 'PriceModel',
  description: 'FREE; FIXED per hour or per service; SHARED with bands by number of people sharing.',
});
registerEnumType(PriceUnit, { name: 'PriceUnit' });

export enum ServiceOfferStatus {
  ACTIVE = 'active',
  /** Out of the catalogue and of matching until resumed; engagements already agreed go on. */
  PAUSED = 'paused',
  ARCHIVED = 'archived',
}
registerEnumType(ServiceOfferStatus, {
  name: 'ServiceOfferStatus',
  description:
    'ACTIVE (in the catalogue once published), PAUSED by the organisation (out of the catalogue and matching until resumed), ARCHIVED for good.',
});

export enum ServiceOfferOrder {
  DISTANCE = 'distance',
  NEWEST = 'newest',
  RATING = 'rating',
  RELEVANCE = 'relevance',
}
registerEnumType(ServiceOfferOrder, {
  name: 'ServiceOfferOrder',
  description:
    'DISTANCE needs `near`. RATING: best Bayesian average of published reviews first (the offer’s own, else its organisation’s; below the minimum number of reviews, the prior). RELEVANCE needs `text`: best match of the words first (Italian stems, title above description).',
});

const ISTAT = /^\d{6}$/;

// ---------- Organisations ----------

@ObjectType({ description: 'An ETS, cooperative, company or public body offering services.' })
export class Organisation {
  @Field(() => ID)
  id!: string;

  @Field(() => OrganisationKind)
  kind!: OrganisationKind;

  @Field(() => RuntsSection, { nullable: true })
  runtsSection!: RuntsSection | null;

  @Field(() => String, { nullable: true })
  runtsNumber!: string | null;

  @Field()
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: "Hidden from the public when it is a person's code (a sole trader, 16 characters).",
  })
  codiceFiscale!: string | null;

  @Field(() => String, { nullable: true })
  partitaIva!: string | null;

  @Field(() => String, { nullable: true, description: 'E.164.' })
  contactPhone!: string | null;

  @Field(() => String, { nullable: true })
  contactEmail!: string | null;

  @Field()
  description!: string;

  @Field({ description: 'ISTAT code of the home Comune.' })
  homeComuneIstat!: string;

  @Field()
  createdAt!: Date;
}

@InputType()
export class RegisterOrganisationInput {
  @Field(() => OrganisationKind)
  @IsIn(Object.values(OrganisationKind))
  kind!: OrganisationKind;

  @Field(() => RuntsSection, { nullable: true, description: 'Required for ETS.' })
  @IsOptional()
  @IsIn(Object.values(RuntsSection))
  runtsSection?: RuntsSection;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  runtsNumber?: string;

  @Field()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @Field({ description: '11 digits for bodies, 16 characters for a sole trader; check digit verified.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  codiceFiscale!: string;

  @Field(() => String, { nullable: true, description: '11 digits; check digit verified.' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  partitaIva?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  contactPhone?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  contactEmail?: string;

  @Field()
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  description!: string;

  @Field({ description: 'ISTAT code of the home Comune.' })
  @Matches(ISTAT)
  homeComuneIstat!: string;
}

@InputType()
export class InviteOrganisationMemberInput {
  @Field(() => ID)
  @IsUUID()
  organisationId!: string;

  @Field({
    description:
      'Phone number of the person. They are asked to accept (a number that has not signed up gets an SMS).',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  phone!: string;

  @Field(() => OrganisationMemberRole)
  @IsIn(Object.values(OrganisationMemberRole))
  role!: OrganisationMemberRole;
}

@InputType()
export class RemoveOrganisationMemberInput {
  @Field(() => ID)
  @IsUUID()
  organisationId!: string;

  @Field(() => ID)
  @IsUUID()
  userId!: string;

  @Field(() => OrganisationMemberRole, { nullable: true, description: 'Only this role; both when omitted.' })
  @IsOptional()
  @IsIn(Object.values(OrganisationMemberRole))
  role?: OrganisationMemberRole;
}

@ObjectType()
export class OrganisationMember {
  @Field(() => ID)
  organisationId!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Null while the invitation waits for the invited person’s answer.',
  })
  userId!: string | null;

  @Field(() => OrganisationMemberRole)
  role!: OrganisationMemberRole;

  @Field(() => OrganisationMemberStatus)
  status!: OrganisationMemberStatus;

  @Field(() => Date, { nullable: true, description: 'When an INVITED membership lapses.' })
  invitationExpiresAt!: Date | null;
}

@ObjectType({
  description: 'An invitation to join an organisation, waiting for the invited person’s answer.',
})
export class OrganisationInvitation {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  organisationId!: string;

  @Field()
  organisationName!: string;

  @Field(() => OrganisationMemberRole)
  role!: OrganisationMemberRole;

  @Field()
  sentAt!: Date;

  @Field({ description: 'After this the invitation can no longer be accepted.' })
  expiresAt!: Date;

  @Field(() => String, {
    nullable: true,
    description:
      'The invited number (E.164): for the organisation’s admins in organisationInvitations; null for the invited person.',
  })
  phone?: string | null;
}

export const OrganisationInvitationPage = PageOf(OrganisationInvitation, 'OrganisationInvitationPage');

@InputType()
export class RevokeOrganisationInvitationInput {
  @Field(() => ID)
  @IsUUID()
  invitationId!: string;
}

@ObjectType({ description: 'A person holding a role in an organisation (one entry per person and role).' })
export class OrganisationMembership {
  @Field(() => ID, { description: 'The role held: revoke it with removeOrganisationMember.' })
  id!: string;

  @Field(() => ID)
  organisationId!: string;

  @Field(() => ID)
  userId!: string;

  @Field(() => OrganisationMemberRole)
  role!: OrganisationMemberRole;

  @Field(() => String, { nullable: true, description: 'The name the person gave, if any.' })
  name!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'E.164: for the organisation’s admins (they invited by it); null for operators.',
  })
  phone!: string | null;

  @Field({ description: 'When the person took the role.' })
  since!: Date;
}

export const OrganisationMembershipPage = PageOf(OrganisationMembership, 'OrganisationMembershipPage');

@ArgsType()
export class OrganisationMembersArgs extends PageArgs {
  @Field(() => ID)
  @IsUUID()
  organisationId!: string;
}

@InputType()
export class AnswerOrganisationInvitationInput {
  @Field(() => ID)
  @IsUUID()
  invitationId!: string;
}

// ---------- Accreditation ----------

@ObjectType({ description: 'An organisation qualified (or not) by the Comune for one territory.' })
export class Accreditation {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  organisationId!: string;

  @Field()
  organisationName!: string;

  @Field(() => ID)
  territoryId!: string;

  @Field(() => AccreditationStatus)
  status!: AccreditationStatus;

  @Field(() => String, { nullable: true, description: 'Reason of the last decision.' })
  reason!: string | null;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}

export const AccreditationPage = PageOf(Accreditation, 'AccreditationPage');

@InputType()
export class RequestAccreditationInput {
  @Field(() => ID)
  @IsUUID()
  organisationId!: string;

  @Field(() => ID)
  @IsUUID()
  territoryId!: string;
}

@InputType()
export class StartAccreditationReviewInput {
  @Field(() => ID)
  @IsUUID()
  accreditationId!: string;
}

@InputType()
export class DecideAccreditationInput {
  @Field(() => ID)
  @IsUUID()
  accreditationId!: string;

  @Field(() => AccreditationDecision)
  @IsIn(Object.values(AccreditationDecision))
  decision!: AccreditationDecision;

  @Field()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}

@ArgsType()
export class AccreditationRequestsArgs extends PageArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  territoryId?: string;

  @Field(() => AccreditationStatus, {
    nullable: true,
    description: 'Defaults to the open ones (SUBMITTED and UNDER_REVIEW).',
  })
  @IsOptional()
  @IsIn(Object.values(AccreditationStatus))
  status?: AccreditationStatus;
}

@ObjectType({ description: 'One status change of an accreditation: who, when, why.' })
export class AccreditationHistoryEntry {
  @Field(() => ID)
  accreditationId!: string;

  @Field(() => ID)
  territoryId!: string;

  @Field(() => AccreditationStatus, { nullable: true })
  fromStatus!: AccreditationStatus | null;

  @Field(() => AccreditationStatus)
  toStatus!: AccreditationStatus;

  @Field(() => ID, { nullable: true })
  actorUserId!: string | null;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field()
  createdAt!: Date;
}

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
