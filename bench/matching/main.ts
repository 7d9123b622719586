/*
 * Matching benchmark: `npm run bench:matching` (add `-- --quick` for a small CI sanity run).
 * bench/README.md says what it measures and the knobs.
 */
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { databaseUrlFor, onServer } from '../support/postgres';
import { percentile } from '../api/load';
import { FULL_SCALE, MatchingScale, QUICK_SCALE, seedMatchingWorld } from './seed';

const ROOT = resolve(__dirname, '..', '..', '..');
const QUICK = process.argv.includes('--quick');
/** Seed, print the database name and keep it (for EXPLAIN by hand); drop it yourself afterwards. */
const SEED_ONLY = process.argv.includes('--seed-only');
const SEED = Number(process.env.BENCH_SEED ?? 20251122);
/** As the matching engine: the nearest eligible helpers scored per need. */
const CANDIDATE_POOL = 50;
/** A wider pool, for the optimum the 50-nearest restriction is measured against. */
const WIDE_POOL = 200;
const RIDE_BUFFER_MINUTES = 30;
const SOLVER_REPEATS = 5;
const TARGETS = { onlineP95Ms: 20, batchMs: 2000, travelWithin: 0.01 };

// The compiled libraries (npm run build), loaded like bench/api does: no Nest application needed.
const load = createRequire(join(ROOT, 'package.json'));
const dist = (path: string) => load(join(ROOT, 'dist', path));

interface MatchableNeed {
  id: string;
  category: string;
  lat: number;
  lon: number;
  maxDistanceKm: number | null;
  language: string;
  beneficiaryId: string | null;
  citizenUserIds: string[];
  slot: { start: Date; end: Date };
  ride: { wheelchair: boolean; passengers: number } | null;
}
interface Candidate {
  userId: string;
  distanceKm: number;
}
interface Edge {
  needIndex: number;
  helperIndex: number;
  cost: number;
}
interface Assignment {
  served: number;
  totalCost: number;
  helperOfNeed: number[];
}
type Solver = (input: { needCount: number; helperCount: number; edges: Edge[] }) => Assignment;

const { runMigrations } = dist('libs/platform/src/database/migrate.js') as {
  runMigrations: (config: { DATABASE_URL: string; DATABASE_POOL_SIZE: number }) => Promise<string[]>;
};
const { findCandidates } = dist('libs/matching/src/candidates/candidate-query.js') as {
  findCandidates: (manager: unknown, need: MatchableNeed, limit: number) => Promise<Candidate[]>;
};
const { scoreCandidate, compareCandidates, DEFAULT_SCORING_CONFIG } = dist(
  'libs/matching/src/scoring/score.js',
) as {
  scoreCandidate: (facts: Candidate, config: unknown) => { total: number };
  compareCandidates: (a: unknown, b: unknown) => number;
  DEFAULT_SCORING_CONFIG: unknown;
};
const { solveBatchAssignment, greedyAssignment } = dist(
  'libs/matching/src/assignment/batch-assignment.js',
) as { solveBatchAssignment: Solver; greedyAssignment: Solver };
const { engagementSlot } = dist('libs/matching/src/engagements/engagement-rules.js') as {
  engagementSlot: (input: {
    windowStart: Date;
    windowEnd: Date;
    ride: { appointmentAt: Date; returnAt: Date | null } | null;
    rideBufferMinutes: number;
  }) => { start: Date; end: Date };
};

async function loadNeeds(client: Client): Promise<MatchableNeed[]> {
  const { rows } = await client.query<{
    id: string;
    lat: number;
    lon: number;
    maxDistanceKm: number | null;
    windowStart: Date;
    windowEnd: Date;
    ride: { appointmentAt: string; returnAt: string | null; wheelchair: boolean; passengers: number };
    authorUserId: string;
    beneficiaryId: string;
  }>(
    `SELECT id, lat, lon, max_distance_km AS "maxDistanceKm", window_start AS "windowStart", window_end AS "windowEnd",
            details -> 'ride' AS ride, author_user_id AS "authorUserId", beneficiary_id AS "beneficiaryId"
       FROM needs WHERE status = 'open' ORDER BY created_at, id`,
  );
  return rows.map((row) => ({
    id: row.id,
    category: 'rides_and_accompaniment',
    lat: row.lat,
    lon: row.lon,
    maxDistanceKm: row.maxDistanceKm,
    language: 'it',
    beneficiaryId: row.beneficiaryId,
    citizenUserIds: [row.authorUserId],
    slot: engagementSlot({
      windowStart: row.windowStart,
      windowEnd: row.windowEnd,
      ride: {
        appointmentAt: new Date(row.ride.appointmentAt),
        returnAt: row.ride.returnAt ? new Date(row.ride.returnAt) : null,
      },
      rideBufferMinutes: RIDE_BUFFER_MINUTES,
    }),
    ride: { wheelchair: row.ride.wheelchair, passengers: row.ride.passengers },
  }));
}

