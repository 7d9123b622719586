/*
 * Console lists benchmark: `npm run bench:console` (a benchmark, not a test). Issue 17 asks that,
 * with 10,000 needs in a territory, a console list still shows its first page quickly. It:
 * - creates a fresh database, runs the migrations and seeds the bench:api world (the 1,180
 *   Piedmont Comuni in one ambito, 2,000 people, 10,000 offers), then tops the ambito up to
 *   10,000 open needs (fixed seed), 4,000 of them given up on by matching with a reason, 2,000
 *   needs awaiting moderation, 10,000 audit entries and 4,000 calls for volunteers (half the
 *   Comune's own, each with three answers, one to decide); a Comune operator and moderator of the
 *   ambito with a live session;
 * - starts the api in production mode (one process) and asks, one request at a time, each list the
 *   console opens (the follow-up "open for more than 24 h" and "unmatched" lists, the moderation
 *   queue, the audit trail, the accreditation requests, the Comune's calls): the first page of 20
 *   and the page after it, round-robin so a neighbour's load falls on every list alike;
 * - the baseline, measured in the same rounds, is `me` for the same operator: the same HTTP,
 *   session and GraphQL path with one primary-key read, so the ratio is what the list itself adds;
 * - prints p50 / p95 per list and page, the ratio of p50s to the baseline, the target (first page
 *   p95 under 300 ms, what a person waiting at the desk notices) and the load average.
 * Knobs: BENCH_SEED (default 20251121), BENCH_CONSOLE_ROUNDS (default 60), TEST_DATABASE_URL.
 */
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { connectSeeded } from '../support/postgres';
import { percentile } from '../api/load';
import { BenchSecrets, generateSecrets, seedWorld, signAccessToken } from '../api/seed';
import { createBenchDatabase, databaseUrlFor, dropDatabase, migrate } from '../support/postgres';
import { freePort } from '../support/ports';
import { apiNodeFlags, spawnBuiltApi, waitUntilApiReady } from '../support/api-process';

const ROOT = resolve(__dirname, '../../..');
const SEED = Number(process.env.BENCH_SEED ?? 20251121);
const ROUNDS = Number(process.env.BENCH_CONSOLE_ROUNDS ?? 60);
const NEEDS_IN_TERRITORY = 10_000;
const CALLS_IN_TERRITORY = 4_000;
const PAGE = 20;
const FIRST_PAGE_TARGET_MS = 300;

const cleanups: (() => Promise<unknown> | unknown)[] = [];
const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

interface ListQuery {
  name: string;
  query: string;
  variables: (territoryId: string) => Record<string, unknown>;
  /** Where the page sits in the response: data[field]. */
  field: string;
}

// The console's own queries (apps/web/src/console/pages), trimmed to what each list shows.
const LISTS: ListQuery[] = [
  {
    name: 'open for 24 h or more',
    field: 'territoryNeeds',
    query: `query ($first: Int!, $after: String) { territoryNeeds(status: OPEN, unmatchedForHours: 24, first: $first, after: $after) {
      items { id category description comuneIstat status source openedAt createdAt windowStart }
      pageInfo { endCursor hasNextPage } } }`,
    variables: () => ({}),
  },
  {
    name: 'unmatched needs',
    field: 'unmatchedNeeds',
    query: `query ($first: Int!, $after: String) { unmatchedNeeds(first: $first, after: $after) {
      items { needId category description comuneIstat reason reasonText unmatchedAt windowStart }
      pageInfo { endCursor hasNextPage } } }`,
    variables: () => ({}),
  },
  {
    name: 'moderation queue',
    field: 'moderationQueue',
    query: `query ($first: Int!, $after: String) { moderationQueue(status: PENDING, first: $first, after: $after) {
      items { contentId contentType comuneIstat createdAt needsReview reportCount status summary }
      pageInfo { endCursor hasNextPage } } }`,
    variables: () => ({}),
  },
  {
    name: 'audit trail',
    field: 'auditTrail',
    query: `query ($territoryId: ID!, $first: Int!, $after: String) { auditTrail(territoryId: $territoryId, first: $first, after: $after) {
      items { id action entityType entityId createdAt }
      pageInfo { endCursor hasNextPage } } }`,
    variables: (territoryId) => ({ territoryId }),
  },
  {
    name: 'accreditation requests',
    field: 'accreditationRequests',
    query: `query ($territoryId: ID, $first: Int!, $after: String) { accreditationRequests(territoryId: $territoryId, first: $first, after: $after) {
      items { id organisationId organisationName status reason createdAt updatedAt }
      pageInfo { endCursor hasNextPage } } }`,
    variables: (territoryId) => ({ territoryId }),
  },
  {
    name: 'the Comune’s calls',
    field: 'comuneCallsToAction',
    query: `query ($territoryId: ID, $first: Int!, $after: String) { comuneCallsToAction(territoryId: $territoryId, first: $first, after: $after) {
      items { id title status startsOn endsOn volunteersWanted acceptedCount moderationStatus pendingAnswerCount places { istat name } }
      pageInfo { endCursor hasNextPage } } }`,
    variables: (territoryId) => ({ territoryId }),
  },
];
const BASELINE = {
  name: 'baseline: me',
  query: `query { me { id displayName roles { role territoryId } } }`,
};

