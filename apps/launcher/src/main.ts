import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import {
  buildDataSourceOptions,
  ConfigError,
  hasSeedRun,
  parseConfig,
  recordSeedRun,
  runMigrations,
  runSeeders,
} from '@prossimo/platform';
import { EmbeddedPostgresHandle, startEmbeddedPostgres } from '@prossimo/platform/embedded';
import { DataSource } from 'typeorm';
import { API_NODE_FLAGS } from '../../api/src/node-flags';
import { readLauncherSettings } from './launcher-config';
import { complain, say } from './terminal';
import { createDemoTerritory } from './demo/demo-territory';
import { GraphQLClient } from './demo/graphql-client';
import { DEMO_PEOPLE, DEMO_SEEDERS } from './seeds/demo-people.seed';
import { DevFederation, startDevFederation } from './dev-identity/dev-federation';

/** The demo territory is created once per database, through the GraphQL API. */
const DEMO_TERRITORY_SEED = 'demo-territory-v1';

/**
 * `npm start`: runs Prossimo on one machine. With no DATABASE_URL it starts an embedded
 * PostgreSQL under .data/, migrates, seeds demo data once and uses the PostgreSQL queue backend
 * (unless REDIS_URL is set); then it runs the api, the worker and the outbox relay as three child
 * processes.
 */
async function main(): Promise<void> {
  const settings = readLauncherSettings();
  const environment = settings.childEnvironment;
  let database: EmbeddedPostgresHandle | undefined;
  let federation: DevFederation | undefined;
  const children: ChildProcess[] = [];
  let stopping = false;

  const shutdown = async (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.map((child) => waitForExit(child, 20000)));
    await federation?.stop();
    await database?.stop();
    process.exit(exitCode);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  if (settings.embedded) {
    say(`Starting the embedded PostgreSQL (data in ${join(settings.dataDir, 'postgres')}) ...`);
    database = await startEmbeddedPostgres({
      dataDir: join(settings.dataDir, 'postgres'),
      port: settings.embeddedPostgresPort,
      debug: settings.debug,
      cacheDir: settings.cacheDir,
      log: (line) => say(`[postgres] ${line}`),
    });
    environment.DATABASE_URL = database.url;
  }

  // The development SPID/CIE federation (trust anchor, SPID and CIE providers on loopback), unless a
  // real one is configured: "Entra con SPID" works with no internet.
  if (settings.embedded && !environment.OIDC_RP_ENTITY_ID) {
    const early = parseConfig(environment);
    const host = early.HTTP_HOST === '0.0.0.0' ? '127.0.0.1' : early.HTTP_HOST;
    federation = await startDevFederation({
      rpEntityId: `http://${host}:${early.HTTP_PORT}`,
      rpFederationJwks: environment.OIDC_RP_FEDERATION_JWKS,
    });
    Object.assign(environment, federation.environment);
  }

  const config = parseConfig(environment);
  const applied = await runMigrations(config);
  say(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database schema is up to date.');
  if (settings.embedded || config.SEED_DEMO_DATA) {
    const dataSource = new DataSource({
      ...buildDataSourceOptions({ ...config, DATABASE_REPLICA_URL: undefined }, 'prossimo-seed'),
      entities: [],
    });
    await dataSource.initialize();
    const seeded = await runSeeders(dataSource, DEMO_SEEDERS);
    await dataSource.destroy();
    if (seeded.length) say(`Demo data added: ${seeded.join(', ')}`);
  }

  // The relay in a process of its own, as in production (docs/deployment.md): the worker's CPU goes
  // to jobs.
  const environmentOf = {
    // The embedded default is one api process whatever the environment says (docs/deployment.md).
    api: { ...environment, API_PROCESSES: '1' },
    worker: { ...environment, OUTBOX_RELAY_IN_WORKER: 'false' },
    relay: environment,
  };
  for (const app of ['api', 'worker', 'relay'] as const) {
    const flags = app === 'api' ? API_NODE_FLAGS : [];
    const child = spawn(process.execPath, [...flags, join(__dirname, '..', '..', app, 'src', 'main.js')], {
      env: environmentOf[app],
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('exit', (code, signal) => {
      if (stopping) return;
      complain(`The ${app} stopped (${signal ?? `exit code ${code}`}); stopping Prossimo.`);
      void shutdown(1);
    });
    children.push(child);
  }

  const host = config.HTTP_HOST === '0.0.0.0' ? '127.0.0.1' : config.HTTP_HOST;
  const baseUrl = `http://${host}:${config.HTTP_PORT}`;
  await waitUntilReady(`${baseUrl}/ready`);
  if ((settings.embedded || config.SEED_DEMO_DATA) && config.SMS_CHANNEL === 'file') {
    await seedDemoTerritoryOnce(config, new GraphQLClient(`${baseUrl}/graphql`, config.SMS_FILE_PATH));
  }
  say(
    [
      '',
      'Prossimo is starting:',
      `  Open http://${host}:${config.HTTP_PORT}/`,
      `  GraphQL:        http://${host}:${config.HTTP_PORT}/graphql`,
      `  Health:         http://${host}:${config.HTTP_PORT}/ready`,
      `  Database:       ${settings.embedded ? 'embedded PostgreSQL' : 'DATABASE_URL'}`,
      `  Queue backend:  ${config.QUEUE_BACKEND}`,
      config.SMS_CHANNEL === 'file'
        ? `  SMS messages:   written to ${config.SMS_FILE_PATH} (development channel)`
        : `  SMS messages:   sent through ${config.SMS_HTTP_URL}`,
      federation
        ? `  SPID and CIE:   development providers ${federation.spid.entityId} and ${federation.cie.entityId} (test identities, no password)`
        : '',
      settings.embedded
        ? `  Demo people:    ${DEMO_PEOPLE.map((person) => `${person.name} ${person.phone}`).join(', ')}`
        : '',
      '  Stop with Ctrl-C.',
      '',
    ]
      .filter(Boolean)
      .join('\n'),
  );
}

async function waitUntilReady(url: string, timeoutMs = 60000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ready = await fetch(url)
      .then((response) => response.ok)
      .catch(() => false);
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`Prossimo did not become ready at ${url} within ${timeoutMs / 1000} s`);
}

/** The demo consortium is built through the public API, once per database. */
async function seedDemoTerritoryOnce(
  config: ReturnType<typeof parseConfig>,
  client: GraphQLClient,
): Promise<void> {
  const dataSource = new DataSource({
    ...buildDataSourceOptions({ ...config, DATABASE_REPLICA_URL: undefined }, 'prossimo-seed'),
    entities: [],
  });
  await dataSource.initialize();
  try {
    if (await hasSeedRun(dataSource, DEMO_TERRITORY_SEED)) return;
    say('Creating the demo territory through the GraphQL API ...');
    await createDemoTerritory(client, (line) => say(`  demo: ${line}`));
    await recordSeedRun(dataSource, DEMO_TERRITORY_SEED);
  } catch (error) {
    complain(`The demo territory could not be created: ${(error as Error).message}`);
  } finally {
    await dataSource.destroy();
  }
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

main().catch((error: unknown) => {
  complain(
    error instanceof ConfigError ? error.message : error instanceof Error ? error.message : String(error),
  );
  process.exit(1);
});
