// The catalogue's text search on the bench:api catalogue (10,000 published offers, seeded with a
// fixed seed), before and after Italian full-text search (issue 21, item 9):
//
// - before: main's SQL up to then, every word a substring of the unaccented title and description
//   through the trigram index (no stems, no typos), newest first;
// - after: the SQL the compiled ServiceOfferQueries runs now (captured, as bench:api does): the
//   stems ('italian' tsvector), a one-lexeme query walking offer_search_terms best first, any other
//   ranked over its GIN matches; parts of words and typos (offer_search_words) only when the stems
//   leave the page short.
//
// Both run on the same database and connection as prepared statements, as the api runs them. For
// each query it prints the rows found, EXPLAIN (ANALYZE, BUFFERS) of one run, the median time of
// many runs, and the ratio after / before; then the load average at the end and at the start. The seed's 10,000 offers share
// one description, so their text is first varied (deterministically, by creation order) with real
// service wording: otherwise every word would match every offer or none.
//
//     npm run bench:search            (BENCH_SEARCH_RUNS, default 200; TEST_DATABASE_URL)

import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { generateSecrets, SCALE, seedWorld } from '../api/seed';
import { databaseUrlFor, onServer } from '../support/postgres';

const ROOT = resolve(__dirname, '../../..');
const SEED = Number(process.env.BENCH_SEED ?? 20251121);
const RUNS = Number(process.env.BENCH_SEARCH_RUNS ?? 200);
const PAGE = 20;

/** What people type: stems, accents, a typo, a part of a word, a common word, a rare one. */
const QUERIES = [
  'visita medica',
  'citta',
  'fisoterapia',
  'spesa a domicilio',
  'accompagnamento',
  'badante',
  'fisio',
];

const TITLES = [
  'Accompagnamento alle visite mediche',
  'Spesa a domicilio',
  'Compagnia telefonica',
  'Fisioterapia a domicilio',
  'Trasporto sociale in città',
  'Aiuto con lo smartphone',
  'Badante di condominio',
  'Pasti caldi a casa',
  'Pulizie e piccole riparazioni',
  'Doposcuola per ragazzi',
  'Sportello lavoro',
  'Consegna farmaci',
  'Assistenza infermieristica',
  'Passeggiate in compagnia',
  'Lettura per non vedenti',
  'Disbrigo pratiche',
];
const DESCRIPTIONS = [
  'Un volontario accompagna alla visita medica e aspetta.',
  'Facciamo la spesa e la portiamo a casa due volte la settimana.',
  'Una telefonata al giorno per fare due chiacchiere.',
  'Esercizi di riabilitazione con un fisioterapista qualificato.',
  'Pulmino attrezzato per carrozzina, anche fuori città.',
  'Impariamo insieme a usare lo SPID e le videochiamate.',
  'Una badante condivisa tra famiglie vicine.',
  'Pranzo e cena consegnati caldi, menù per diabetici.',
  'Piccoli lavori in casa: lampadine, rubinetti, mensole.',
  'Compiti e giochi il pomeriggio, merenda compresa.',
  'Aiuto a scrivere il curriculum e a cercare lavoro.',
  'Ritiriamo le ricette dal medico e i farmaci in farmacia.',
  'Medicazioni, iniezioni e prelievi a domicilio.',
];

/**
 * The columns main's search returned at d8cbb84 (OFFER_COLUMNS and page()'s three keys), as the
 * search after returns them: the before SQL once returned the ids alone, which made it look
 * cheaper by what reading and sending 21 whole offers costs (about 0.25 ms a search).
 */
const BEFORE_COLUMNS = `o.id, o.organisation_id AS "organisationId", o.title, o.category,
  o.target_groups AS "targetGroups", o.description, o.area_comuni::text[] AS "areaComuni",
  o.radius_km AS "radiusKm", o.comune_istat::text AS "comuneIstat", o.lat, o.lon, o.schedule, o.capacity,
  o.accessibility_notes AS "accessibilityNotes", o.vehicle_seats AS "vehicleSeats",
  o.wheelchair_transport AS "wheelchairTransport", o.languages, o.price_model AS "priceModel",
  o.price_unit AS "priceUnit", o.price_cents AS "priceCents", o.price_bands AS "priceBands",
  o.vouchers_accepted AS "vouchersAccepted", o.status, o.created_at AS "createdAt", o.updated_at AS "updatedAt",
  to_char(o.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "createdAtKey",
  (SELECT mi.status FROM moderation_items mi
    WHERE mi.content_type = 'service_offer' AND mi.content_id = o.id) AS "moderationStatus",
  NULL::float8 AS "distanceM", NULL::float8 AS rating, NULL::float8 AS "nearestKey"`;

