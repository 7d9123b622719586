import { DomainError } from '@prossimo/platform';

/** A point farther than this from every Comune's centre is not in Italy (or is a typo). */
export const MAX_DISTANCE_FROM_COMUNE_METERS = 40_000;

export interface NearestComune {
  istat: string;
  name: string;
  lat: number;
  lon: number;
  meters: number;
}

/** Distances are shown rounded to the kilometre so that they never pinpoint a home. */
export function roundedKm(meters: number | null | undefined): number | null {
  return meters === null || meters === undefined ? null : Math.round(meters / 1000);
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids in arguments are checked here so that a malformed one is a named field, not a SQL error. */
export function requireUuid(value: string, field: string): string {
  if (!UUID_PATTERN.test(value)) throw new DomainError('FIELD_INVALID', { field });
  return value;
}
