import { Queryable } from '@prossimo/platform';

/**
 * The port through which access decisions read which Comuni a territory covers and its step-up
 * setting. Identity owns it because territory depends on identity (its staff roles) and so cannot
 * be imported here; territory implements it over its tables. Each method runs on the caller's
 * `db` (its transaction, or the data source).
 */
export interface TerritoryCoverage {
  /**
   * Whether any of these territories, or of the territories covering these Comuni, asks for staff
   * step-up (`platformDefault` where one has no setting); null or undefined when none is found.
   */
  stepUpRequired(
    db: Queryable,
    territoryIds: readonly string[],
    comuneIstats: readonly string[],
    platformDefault: boolean,
  ): Promise<boolean | null | undefined>;

  /** Whether one of these territories covers the Comune. */
  comuneInTerritories(db: Queryable, comuneIstat: string, territoryIds: string[]): Promise<boolean>;

  /**
   * A sub-select of the ISTAT codes of the Comuni the territories cover, for a condition in other
   * libraries' statements; `territoryIdsParam` is the placeholder of the uuid[] of territory ids.
   */
  comuniOfTerritoriesSql(territoryIdsParam: string): string;
}

/** Injection token of the TerritoryCoverage; a global module of the composing app provides it. */
export const TERRITORY_COVERAGE = Symbol('TERRITORY_COVERAGE');
