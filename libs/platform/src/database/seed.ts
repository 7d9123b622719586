import { DataSource, EntityManager } from 'typeorm';
import { hasSeedRun, lockSeedRun, recordSeedRun } from './seed-runs.repository';

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
      await lockSeedRun(manager, seeder.name);
      if (await hasSeedRun(manager, seeder.name)) return false;
      await seeder.run(manager);
      await recordSeedRun(manager, seeder.name);
      return true;
    });
    if (ran) applied.push(seeder.name);
  }
  return applied;
}
