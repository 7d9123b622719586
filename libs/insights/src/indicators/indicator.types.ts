import { Field, Float, InputType, Int, ObjectType } from '@nestjs/graphql';
import { UnmatchedReason } from '@prossimo/matching';
import { NeedCategory } from '@prossimo/requests';
import { IsBoolean, IsEnum, IsOptional, IsString, Length, Matches } from 'class-validator';
import { IndicatorScope } from './indicator-queries';
import { IdField, NestedField, registerGraphqlEnums } from '@prossimo/platform';
import { LOCAL_DATE_PATTERN } from '../periods/indicator-period';

export enum IndicatorGranularity {
  WEEK = 'week',
  MONTH = 'month',
  PERIOD = 'period',
}

export enum IndicatorTable {
  DEMAND = 'demand',
  UNMATCHED = 'unmatched',
  REACH = 'reach',
  ACTIVITY = 'activity',
  LATENT_NEEDS = 'latent_needs',
  SHARED_CARE = 'shared_care',
  SATISFACTION = 'satisfaction',
}
registerGraphqlEnums(
  { IndicatorGranularity, IndicatorTable },
  {
    IndicatorGranularity:
      'Rows per ISO week (Monday to Sunday) or per calendar month in Europe/Rome, or one row for the whole period.',
    IndicatorTable: 'One table of indicators.',
  },
);

@InputType()
export class IndicatorFilterInput {
  @IdField({
    optional: true,
    description: 'One territory; omit for all the territories you work in (platform admins: everywhere).',
  })
  territoryId?: string;

  @Field(() => String, { nullable: true, description: 'One Comune (ISTAT code) of your territories.' })
  @IsOptional()
  @IsString()
  @Length(6, 6)
  comuneIstat?: string;

  @Field(() => NeedCategory, { nullable: true })
  @IsOptional()
  @IsEnum(NeedCategory)
  category?: NeedCategory;

  @Field({ description: 'First day included, YYYY-MM-DD (Europe/Rome).' })
  @Matches(LOCAL_DATE_PATTERN)
  from!: string;

  @Field({ description: 'Last day included, YYYY-MM-DD (Europe/Rome); at most 731 days after `from`.' })
  @Matches(LOCAL_DATE_PATTERN)
  to!: string;

  @Field(() => IndicatorGranularity, { defaultValue: IndicatorGranularity.PERIOD })
  @IsOptional()
  @IsEnum(IndicatorGranularity)
  granularity: IndicatorGranularity = IndicatorGranularity.PERIOD;

  @Field({ defaultValue: false, description: 'One row per Comune.' })
  @IsOptional()
  @IsBoolean()
  byComune: boolean = false;

  @Field({ defaultValue: false, description: 'One row per category of need.' })
  @IsOptional()
  @IsBoolean()
  byCategory: boolean = false;

  @Field({
    defaultValue: false,
    description:
      'Compute from the live data even when a snapshot answers (a whole ambito or everywhere, calendar-aligned periods): up to date, but seconds for a region.',
  })
  @IsOptional()
  @IsBoolean()
  live: boolean = false;
}

@InputType()
export class IndicatorExportInput {
  @NestedField(() => IndicatorFilterInput)
  filter!: IndicatorFilterInput;

  @Field(() => IndicatorTable)
  @IsEnum(IndicatorTable)
  table!: IndicatorTable;
}

@ObjectType({ isAbstract: true })
export abstract class IndicatorRowKey {
  @Field({ description: 'First local day of the row’s week, month or period (YYYY-MM-DD).' })
  periodStart!: string;

  @Field(() => String, { nullable: true, description: 'Set when rows are per Comune.' })
  comuneIstat!: string | null;

  @Field(() => String, { nullable: true })
  comuneName!: string | null;

  @Field(() => NeedCategory, { nullable: true, description: 'Set when rows are per category.' })
  category!: NeedCategory | null;
}

@ObjectType({
  description:
    'Needs by the period they were received in (a cohort), followed to today: matched, how fast, served.',
})
export class DemandIndicatorRow extends IndicatorRowKey {
  @Field(() => Int, {
    description:
      'Needs expressed: posted by citizens, entered at the desk, or flagged by sentinels and accepted by the Comune; not drafts nor rejected ones.',
  })
  needsReceived!: number;

