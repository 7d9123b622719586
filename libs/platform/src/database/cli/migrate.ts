import { runMigrations } from '../migrate';
import { ConfigError } from '../../config/config.schema';
import { loadConfigFromEnvironment } from '../../config/config.module';

async function main(): Promise<void> {
  const config = loadConfigFromEnvironment();
  const applied = await runMigrations(config);
  // The command's answer to the operator who ran it (a deploy step), not a log line.
  process.stdout.write(
    `${applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database is up to date.'}\n`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
