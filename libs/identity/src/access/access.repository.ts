import { Injectable } from '@nestjs/common';
import { firstRow, Queryable } from '@prossimo/platform';

/**
 * What access decisions read: territories and territory_comuni, territory's tables (read here until
 * territory offers them). Each method runs on the caller's `db` (its transaction, or the data source).
 */
@Injectable()
export class AccessRepository {
  /**
   * Whether any of these territories, or of the territories covering these Comuni, asks for staff
   * step-up (`platformDefault` where one has no setting); null when none is found.
   */
  async stepUpRequired(
    db: Queryable,
    territoryIds: readonly string[],
    comuneIstats: readonly string[],
    platformDefault: boolean,
  ): Promise<boolean | null | undefined> {
    const row = await firstRow<{ required: boolean | null }>(
      db,
      `SELECT bool_or(coalesce(t.staff_step_up, $3)) AS required
         FROM territories t
        WHERE t.id = ANY($1::uuid[])
           OR t.id IN (SELECT territory_id FROM territory_comuni WHERE comune_istat = ANY($2::char(6)[]))`,
      [territoryIds, comuneIstats, platformDefault],
    );
    return row?.required;
  }

  /** Whether one of these territories covers the Comune. */
  async comuneInTerritories(db: Queryable, comuneIstat: string, territoryIds: string[]): Promise<boolean> {
    const rows: unknown[] = await db.query(
      `SELECT 1 FROM territory_comuni WHERE comune_istat = $1 AND territory_id = ANY($2::uuid[]) LIMIT 1`,
      [comuneIstat, territoryIds],
    );
    return rows.length > 0;
  }
}
