import { runMigrations } from '../migrate';
import { ConfigError, parseConfig } from '../../config/config.schema';

async function main(): Promise<void> {
  const config = parseConfig(process.env);
  const applied = await runMigrations(config);
  console.log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database is up to date.');
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