/** main's offer text search before this change (service-offer.service.ts at d8cbb84). */
function beforeSql(words: string[]): string {
  const likes = words.map(
    (_, i) =>
      `f_unaccent(lower(o.title || ' ' || o.description)) LIKE '%' || f_unaccent(lower($${i + 1})) || '%'`,
  );
  return `SELECT ${BEFORE_COLUMNS} FROM service_offers o
    WHERE o.status = 'active'
      AND EXISTS (SELECT 1 FROM moderation_items mi WHERE mi.content_type = 'service_offer'
            AND mi.content_id = o.id AND mi.status = 'published')
      AND EXISTS (SELECT 1 FROM organisation_accreditations a
                    JOIN territory_comuni tc ON tc.territory_id = a.territory_id
                   WHERE a.organisation_id = o.organisation_id AND a.status = 'accredited'
                     AND tc.comune_istat = o.comune_istat)
      AND ${likes.join(' AND ')}
    ORDER BY o.created_at DESC, o.id DESC LIMIT $${words.length + 1}`;
}

interface Captured {
  sql: string;
  params: unknown[];
}

/** The api's own SQL for a text search (default order: relevance), from the compiled service. */
function captureAfter(text: string): Promise<Captured> {
  const load = createRequire(join(ROOT, 'package.json'));
  const directory = load(join(ROOT, 'dist/libs/directory/src/index.js')) as {
    DirectoryModule: object;
    ServiceOfferQueries: new (
      dataSource: unknown,
      access: unknown,
      offers: unknown,
      searchRepository: unknown,
    ) => {
      search(args: { filter: { text: string }; first: number }): Promise<unknown>;
    };
  };
  // The search's repository is not in the library's index: found among the module's providers.
  const providers = (Reflect as unknown as { getMetadata(key: string, target: object): unknown }).getMetadata(
    'providers',
    directory.DirectoryModule,
  ) as { name: string }[];
  const SearchRepository = providers.find((provider) => provider.name === 'ServiceOfferSearchRepository') as
    (new (config: unknown, moderation: unknown, replica: unknown) => unknown) | undefined;
  if (!SearchRepository) throw new Error('DirectoryModule provides no ServiceOfferSearchRepository');
  const moderation = load(join(ROOT, 'dist/libs/moderation/src/index.js')) as {
    ModerationService: new (dataSource: unknown, access: unknown, notifications: unknown) => unknown;
  };
  let captured: Captured | null = null;
  const dataSource = {
    query: (sql: string, params: unknown[] = []) => {
      captured = { sql, params };
      return Promise.resolve([]);
    },
  };
  const service = new directory.ServiceOfferQueries(
    dataSource,
    null,
    null,
    new SearchRepository(
      {},
      new moderation.ModerationService(null, null, null),
      // The catalogue reads through the read replica service (the primary when there is none).
      { queryPrepared: (sql: string, params: unknown[]) => dataSource.query(sql, params) },
    ),
  );
  return service.search({ filter: { text }, first: PAGE }).then(() => {
    if (!captured) throw new Error('the search sent no SQL');
    return captured;
  });
}

/** The migrations of the text search, oldest first: "before" is the schema without them. */
const MIGRATIONS = [
  { file: '1763702870000-OfferTextSearch', name: 'OfferTextSearch1763702870000' },
  { file: '1763702980000-OfferSearchTerms', name: 'OfferSearchTerms1763702980000' },
];

/** Reverts the text search's migrations, newest first, with their own down(). */
async function revertTextSearch(client: Client): Promise<void> {
  const load = createRequire(join(ROOT, 'package.json'));
  for (const migration of [...MIGRATIONS].reverse()) {
    const module = load(
      join(ROOT, 'dist/libs/platform/src/database/migrations', `${migration.file}.js`),
    ) as Record<string, new () => { down(db: { query(sql: string): Promise<unknown> }): Promise<void> }>;
    await new module[migration.name]().down({ query: (sql: string) => client.query(sql) });
    await client.query(`DELETE FROM schema_migrations WHERE name = $1`, [migration.name]);
  }
}

/** Which of the search's indexes the plan read (a node that ran, not one marked "never executed"). */
function indexesUsed(plan: string[]): string {
  const names = ['offer_search_terms_rank_idx', 'service_offers_search_vector_idx'];
  const used = names.filter((name) =>
    plan.some((row) => row.includes(name) && !row.includes('never executed')),
  );
  return (
    used.map((name) => (name.startsWith('offer_search_terms') ? 'terms walk' : 'GIN')).join(' + ') || 'none'
  );
}

interface Measured {
  rows: number;
  medianMs: number;
  plan: string[];
}

/** Rows found, EXPLAIN (ANALYZE, BUFFERS) of one run, then the median of RUNS prepared runs. */
async function measure(client: Client, name: string, sql: string, params: unknown[]): Promise<Measured> {
  const rows = (await client.query(sql, params)).rowCount ?? 0;
  const plan = await explain(client, sql, params);
  return { rows, plan, medianMs: await timeRuns(client, name, sql, params) };
}