/** Edges of the batch instance from each need's candidate list (cost: metres from home). */
function buildInstance(lists: Candidate[][]): { helperCount: number; edges: Edge[] } {
  const helperIndex = new Map<string, number>();
  const edges: Edge[] = [];
  lists.forEach((candidates, needIndex) => {
    for (const candidate of candidates) {
      let index = helperIndex.get(candidate.userId);
      if (index === undefined) {
        index = helperIndex.size;
        helperIndex.set(candidate.userId, index);
      }
      edges.push({ needIndex, helperIndex: index, cost: Math.round(candidate.distanceKm * 1000) });
    }
  });
  return { helperCount: helperIndex.size, edges };
}

function timeSolver(
  solver: Solver,
  input: { needCount: number; helperCount: number; edges: Edge[] },
): { result: Assignment; ms: number } {
  const times: number[] = [];
  let result: Assignment | undefined;
  for (let i = 0; i < SOLVER_REPEATS; i++) {
    const started = process.hrtime.bigint();
    result = solver(input);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return { result: result as Assignment, ms: percentile(times, 0.5) };
}

/** No helper serves two needs, and every pair is an edge: checked, not assumed. */
function checkAssignment(result: Assignment, edges: Edge[]): void {
  const allowed = new Set(edges.map((edge) => `${edge.needIndex}:${edge.helperIndex}`));
  const used = new Set<number>();
  result.helperOfNeed.forEach((helper, need) => {
    if (helper < 0) return;
    if (used.has(helper)) throw new Error(`helper ${helper} assigned twice`);
    if (!allowed.has(`${need}:${helper}`))
      throw new Error(`need ${need} got a helper outside its candidates`);
    used.add(helper);
  });
}

const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;
const km = (metres: number) => `${(metres / 1000).toFixed(1)} km`;

async function main(): Promise<void> {
  const scale: MatchingScale = QUICK ? QUICK_SCALE : FULL_SCALE;
  const began = Date.now();
  const say = (line: string) =>
    console.log(`[${((Date.now() - began) / 1000).toFixed(1).padStart(6)}s] ${line}`);
  const loadBefore = loadavg();
  const database = `prossimo_bench_matching_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  await onServer((client) => client.query(`CREATE DATABASE "${database}"`));
  const dropDatabase = () =>
    onServer((server) => server.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      console.error(`\n${signal}: stopping, dropping the benchmark database`);
      void dropDatabase().finally(() => process.exit(130));
    });
  }
  const client = new Client({ connectionString: databaseUrlFor(database) });
  let keepDatabase = false;
  try {
    say(`${QUICK ? 'quick' : 'full'} run, seed ${SEED}, database ${database}`);
    const migrations = await runMigrations({ DATABASE_URL: databaseUrlFor(database), DATABASE_POOL_SIZE: 2 });
    say(`${migrations.length} migrations applied`);
    const rows = await seedMatchingWorld(databaseUrlFor(database), scale, SEED);
    say(
      `seeded: ${Object.entries(rows)
        .map(([table, count]) => `${count} ${table}`)
        .join(', ')}`,
    );
    if (SEED_ONLY) {
      keepDatabase = true;
      say(`--seed-only: kept ${database} (DROP DATABASE "${database}" when done)`);
      return;
    }

    await client.connect();
    // findCandidates takes a TypeORM EntityManager: query(sql, params) → rows, and, as in the
    // worker's transaction, the connection of its query runner (where it prepares the search).
    const manager = {
      query: async (sql: string, params: unknown[]) => (await client.query(sql, params)).rows,
      queryRunner: { isReleased: false, connect: async () => client },
    };
    const needs = await loadNeeds(client);

    // Warm-up: plans and caches, so the first needs do not carry the cold start.
    for (const need of needs.slice(0, 20)) await findCandidates(manager, need, CANDIDATE_POOL);

    // Online: candidate query + scoring per need, against a bare nearest-neighbour query on the
    // same GiST index, alternating which goes first.
    const online: number[] = [];
    const bare: number[] = [];
    const lists: Candidate[][] = [];
    for (const [index, need] of needs.entries()) {
      const runBare = async () => {
        const started = process.hrtime.bigint();
        await client.query(
          `SELECT v.id FROM volunteer_profiles v
            ORDER BY ll_to_earth(v.home_lat, v.home_lon) <-> ll_to_earth($1, $2) LIMIT $3`,
          [need.lat, need.lon, CANDIDATE_POOL],
        );
        bare.push(Number(process.hrtime.bigint() - started) / 1e6);
      };
      const runOnline = async () => {
        const started = process.hrtime.bigint();
        const candidates = await findCandidates(manager, need, CANDIDATE_POOL);
        const ranked = candidates
          .map((candidate) => ({
            ...candidate,
            id: candidate.userId,
            score: scoreCandidate(candidate, DEFAULT_SCORING_CONFIG),
          }))
          .sort(compareCandidates);
        online.push(Number(process.hrtime.bigint() - started) / 1e6);
        lists.push(ranked);
      };
      if (index > 0 && index % 500 === 0) say(`online: ${index} needs`);
      if (index % 2 === 0) {
        await runOnline();
        await runBare();
      } else {
        await runBare();
        await runOnline();
      }
    }
    say(`online: ${needs.length} needs`);

    // Batch: every need against the candidates the engine finds for it.
    const instance = { needCount: needs.length, ...buildInstance(lists) };
    const optimal = timeSolver(solveBatchAssignment, instance);
    const greedy = timeSolver(greedyAssignment, instance);
    checkAssignment(optimal.result, instance.edges);
    checkAssignment(greedy.result, instance.edges);
    say(`batch: ${instance.edges.length} edges over ${instance.helperCount} helpers`);

    // The optimum over a wider pool: what the 50-nearest restriction costs, if anything.
    const wideLists: Candidate[][] = [];
    for (const need of needs) wideLists.push(await findCandidates(manager, need, WIDE_POOL));
    const wide = { needCount: needs.length, ...buildInstance(wideLists) };
    const wideOptimal = timeSolver(solveBatchAssignment, wide);
    checkAssignment(wideOptimal.result, wide.edges);
    say(`wide pool: ${wide.edges.length} edges over ${wide.helperCount} helpers`);

    const loadAfter = loadavg();
    const p50 = percentile(online, 0.5);
    const p95 = percentile(online, 0.95);
    const bareP50 = percentile(bare, 0.5);
    const bareP95 = percentile(bare, 0.95);
    const fill = (result: Assignment) => result.served / needs.length;
    const table: [string, string, string, string][] = [
      ['measure', 'value', 'baseline (same run)', 'target'],
      [
        `online candidates + score, p50 (${needs.length} needs)`,
        ms(p50),
        `bare NN ${ms(bareP50)} (x${(p50 / bareP50).toFixed(1)})`,
        '',
      ],
      [
        'online candidates + score, p95',
        ms(p95),
        `bare NN ${ms(bareP95)} (x${(p95 / bareP95).toFixed(1)})`,
        `<= ${TARGETS.onlineP95Ms} ms ${p95 <= TARGETS.onlineP95Ms ? 'met' : 'MISSED'}`,
      ],
      [
        `batch optimal (${needs.length} needs x ${instance.helperCount} helpers, ${instance.edges.length} edges)`,
        ms(optimal.ms),
        `greedy ${ms(greedy.ms)}`,
        `<= ${TARGETS.batchMs} ms ${optimal.ms <= TARGETS.batchMs ? 'met' : 'MISSED'}`,
      ],
      [
        'fill rate',
        `${(100 * fill(optimal.result)).toFixed(2)}% (${optimal.result.served})`,
        `greedy ${(100 * fill(greedy.result)).toFixed(2)}% (${greedy.result.served})`,
        `= wide optimum ${(100 * fill(wideOptimal.result)).toFixed(2)}% ${optimal.result.served === wideOptimal.result.served ? 'met' : 'MISSED'}`,
      ],
      [
        'total travel (home to pickup)',
        km(optimal.result.totalCost),
        `greedy ${km(greedy.result.totalCost)} (x${(greedy.result.totalCost / optimal.result.totalCost).toFixed(3)})`,
        '',
      ],
      [
        `travel vs optimum over ${WIDE_POOL} candidates/need`,
        `x${(optimal.result.totalCost / wideOptimal.result.totalCost).toFixed(4)}`,
        `wide optimum ${km(wideOptimal.result.totalCost)} in ${ms(wideOptimal.ms)}`,
        `within ${TARGETS.travelWithin * 100}% ${optimal.result.totalCost <= wideOptimal.result.totalCost * (1 + TARGETS.travelWithin) ? 'met' : 'MISSED'}`,
      ],
    ];
    const widths = table[0].map((_, column) => Math.max(...table.map((row) => row[column].length)));
    console.log('');
    for (const [index, row] of table.entries()) {
      console.log(row.map((cell, column) => cell.padEnd(widths[column])).join(' | '));
      if (index === 0) console.log(widths.map((width) => '-'.repeat(width)).join('-|-'));
    }
    console.log(
      `\n${cpus().length} cores; load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')} before, ` +
        `${loadAfter.map((l) => l.toFixed(2)).join(' ')} after (shared machine: compare runs, not absolutes).`,
    );
    if (optimal.result.served < greedy.result.served) throw new Error('optimal served fewer than greedy');
    if (
      optimal.result.served === greedy.result.served &&
      optimal.result.totalCost > greedy.result.totalCost
    ) {
      throw new Error('optimal travelled more than greedy');
    }
  } finally {
    await client.end().catch(() => undefined);
    if (!keepDatabase) await dropDatabase();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