  @Field(() => Int, { description: 'Distinct people those needs are for.' })
  peopleExpressing!: number;

  @Field(() => Int)
  fromCitizens!: number;

  @Field(() => Int, { description: 'Entered by a Comune operator for someone at the desk or on the phone.' })
  fromDesk!: number;

  @Field(() => Int, { description: 'Flagged by a community sentinel and accepted by an operator.' })
  fromSentinels!: number;

  @Field(() => Int, { description: 'Needs a helper accepted (at any time so far), even if later cancelled.' })
  needsMatched!: number;

  @Field(() => Float, { nullable: true, description: 'needsMatched / needsReceived.' })
  shareMatched!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Median hours from the need going open (posting, or acceptance of a flag) to the first acceptance.',
  })
  medianHoursToMatch!: number | null;

  @Field(() => Float, { nullable: true, description: '90th percentile of the same.' })
  p90HoursToMatch!: number | null;

  @Field(() => Int, { description: 'Needs with a completed engagement.' })
  needsServed!: number;

  @Field(() => Float, { nullable: true, description: 'Coverage: needsServed / needsReceived.' })
  coverageRate!: number | null;

  peopleFromCitizens!: number;
  peopleFromDesk!: number;
  peopleFromSentinels!: number;
  peopleMatched!: number;
  peopleServed!: number;
}

@ObjectType({ description: 'Needs received in the period that matching found nobody for, by its reason.' })
export class UnmatchedIndicatorRow extends IndicatorRowKey {
  @Field(() => UnmatchedReason)
  reason!: UnmatchedReason;

  @Field(() => Int)
  needs!: number;

  @Field(() => Int, { description: 'Distinct people those needs are for.' })
  people!: number;
}

@ObjectType({ description: 'People reached, by the period help was completed in ("conta chi viene").' })
export class ReachIndicatorRow extends IndicatorRowKey {
  @Field(() => Int, {
    description: 'Distinct people with at least one need served (completed) in the period.',
  })
  citizensReached!: number;

  @Field(() => Int, {
    description: 'Of those, people served for the first time ever on Prossimo in this row’s period.',
  })
  newCitizens!: number;

  @Field(() => Int, {
    description: 'Of those, people served again after an earlier period (citizensReached - newCitizens).',
  })
  returningCitizens!: number;

  @Field(() => Int, {
    description: 'Of those, people served twice or more within the row’s period (repeat help).',
  })
  repeatHelpCitizens!: number;

  @Field(() => Int, { description: 'Completed engagements for those people (services, for comparison).' })
  servicesDelivered!: number;
}

@ObjectType({ description: 'The helpers’ work, by the period help was completed in.' })
export class ActivityIndicatorRow extends IndicatorRowKey {
  @Field(() => Int)
  engagementsCompleted!: number;

  @Field(() => Float, { description: 'Hours the helpers logged on completed engagements.' })
  volunteerHours!: number;

  @Field(() => Int, { description: 'Distinct helpers who completed at least one engagement.' })
  activeVolunteers!: number;

  @Field(() => Int, {
    description: 'Distinct organisations of those helpers (from their volunteer profile).',
  })
  activeOrganisations!: number;

  @Field(() => Int)
  ridesCompleted!: number;

  @Field(() => Float, {
    description:
      'Kilometres of completed rides: straight line from pickup to destination, doubled with a return trip (a lower bound of road distance).',
  })
  rideKm!: number;

  peopleServed!: number;
  peopleDriven!: number;
  drivers!: number;
}

@ObjectType({
  description: 'Latent needs: what sentinels flagged and what operators brought in, by the period received.',
})
export class LatentNeedIndicatorRow extends IndicatorRowKey {
  @Field(() => Int, { description: 'Flags raised by community sentinels (whatever their fate).' })
  flaggedBySentinels!: number;

  @Field(() => Int, { description: 'Flags an operator accepted (the need opened).' })
  flagsAccepted!: number;

  @Field(() => Int)
  flagsRejected!: number;

  @Field(() => Int, { description: 'Flags still waiting for an operator.' })
  flagsPending!: number;