function summary(measured: Measured): string {
  const buffers = (measured.plan.find((row) => row.trim().startsWith('Buffers')) ?? '').trim();
  return `${measured.medianMs.toFixed(2)} (${figure(measured.plan, 'Execution Time:')}, ${buffers.replace('Buffers: ', '')})`;
}

async function timeRuns(client: Client, name: string, sql: string, params: unknown[]): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = process.hrtime.bigint();
    await client.query({ name, text: sql, values: params });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

async function explain(client: Client, sql: string, params: unknown[]): Promise<string[]> {
  const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
  return rows.map((row) => row['QUERY PLAN']);
}

function figure(plan: string[], label: string): string {
  const line = plan.find((row) => row.startsWith(label));
  return line ? line.slice(label.length).trim() : '?';
}

async function main(): Promise<void> {
  const startLoad = loadAverage();
  const database = `prossimo_bench_search_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const databaseUrl = databaseUrlFor(database);
  await onServer((server) => server.query(`CREATE DATABASE "${database}"`));
  try {
    const load = createRequire(join(ROOT, 'package.json'));
    const { runMigrations } = load(join(ROOT, 'dist/libs/platform/src/index.js')) as {
      runMigrations: (config: { DATABASE_URL: string; DATABASE_POOL_SIZE: number }) => Promise<string[]>;
    };
    await runMigrations({ DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: 2 });
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      // "Before" is main's schema as well as its SQL: without the tsvector (wider rows, more pages),
      // its indexes and tables, with the trigram index. The migrations are applied again once the
      // "before" figures are taken.
      await revertTextSearch(client);
      await seedWorld(databaseUrl, generateSecrets(), SEED);
      await client.query(
        `WITH numbered AS (
           SELECT id, row_number() OVER (ORDER BY created_at DESC, title) AS n FROM service_offers)
         UPDATE service_offers o
            SET title = ($1::text[])[1 + n % array_length($1::text[], 1)] || ' ' || n,
                description = ($2::text[])[1 + (n * 7) % array_length($2::text[], 1)]
                  || ' ' || ($2::text[])[1 + (n * 11 + 3) % array_length($2::text[], 1)]
           FROM numbered WHERE numbered.id = o.id`,
        [TITLES, DESCRIPTIONS],
      );
      await client.query('VACUUM FULL ANALYZE service_offers');
      const before = new Map<string, Measured>();
      for (const [index, text] of QUERIES.entries()) {
        const words = text.split(/\s+/);
        before.set(text, await measure(client, `before_${index}`, beforeSql(words), [...words, PAGE + 1]));
      }
      const applied = await runMigrations({ DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: 2 });
      for (const { name } of MIGRATIONS) {
        if (!applied.includes(name)) throw new Error(`${name} was not applied again: ${applied.join()}`);
      }
      await client.query('VACUUM ANALYZE service_offers, offer_search_terms, offer_search_words');

      console.log(
        `catalogue: ${SCALE.offers} offers (seed ${SEED}), ${TITLES.length} titles x ${DESCRIPTIONS.length}² descriptions; ${RUNS} runs per query, page ${PAGE}`,
      );
      console.log(
        '| query | rows before | rows after | before: median ms (EXPLAIN: exec ms, buffers) | after: median ms (EXPLAIN: exec ms, buffers) | after / before | index read (after) |',
      );
      console.log('| --- | --- | --- | --- | --- | --- | --- |');
      const plans: string[] = [];
      for (const [index, text] of QUERIES.entries()) {
        const captured = await captureAfter(text);
        const after = await measure(client, `after_${index}`, captured.sql, captured.params);
        const was = before.get(text) as Measured;
        console.log(
          `| ${text} | ${was.rows} | ${after.rows} | ${summary(was)} | ${summary(after)} | ${(after.medianMs / was.medianMs).toFixed(2)} | ${indexesUsed(after.plan)} |`,
        );
        if (index === 0) plans.push(`-- before: "${text}"`, ...was.plan);
        plans.push(`-- after: "${text}"`, ...after.plan);
      }
      if (process.env.BENCH_SHOW_PLANS) console.log(plans.join('\n'));
    } finally {
      await client.end();
    }
  } finally {
    // BENCH_SEARCH_KEEP=1 leaves the database for trying plans by hand (dropped otherwise).
    if (process.env.BENCH_SEARCH_KEEP) console.log(`kept database ${database}`);
    else await onServer((server) => server.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
  }
  console.log(`load average: ${loadAverage()} (at the start: ${startLoad})`);
}

function loadAverage(): string {
  return loadavg()
    .map((value) => value.toFixed(2))
    .join(', ');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
