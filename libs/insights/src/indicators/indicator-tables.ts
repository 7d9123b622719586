import { stringify } from 'csv-stringify/sync';
import {
  ActivityIndicatorRow,
  DemandIndicatorRow,
  IndicatorRowKey,
  IndicatorTable,
  LatentNeedIndicatorRow,
  ReachIndicatorRow,
  SatisfactionIndicatorRow,
  SharedCareIndicatorRow,
  UnmatchedIndicatorRow,
} from './indicator.types';
import { CellValue, Column, suppressRow, TableSpec } from '../open-data/open-data';

/** The key columns every table starts with. */
function keyColumns<Row extends IndicatorRowKey>(): Column<Row>[] {
  return [
    { header: 'period_start', value: (row) => row.periodStart },
    { header: 'comune_istat', value: (row) => row.comuneIstat },
    { header: 'comune_name', value: (row) => row.comuneName },
    { header: 'category', value: (row) => row.category },
  ];
}

/** Rounded for files: ratios to 4 decimals, hours and kilometres to 1. */
const round = (value: number | null, digits: number): number | null =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;

const DEMAND: TableSpec<DemandIndicatorRow> = {
  name: 'demand',
  columns: [
    ...keyColumns<DemandIndicatorRow>(),
    { header: 'needs_received', value: (r) => r.needsReceived, people: (r) => r.peopleExpressing },
    { header: 'people_expressing', value: (r) => r.peopleExpressing, people: (r) => r.peopleExpressing },
    { header: 'from_citizens', value: (r) => r.fromCitizens, people: (r) => r.peopleFromCitizens },
    { header: 'from_desk', value: (r) => r.fromDesk, people: (r) => r.peopleFromDesk },
    { header: 'from_sentinels', value: (r) => r.fromSentinels, people: (r) => r.peopleFromSentinels },
    { header: 'needs_matched', value: (r) => r.needsMatched, people: (r) => r.peopleMatched },
    {
      header: 'share_matched',
      value: (r) => round(r.shareMatched, 4),
      dependsOn: ['needs_matched', 'needs_received'],
    },
    {
      header: 'median_hours_to_match',
      value: (r) => round(r.medianHoursToMatch, 1),
      people: (r) => r.peopleMatched,
      dependsOn: ['needs_matched'],
    },
    {
      header: 'p90_hours_to_match',
      value: (r) => round(r.p90HoursToMatch, 1),
      people: (r) => r.peopleMatched,
      dependsOn: ['needs_matched'],
    },
    { header: 'needs_served', value: (r) => r.needsServed, people: (r) => r.peopleServed },
    {
      header: 'coverage_rate',
      value: (r) => round(r.coverageRate, 4),
      dependsOn: ['needs_served', 'needs_received'],
    },
  ],
  partitions: [{ total: 'needs_received', parts: ['from_citizens', 'from_desk', 'from_sentinels'] }],
};

const UNMATCHED: TableSpec<UnmatchedIndicatorRow> = {
  name: 'unmatched',
  columns: [
    ...keyColumns<UnmatchedIndicatorRow>(),
    { header: 'reason', value: (r) => r.reason },
    { header: 'needs', value: (r) => r.needs, people: (r) => r.people },
    { header: 'people', value: (r) => r.people, people: (r) => r.people },
  ],
};

const REACH: TableSpec<ReachIndicatorRow> = {
  name: 'reach',
  columns: [
    ...keyColumns<ReachIndicatorRow>(),
    { header: 'citizens_reached', value: (r) => r.citizensReached, people: (r) => r.citizensReached },
    { header: 'new_citizens', value: (r) => r.newCitizens, people: (r) => r.newCitizens },
    { header: 'returning_citizens', value: (r) => r.returningCitizens, people: (r) => r.returningCitizens },
    {
      header: 'repeat_help_citizens',
      value: (r) => r.repeatHelpCitizens,
      people: (r) => r.repeatHelpCitizens,
    },
    {
      header: 'services_delivered',
      value: (r) => r.servicesDelivered,
      people: (r) => r.citizensReached,
      dependsOn: ['citizens_reached'],
    },
  ],
  partitions: [{ total: 'citizens_reached', parts: ['new_citizens', 'returning_citizens'] }],
};

const ACTIVITY: TableSpec<ActivityIndicatorRow> = {
  name: 'activity',
  columns: [
    ...keyColumns<ActivityIndicatorRow>(),
    {
      header: 'engagements_completed',
      value: (r) => r.engagementsCompleted,
      people: (r) => Math.min(r.peopleServed, r.activeVolunteers),
    },
    {
      header: 'volunteer_hours',
      value: (r) => round(r.volunteerHours, 1),
      people: (r) => Math.min(r.peopleServed, r.activeVolunteers),
    },
    { header: 'active_volunteers', value: (r) => r.activeVolunteers, people: (r) => r.activeVolunteers },
    // Organisations are not people: their count is published as it is.
    { header: 'active_organisations', value: (r) => r.activeOrganisations },
    {
      header: 'rides_completed',
      value: (r) => r.ridesCompleted,
      people: (r) => Math.min(r.peopleDriven, r.drivers),
    },
    {
      header: 'ride_km',
      value: (r) => round(r.rideKm, 1),
      people: (r) => Math.min(r.peopleDriven, r.drivers),
    },
  ],
};