/** Needs, unmatched states, pending moderation and audit rows on top of the bench:api world. */
async function seedConsole(
  databaseUrl: string,
  secrets: BenchSecrets,
  territoryId: string,
): Promise<{ staffToken: string; counts: Record<string, number> }> {
  const client = await connectSeeded(databaseUrl, SEED + 17);
  try {
    const { rows: existing } = await client.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM needs`,
    );
    const extra = NEEDS_IN_TERRITORY - existing[0].count;
    // Older needs (opened 1 to 60 days ago), so the "open for 24 h" list has thousands of rows.
    await client.query(
      `WITH authors AS (
         SELECT u.id AS user_id, b.id AS beneficiary_id, row_number() OVER (ORDER BY u.phone_e164)::int AS n
           FROM users u JOIN beneficiaries b ON b.user_id = u.id AND b.kind = 'self'),
       comuni AS (
         SELECT c.istat, c.lat, c.lon, row_number() OVER (ORDER BY c.istat)::int AS n
           FROM territory_comuni tc JOIN comuni c ON c.istat = tc.comune_istat WHERE tc.territory_id = $2),
       picks AS (
         SELECT g, 1 + g % (SELECT count(*) FROM authors) AS author, 1 + floor(random() * (SELECT count(*) FROM comuni))::int AS cn,
                interval '1 day' + random() * interval '59 days' AS age
           FROM generate_series(1, $1) g)
       INSERT INTO needs (id, source, status, category, description, comune_istat, lat, lon, window_start,
         window_end, urgency, author_user_id, beneficiary_id, opened_at, created_at, updated_at)
       SELECT gen_random_uuid(), CASE WHEN p.g % 8 = 0 THEN 'desk' ELSE 'citizen' END, 'open',
              (ARRAY['home_help', 'shopping_and_delivery', 'companionship', 'digital_help', 'other'])[1 + p.g % 5],
              'Serve una mano per la spesa e per le commissioni.', c.istat, c.lat, c.lon,
              now() + (1 + p.g % 20) * interval '1 day', now() + (1 + p.g % 20) * interval '1 day' + interval '2 hours',
              'normal', a.user_id, a.beneficiary_id, now() - p.age, now() - p.age, now() - p.age
         FROM picks p JOIN authors a ON a.n = p.author JOIN comuni c ON c.n = p.cn`,
      [extra, territoryId],
    );
    await client.query(
      `INSERT INTO moderation_items (content_type, content_id, comune_istat, author_user_id, status, needs_review, summary, decided_at)
       SELECT 'need', n.id, n.comune_istat, n.author_user_id,
              CASE WHEN row_number() OVER (ORDER BY n.created_at) <= 2000 THEN 'pending' ELSE 'published' END,
              row_number() OVER (ORDER BY n.created_at) <= 2000, n.category || ': ' || n.description,
              CASE WHEN row_number() OVER (ORDER BY n.created_at) <= 2000 THEN NULL ELSE now() END
         FROM needs n WHERE NOT EXISTS (SELECT 1 FROM moderation_items m WHERE m.content_id = n.id)`,
    );
    await client.query(
      `INSERT INTO need_match_states (need_id, comune_istat, unmatched_reason, unmatched_at, rounds)
       SELECT id, comune_istat,
              (ARRAY['no_helper_in_range', 'none_available', 'requirement_not_met', 'all_declined'])[1 + floor(random() * 4)::int],
              created_at + interval '2 hours', 3
         FROM needs ORDER BY created_at LIMIT 4000`,
    );
    await client.query(
      `INSERT INTO audit_log (actor_user_id, action, entity_type, entity_id, territory_id, details, created_at)
       SELECT (SELECT id FROM users ORDER BY phone_e164 LIMIT 1), 'need.read_contact', 'need', n.id, $1, '{}'::jsonb,
              n.created_at + interval '3 hours'
         FROM needs n ORDER BY n.created_at LIMIT 10000`,
      [territoryId],
    );
    const {
      rows: [staff],
    } = await client.query<{ id: string }>(
      `INSERT INTO users (phone_e164, display_name, language, phone_verified_at)
       VALUES ('+393390000001', 'Operatrice dello sportello', 'it', now()) RETURNING id`,
    );
    await client.query(
      `INSERT INTO user_roles (user_id, role, territory_id) VALUES ($1, 'comune_operator', $2), ($1, 'comune_moderator', $2)`,
      [staff.id, territoryId],
    );
    const {
      rows: [session],
    } = await client.query<{ id: string }>(
      `INSERT INTO sessions (user_id, family_id, refresh_token_hash, expires_at)
       VALUES ($1, gen_random_uuid(), digest(gen_random_uuid()::text, 'sha256'), now() + interval '1 day') RETURNING id`,
      [staff.id],
    );
    // Calls for volunteers in the ambito, half the Comune's own and half organisations', each with
    // three answers (one still to decide) and published by moderation.
    await client.query(
      `WITH comuni AS (
         SELECT comune_istat AS istat, row_number() OVER (ORDER BY comune_istat)::int AS n
           FROM territory_comuni WHERE territory_id = $2),
       orgs AS (SELECT id, row_number() OVER (ORDER BY id)::int AS n FROM organisations)
       INSERT INTO calls_to_action (publisher_user_id, organisation_id, title, description, categories, starts_on,
         ends_on, comune_istats, volunteers_wanted, created_at)
       SELECT $1, CASE WHEN g % 2 = 0 THEN o.id END, 'Chiamata ai volontari ' || g,
              'Servono volontari per la festa del paese.', ARRAY['companionship'], current_date, current_date + 30,
              ARRAY[c.istat]::char(6)[], 5, now() - g * interval '10 minutes'
         FROM generate_series(1, $3) g
         JOIN comuni c ON c.n = 1 + g % (SELECT count(*) FROM comuni)
         JOIN orgs o ON o.n = 1 + g % (SELECT count(*) FROM orgs)`,
      [staff.id, territoryId, CALLS_IN_TERRITORY],
    );
    await client.query(
      `WITH v AS (SELECT id, row_number() OVER (ORDER BY id)::int AS n FROM volunteer_profiles),
       c AS (SELECT id, row_number() OVER (ORDER BY created_at)::int AS n FROM calls_to_action)
       INSERT INTO call_answers (call_id, volunteer_id, status)
       SELECT c.id, v.id, CASE WHEN k = 0 THEN 'pending' ELSE 'declined' END
         FROM c CROSS JOIN generate_series(0, 2) k JOIN v ON v.n = 1 + (c.n * 3 + k) % (SELECT count(*) FROM v)`,
    );
    await client.query(
      `INSERT INTO moderation_items (content_type, content_id, comune_istat, author_user_id, status, needs_review, summary, decided_at)
       SELECT 'call_to_action', id, comune_istats[1], publisher_user_id, 'published', false, title, now()
         FROM calls_to_action`,
    );
    await client.query('COMMIT');
    await client.query('VACUUM (ANALYZE)');
    const { rows } = await client.query<{ table: string; count: number }>(
      `SELECT 'open needs' AS table, count(*)::int AS count FROM needs WHERE status = 'open'
       UNION ALL SELECT 'unmatched', count(*)::int FROM need_match_states WHERE unmatched_reason IS NOT NULL
       UNION ALL SELECT 'awaiting moderation', count(*)::int FROM moderation_items WHERE status = 'pending'
       UNION ALL SELECT 'audit entries', count(*)::int FROM audit_log WHERE territory_id = $1
       UNION ALL SELECT 'Comune calls', count(*)::int FROM calls_to_action WHERE organisation_id IS NULL
       UNION ALL SELECT 'answers to decide', count(*)::int FROM call_answers WHERE status = 'pending'`,
      [territoryId],
    );
    return {
      staffToken: signAccessToken(secrets.JWT_SECRET, staff.id, session.id),
      counts: Object.fromEntries(rows.map((row) => [row.table, row.count])),
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

async function startApi(databaseUrl: string, port: number, secrets: BenchSecrets): Promise<void> {
  const child = spawnBuiltApi({
    root: ROOT,
    name: 'console',
    port,
    databaseUrl,
    nodeFlags: apiNodeFlags(ROOT),
    env: {
      API_PROCESSES: '1',
      ...secrets,
      // The lists under test need no SPID step-up (they show no health data).
      STAFF_STEP_UP: 'false',
      RATE_LIMIT_PER_MINUTE: '100000000',
      RATE_LIMIT_SENSITIVE_PER_MINUTE: '100000000',
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: '100000000',
    },
  });
  cleanups.push(() => child.kill('SIGTERM'));
  await waitUntilApiReady(child, port, 90_000);
}

async function timedGraphql(
  url: string,
  token: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<{
  ms: number;
  data: Record<string, { items: unknown[]; pageInfo: { endCursor: string | null } }>;
}> {
  const started = process.hrtime.bigint();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: never; errors?: { message: string }[] };
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (!response.ok || body.errors || !body.data) {
    throw new Error(`GraphQL failed (${response.status}): ${JSON.stringify(body.errors ?? body)}`);
  }
  return { ms, data: body.data };
}

async function main(): Promise<void> {
  const began = Date.now();
  const say = (line: string) =>
    console.log(`[${((Date.now() - began) / 1000).toFixed(1).padStart(5)}s] ${line}`);
  say(`load average at start: ${load()}`);
  const database = await createBenchDatabase('console');
  cleanups.push(() => dropDatabase(database));
  const databaseUrl = databaseUrlFor(database);
  await migrate(ROOT, databaseUrl);
  const secrets = generateSecrets();
  const world = await seedWorld(databaseUrl, secrets, SEED);
  const { staffToken, counts } = await seedConsole(databaseUrl, secrets, world.territoryId);
  say(
    `seeded one ambito of ${world.comuni.length} Comuni: ${Object.entries(counts)
      .map(([what, count]) => `${what} ${count}`)
      .join(', ')}`,
  );

  const port = await freePort();
  await startApi(databaseUrl, port, secrets);
  const url = `http://127.0.0.1:${port}/graphql`;
  say('api ready (production mode, one process)');

  // Every list must really be long: a bench of empty lists would prove nothing.
  const secondCursor = new Map<string, string>();
  for (const list of LISTS) {
    const { data } = await timedGraphql(url, staffToken, list.query, {
      ...list.variables(world.territoryId),
      first: PAGE,
    });
    const page = data[list.field];
    if (list.field !== 'accreditationRequests' && page.items.length !== PAGE) {
      throw new Error(`${list.name}: expected a full first page, got ${page.items.length} rows`);
    }
    if (page.pageInfo.endCursor) secondCursor.set(list.name, page.pageInfo.endCursor);
  }
  // Warm-up: five rounds, not reported.
  const round = async (record?: Map<string, number[]>) => {
    const base = await timedGraphql(url, staffToken, BASELINE.query, {});
    record?.get(BASELINE.name)?.push(base.ms);
    for (const list of LISTS) {
      const variables = list.variables(world.territoryId);
      const first = await timedGraphql(url, staffToken, list.query, { ...variables, first: PAGE });
      record?.get(`${list.name}, first page`)?.push(first.ms);
      const after = secondCursor.get(list.name);
      if (after) {
        const next = await timedGraphql(url, staffToken, list.query, { ...variables, first: PAGE, after });
        record?.get(`${list.name}, next page`)?.push(next.ms);
      }
    }
  };
  for (let index = 0; index < 5; index += 1) await round();

  const samples = new Map<string, number[]>([[BASELINE.name, []]]);
  for (const list of LISTS) {
    samples.set(`${list.name}, first page`, []);
    if (secondCursor.has(list.name)) samples.set(`${list.name}, next page`, []);
  }
  const loadBefore = load();
  for (let index = 0; index < ROUNDS; index += 1) await round(samples);
  const loadAfter = load();

  const baseline = percentile(samples.get(BASELINE.name) ?? [], 0.5);
  const lines = [...samples.entries()].map(([name, values]) => {
    const p50 = percentile(values, 0.5);
    const p95 = percentile(values, 0.95);
    const verdict = name.endsWith('first page') ? (p95 < FIRST_PAGE_TARGET_MS ? 'met' : 'NOT met') : '';
    return [name, p50.toFixed(1), p95.toFixed(1), (p50 / baseline).toFixed(2), verdict];
  });
  const header = [
    'request',
    'p50 ms',
    'p95 ms',
    'p50 / baseline p50',
    `first page p95 < ${FIRST_PAGE_TARGET_MS} ms`,
  ];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => line[column].length)),
  );
  const format = (cells: string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  console.log(
    `\n${ROUNDS} rounds, pages of ${PAGE}, one request at a time; load average ${loadBefore} -> ${loadAfter}`,
  );
  console.log(format(header));
  console.log(format(widths.map((width) => '-'.repeat(width))));
  for (const line of lines) console.log(format(line));
}

async function cleanup(): Promise<void> {
  for (const step of cleanups.reverse()) await Promise.resolve(step()).catch(() => undefined);
}

process.on('SIGINT', () => void cleanup().then(() => process.exit(130)));
main().then(
  () => cleanup(),
  async (error: unknown) => {
    console.error(error);
    await cleanup();
    process.exitCode = 1;
  },
);
