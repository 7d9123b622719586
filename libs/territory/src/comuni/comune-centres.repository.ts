import { firstRow, Queryable } from '@prossimo/platform';

// Module functions, as firstTerritoryOf: other libraries read the Comuni's centres through them
// inside their own transactions (`db`), and they need no Nest injection.

/** A Comune's centre. */
export interface ComuneCentre {
  istat: string;
  name: string;
  lat: number;
  lon: number;
}

/** The Comune nearest a point, with how far its centre is, in metres. */
export interface NearestComune extends ComuneCentre {
  meters: number;
}

/** The Comune whose centre is nearest the point (a GiST nearest-neighbour search). */
export function nearestComune(db: Queryable, lat: number, lon: number): Promise<NearestComune | undefined> {
  return firstRow<NearestComune>(
    db,
    `SELECT istat::text, name, lat, lon, earth_distance(ll_to_earth(lat, lon), ll_to_earth($1, $2)) AS meters
       FROM comuni ORDER BY ll_to_earth(lat, lon) <-> ll_to_earth($1, $2) LIMIT 1`,
    [lat, lon],
  );
}

/**
 * A SELECT, for another library's statement, of the Comune `istat` (SQL of its code; without it,
 * the Comune whose centre is nearest the point) as comune_istat, with km: how far its centre is
 * from the point `earth` (SQL of an earth value).
 */
export function comuneOfPointSql(earth: string, istat?: string): string {
  return istat
    ? `SELECT istat AS comune_istat, earth_distance(ll_to_earth(lat, lon), ${earth}) / 1000 AS km
             FROM comuni WHERE istat = ${istat}`
    : `SELECT istat AS comune_istat, earth_distance(ll_to_earth(lat, lon), ${earth}) / 1000 AS km
             FROM comuni ORDER BY ll_to_earth(lat, lon) <-> ${earth} LIMIT 1`;
}

/** The Comune's centre; undefined when there is no such Comune. */
export function comuneCentre(db: Queryable, istat: string): Promise<ComuneCentre | undefined> {
  return firstRow<ComuneCentre>(db, `SELECT istat::text, name, lat, lon FROM comuni WHERE istat = $1`, [
    istat,
  ]);
}

/** The centre of the Comune with the lowest ISTAT code (always the same one): the api's warm-up rehearses in it. */
export function firstComuneCentre(db: Queryable): Promise<ComuneCentre | undefined> {
  return firstRow<ComuneCentre>(
    db,
    `SELECT istat::text, name, lat, lon FROM comuni ORDER BY istat LIMIT 1`,
    [],
  );
}

/** The centres of those of these Comuni that exist. */
export function comuneCentres(db: Queryable, istats: readonly string[]): Promise<ComuneCentre[]> {
  return db.query(`SELECT istat::text, name, lat, lon FROM comuni WHERE istat = ANY($1::bpchar[])`, [istats]);
}

/** How far the point is from the Comune's centre, in km; undefined when there is no such Comune. */
export async function kmFromComuneCentre(
  db: Queryable,
  istat: string,
  lat: number,
  lon: number,
): Promise<number | undefined> {
  const row = await firstRow<{ km: number }>(
    db,
    `SELECT earth_distance(ll_to_earth(lat, lon), ll_to_earth($2, $3)) / 1000 AS km FROM comuni WHERE istat = $1`,
    [istat, lat, lon],
  );
  return row?.km;
}

/**
 * True when the centre of the Comune `istat` (SQL of its code) is within `metres` (SQL) of the point
 * `earth` (SQL of an earth value): a condition for another library's statement (alias `c`).
 */
export function comuneCentreWithinSql(istat: string, earth: string, metres: string): string {
  return `EXISTS (SELECT 1 FROM comuni c WHERE c.istat = ${istat}
              AND earth_distance(ll_to_earth(c.lat, c.lon), ${earth}) <= ${metres})`;
}
