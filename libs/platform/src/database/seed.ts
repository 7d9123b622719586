import { DataSource, EntityManager } from 'typeorm';

export interface Seeder {
  /** Stable name: a seeder runs once per database. */
  name: string;
  run(manager: EntityManager): Promise<void>;
}

/** Applies each seeder not yet applied, each in its own transaction with its marker row. */
export async function runSeeders(dataSource: DataSource, seeders: Seeder[]): Promise<string[]> {
  const applied: string[] = [];
  for (const seeder of seeders) {
    const ran = await dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`seed:${seeder.name}`]);
      const done: unknown[] = await manager.query('SELECT 1 FROM seed_runs WHERE name = $1', [seeder.name]);
      if (done.length) return false;
      await seeder.run(manager);
      await manager.query('INSERT INTO seed_runs (name) VALUES ($1)', [seeder.name]);
      return true;
    });
    if (ran) applied.push(seeder.name);
  }
  return applied;
}