const LATENT_NEEDS: TableSpec<LatentNeedIndicatorRow> = {
  name: 'latent_needs',
  columns: [
    ...keyColumns<LatentNeedIndicatorRow>(),
    // A flag is about one neighbour: flags count people.
    {
      header: 'flagged_by_sentinels',
      value: (r) => r.flaggedBySentinels,
      people: (r) => r.flaggedBySentinels,
    },
    { header: 'flags_accepted', value: (r) => r.flagsAccepted, people: (r) => r.flagsAccepted },
    { header: 'flags_rejected', value: (r) => r.flagsRejected, people: (r) => r.flagsRejected },
    { header: 'flags_pending', value: (r) => r.flagsPending, people: (r) => r.flagsPending },
    { header: 'flags_served', value: (r) => r.flagsServed, people: (r) => r.flagsServed },
    {
      header: 'entered_by_operators',
      value: (r) => r.enteredByOperators,
      people: (r) => r.peopleEnteredByOperators,
    },
  ],
};

const SATISFACTION: TableSpec<SatisfactionIndicatorRow> = {
  name: 'satisfaction',
  columns: [
    ...keyColumns<SatisfactionIndicatorRow>(),
    { header: 'reviews', value: (r) => r.reviews, people: (r) => r.reviewers },
    { header: 'reviewers', value: (r) => r.reviewers, people: (r) => r.reviewers },
    { header: 'average_stars', value: (r) => round(r.averageStars, 2), people: (r) => r.reviewers },
    { header: 'satisfied_reviews', value: (r) => r.satisfiedReviews, people: (r) => r.reviewers },
    {
      header: 'share_satisfied',
      value: (r) => round(r.shareSatisfied, 4),
      dependsOn: ['satisfied_reviews', 'reviews'],
    },
    // Pending reviews are counted, not described: their number says nothing about anyone.
    { header: 'reviews_awaiting_moderation', value: (r) => r.reviewsAwaitingModeration },
  ],
};

const SHARED_CARE: TableSpec<SharedCareIndicatorRow> = {
  name: 'shared_care',
  columns: [
    ...keyColumns<SharedCareIndicatorRow>(),
    { header: 'groups_formed', value: (r) => r.groupsFormed, people: (r) => r.households },
    { header: 'households', value: (r) => r.households, people: (r) => r.households },
    {
      header: 'average_households_per_group',
      value: (r) => round(r.averageHouseholdsPerGroup, 2),
      dependsOn: ['groups_formed', 'households'],
    },
    { header: 'weekly_cents_shared', value: (r) => r.weeklyCentsShared, people: (r) => r.households },
    { header: 'weekly_cents_individual', value: (r) => r.weeklyCentsIndividual, people: (r) => r.households },
    {
      header: 'average_weekly_saving_cents_per_household',
      value: (r) => round(r.averageWeeklySavingCentsPerHousehold, 0),
      people: (r) => r.households,
    },
    { header: 'saving_rate', value: (r) => round(r.savingRate, 4), people: (r) => r.households },
    {
      header: 'average_hourly_saving_cents',
      value: (r) => round(r.averageHourlySavingCents, 0),
      people: (r) => r.households,
    },
  ],
};

// Each spec is typed by its own row; the exports handle rows generically.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const TABLE_SPECS: Record<IndicatorTable, TableSpec<any>> = {
  [IndicatorTable.DEMAND]: DEMAND,
  [IndicatorTable.UNMATCHED]: UNMATCHED,
  [IndicatorTable.REACH]: REACH,
  [IndicatorTable.ACTIVITY]: ACTIVITY,
  [IndicatorTable.LATENT_NEEDS]: LATENT_NEEDS,
  [IndicatorTable.SHARED_CARE]: SHARED_CARE,
  [IndicatorTable.SATISFACTION]: SATISFACTION,
};

function toCsv(headers: string[], rows: CellValue[][]): string {
  return stringify([headers, ...rows], { record_delimiter: '\r\n' });
}

/** The table as it is, for the Comune's own use. */
export function tableCsv<Row>(spec: TableSpec<Row>, rows: Row[]): string {
  return toCsv(
    spec.columns.map((column) => column.header),
    rows.map((row) => spec.columns.map((column) => column.value(row))),
  );
}

/** The table for publication: suppressed cells are left empty. */
export function openDataCsv<Row>(
  spec: TableSpec<Row>,
  rows: Row[],
): { csv: string; suppressedCells: number } {
  let suppressedCells = 0;
  const cells = rows.map((row) => {
    const { values, suppressed } = suppressRow(spec, row);
    suppressedCells += suppressed.size;
    return spec.columns.map((column) => values[column.header]);
  });
  return {
    csv: toCsv(
      spec.columns.map((column) => column.header),
      cells,
    ),
    suppressedCells,
  };
}