  @Field(() => Int, { description: 'Flags that ended in a completed engagement.' })
  flagsServed!: number;

  @Field(() => Int, { description: 'Needs entered by Comune operators at the desk (presa in carico).' })
  enteredByOperators!: number;

  peopleEnteredByOperators!: number;
}

@ObjectType({
  description: 'Citizens’ reviews of the help they got, by the period written; published reviews only.',
})
export class SatisfactionIndicatorRow extends IndicatorRowKey {
  @Field(() => Int, { description: 'Published reviews written by citizens about their helper or service.' })
  reviews!: number;

  @Field(() => Int, { description: 'Distinct citizens who wrote them.' })
  reviewers!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Mean overall score (1-5; the mean of the three criteria).',
  })
  averageStars!: number | null;

  @Field(() => Int, { description: 'Reviews with an overall score of 4 or more.' })
  satisfiedReviews!: number;

  @Field(() => Float, { nullable: true, description: 'satisfiedReviews / reviews.' })
  shareSatisfied!: number | null;

  @Field(() => Int, { description: 'Reviews still waiting for moderation (not counted above).' })
  reviewsAwaitingModeration!: number;
}

@ObjectType({
  description:
    'Shared care ("badante condivisa"), by the period a group was confirmed in, in the group’s Comune.',
})
export class SharedCareIndicatorRow extends IndicatorRowKey {
  @Field(() => Int, { description: 'Groups every household confirmed (whatever happened to them since).' })
  groupsFormed!: number;

  @Field(() => Int, { description: 'Households that confirmed in those groups (distinct people).' })
  households!: number;

  @Field(() => Float, { nullable: true, description: 'households / groupsFormed.' })
  averageHouseholdsPerGroup!: number | null;

  @Field(() => Int, {
    description: 'What those households pay a week together, in cents (their last quotes).',
  })
  weeklyCentsShared!: number;

  @Field(() => Int, { description: 'What the same weekly hours would cost them, each alone, in cents.' })
  weeklyCentsIndividual!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Saving per household per week in cents: (individual - shared) / households.',
  })
  averageWeeklySavingCentsPerHousehold!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Share of the individual price saved: 1 - shared / individual.',
  })
  savingRate!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Average hourly saving per household, in cents (individual band price - shared band price).',
  })
  averageHourlySavingCents!: number | null;
}

/** Each table's row type, so one typed read serves every table's field. */
export interface IndicatorRowOf {
  [IndicatorTable.DEMAND]: DemandIndicatorRow;
  [IndicatorTable.UNMATCHED]: UnmatchedIndicatorRow;
  [IndicatorTable.REACH]: ReachIndicatorRow;
  [IndicatorTable.ACTIVITY]: ActivityIndicatorRow;
  [IndicatorTable.LATENT_NEEDS]: LatentNeedIndicatorRow;
  [IndicatorTable.SHARED_CARE]: SharedCareIndicatorRow;
  [IndicatorTable.SATISFACTION]: SatisfactionIndicatorRow;
}

@ObjectType({
  description: 'Impact indicators for a scope and period; each table is computed only when asked for.',
})
export class ImpactIndicators {
  @Field()
  from!: string;

  @Field()
  to!: string;

  @Field({ description: 'Periods and weeks are local to this time zone.' })
  timeZone!: string;

  @Field(() => Int, { description: 'How many Comuni the scope covers.' })
  comuneCount!: number;

  /** The authorised scope the tables are computed for (not exposed). */
  scope!: IndicatorScope;
}

@ObjectType()
export class IndicatorExport {
  @Field(() => IndicatorTable)
  table!: IndicatorTable;

  @Field({ description: 'A suggested file name.' })
  fileName!: string;

  @Field({ description: 'RFC 4180 CSV, UTF-8, comma separated, header row first.' })
  csv!: string;

  @Field(() => Int)
  rowCount!: number;

  @Field(() => Int, {
    description: 'Open data only: cells left empty because fewer than 5 people stand behind them.',
  })
  suppressedCells!: number;

  @Field(() => Date, {
    nullable: true,
    description:
      'When the figures were computed if they come from a snapshot ("dati aggiornati al"); null when computed at the request.',
  })
  asOf!: Date | null;
}
