import { firstRow, Queryable } from '@prossimo/platform';
import { EntityManager } from 'typeorm';

/**
 * A module function, not a repository method: other libraries call it inside their own
 * transactions, and it needs no Nest injection.
 *
 * The territory (ambito) a Comune belongs to, for records filed under one territory: the first by
 * id when the Comune is in several, null when it is in none.
 */
export async function firstTerritoryOf(manager: EntityManager, comuneIstat: string): Promise<string | null> {
  const [row]: { territory_id: string }[] = await manager.query(
    `SELECT territory_id FROM territory_comuni WHERE comune_istat = $1 ORDER BY territory_id LIMIT 1`,
    [comuneIstat],
  );
  return row?.territory_id ?? null;
}

/** Whether the territory exists. */
export async function territoryExists(db: Queryable, territoryId: string): Promise<boolean> {
  return (
    (await firstRow<unknown>(db, `SELECT 1 FROM territories WHERE id = $1`, [territoryId])) !== undefined
  );
}

/**
 * The first (by id) of these territories that covers one of these Comuni, null when none does:
 * for privacy's staff reach over a person (the territory filed in the audit entry).
 */
export async function firstTerritoryCovering(
  db: Queryable,
  comuneIstats: string[],
  territoryIds: string[],
): Promise<string | null> {
  const [covering]: { territory_id: string }[] = await db.query(
    `SELECT territory_id FROM territory_comuni
      WHERE comune_istat = ANY($1::char(6)[]) AND territory_id = ANY($2::uuid[])
      ORDER BY territory_id LIMIT 1`,
    [comuneIstats, territoryIds],
  );
  return covering?.territory_id ?? null;
}
