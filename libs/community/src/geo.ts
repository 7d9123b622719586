import { DomainError } from '@prossimo/platform';
import { EntityManager } from 'typeorm';

/** A point farther than this from every Comune's centre is not in Italy (or is a typo). */
export const MAX_DISTANCE_FROM_COMUNE_METERS = 40_000;

export interface NearestComune {
  istat: string;
  name: string;
  lat: number;
  lon: number;
  meters: number;
}

/** The Comune whose centre is nearest to a point (GiST nearest-neighbour on comuni). */
export async function nearestComune(
  manager: EntityManager,
  lat: number,
  lon: number,
  field: string,
): Promise<NearestComune> {
  const [row]: NearestComune[] = await manager.query(
    `SELECT istat, name, lat, lon, earth_distance(ll_to_earth(lat, lon), ll_to_earth($1, $2)) AS meters
       FROM comuni ORDER BY ll_to_earth(lat, lon) <-> ll_to_earth($1, $2) LIMIT 1`,
    [lat, lon],
  );
  if (!row || row.meters > MAX_DISTANCE_FROM_COMUNE_METERS) {
    throw new DomainError('POINT_NOT_NEAR_COMUNE', { field });
  }
  return row;
}

export async function comuneByIstat(
  manager: EntityManager,
  istat: string,
  field: string,
): Promise<{ istat: string; name: string; lat: number; lon: number }> {
  const [row]: { istat: string; name: string; lat: number; lon: number }[] = await manager.query(
    `SELECT istat, name, lat, lon FROM comuni WHERE istat = $1`,
    [istat],
  );
  if (!row) throw new DomainError('COMUNE_NOT_FOUND', { field });
  return row;
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
