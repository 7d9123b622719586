import { Injectable } from '@nestjs/common';
import { TerritoryCoverage } from '@prossimo/identity';
import { firstRow, Queryable } from '@prossimo/platform';

/** Identity's TerritoryCoverage port over territory's tables (territories, territory_comuni). */
@Injectable()
export class TerritoryCoverageRepository implements TerritoryCoverage {
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

  async comuneInTerritories(db: Queryable, comuneIstat: string, territoryIds: string[]): Promise<boolean> {
    const rows: unknown[] = await db.query(
      `SELECT 1 FROM territory_comuni WHERE comune_istat = $1 AND territory_id = ANY($2::uuid[]) LIMIT 1`,
      [comuneIstat, territoryIds],
    );
    return rows.length > 0;
  }

  comuniOfTerritoriesSql(territoryIdsParam: string): string {
    return `SELECT comune_istat FROM territory_comuni WHERE territory_id = ANY(${territoryIdsParam}::uuid[])`;
  }
}
