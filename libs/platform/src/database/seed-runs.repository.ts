import { Queryable } from './queryable';

/** Platform's seed_runs table: the seeders that have run on this database, by name. */

/** Waits, until the transaction ends, for any other process applying the same seeder. */
export async function lockSeedRun(manager: Queryable, name: string): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`seed:${name}`]);
}

export async function hasSeedRun(db: Queryable, name: string): Promise<boolean> {
  const done: unknown[] = await db.query('SELECT 1 FROM seed_runs WHERE name = $1', [name]);
  return done.length > 0;
}

export async function recordSeedRun(db: Queryable, name: string): Promise<void> {
  await db.query('INSERT INTO seed_runs (name) VALUES ($1)', [name]);
}
