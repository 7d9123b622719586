import { Queryable } from '@prossimo/platform';

// Module functions, as firstTerritoryOf: other libraries read which Comuni a territory covers on
// their own connection or transaction (`db`), and join a Comune's desk into their statements.

/** A Comune of a territory, with the territory's kind. */
export interface TerritoryComuneRow {
  istat: string;
  kind: string;
}

/** An ambito and its Comuni. */
export interface AmbitoComuni {
  id: string;
  comuni: string[];
}

/** The Comuni of these territories, each with its territory's kind (distinct pairs). */
export function comuniOfTerritories(
  db: Queryable,
  territoryIds: readonly string[],
): Promise<TerritoryComuneRow[]> {
  return db.query(
    `SELECT DISTINCT tc.comune_istat::text AS istat, t.kind
         FROM territory_comuni tc JOIN territories t ON t.id = tc.territory_id
        WHERE tc.territory_id = ANY($1::uuid[])`,
    [territoryIds],
  );
}

/** The Comuni (their codes) of these territories, distinct. */
export async function comuneIstatsOfTerritories(
  db: Queryable,
  territoryIds: readonly string[],
): Promise<string[]> {
  const rows: { comune_istat: string }[] = await db.query(
    `SELECT DISTINCT comune_istat FROM territory_comuni WHERE territory_id = ANY($1::uuid[])`,
    [territoryIds],
  );
  return rows.map((row) => row.comune_istat);
}

/** Every ambito with its Comuni, or only `territoryId`'s (none when it is not an ambito). */
export function ambitiWithComuni(db: Queryable, territoryId: string | null): Promise<AmbitoComuni[]> {
  return db.query(
    `SELECT t.id::text, array_agg(tc.comune_istat::text) AS comuni
         FROM territories t JOIN territory_comuni tc ON tc.territory_id = t.id
        WHERE t.kind = 'ambito' AND ($1::uuid IS NULL OR t.id = $1::uuid)
        GROUP BY t.id`,
    [territoryId],
  );
}

/**
 * SQL for the desk of a Comune's territory, as columns desk_phone and desk_hours (a LATERAL
 * subquery; `comuneIstat` is the SQL of the Comune's code), for statements of other libraries that
 * join it. A Comune in several territories: one with a desk number first.
 */
export function deskOfComuneSql(comuneIstat: string): string {
  return `LEFT JOIN LATERAL (
      SELECT t.desk_phone, t.desk_hours FROM territory_comuni tc JOIN territories t ON t.id = tc.territory_id
       WHERE tc.comune_istat = ${comuneIstat}
       ORDER BY t.desk_phone IS NULL, t.id LIMIT 1) desk ON true`;
}

/** The Comuni of the territories (territory_id, comune_istat) under the caller's alias, for a FROM or JOIN. */
export const territoryComuniAs = (alias: string): string => `territory_comuni ${alias}`;

/** Joins a territory's Comuni as `alias` (its `comune_istat`) on the territory id `territoryIdColumn`. */
export const joinTerritoryComuniSql = (alias: string, territoryIdColumn: string): string =>
  `JOIN territory_comuni ${alias} ON ${alias}.territory_id = ${territoryIdColumn}`;

/** Sub-select of the Comune codes of the territory whose id is the SQL `territoryId`, for an IN. */
export const comuniOfTerritorySql = (territoryId: string): string =>
  `(SELECT comune_istat FROM territory_comuni WHERE territory_id = ${territoryId})`;

/**
 * For a FROM: the Comuni of territories as `tc` (`territory_id`, `comune_istat`), each joined to
 * its Comune `c` (`istat`, `name`, `lat`, `lon`); the caller picks the territory (`tc.territory_id`).
 */
export const TERRITORY_COMUNI_TC_WITH_COMUNE_C =
  'territory_comuni tc JOIN comuni c ON c.istat = tc.comune_istat';
