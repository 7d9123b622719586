import { EntityManager } from 'typeorm';

/**
 * Whether no organisation has this id. The directory's organisations table may not exist yet in
 * every deployment: without it there is nothing to check against, and the id is taken as given.
 */
export async function organisationMissing(manager: EntityManager, organisationId: string): Promise<boolean> {
  const [table]: { exists: boolean }[] = await manager.query(
    `SELECT to_regclass('public.organisations') IS NOT NULL AS exists`,
  );
  if (!table.exists) return false;
  const rows: unknown[] = await manager.query(`SELECT 1 FROM organisations WHERE id = $1`, [organisationId]);
  return rows.length === 0;
}
