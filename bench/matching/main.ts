/*
 * Matching benchmark: `npm run bench:matching` (add `-- --quick` for a small CI sanity run).
 * bench/README.md says what it measures and the knobs.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { databaseUrlFor, onServer } from '../support/postgres';
import { CpuMeter } from '../api/cpu';
import { percentile } from '../api/load';
import { baselineCandidates } from './baseline';
import { FULL_SCALE, MatchingScale, QUICK_SCALE, seedMatchingWorld } from './seed';

const ROOT = resolve(__dirname, '..', '..', '..');
const QUICK = process.argv.includes('--quick');
/** Seed, print the database name and keep it (for EXPLAIN by hand); drop it yourself afterwards. */
const SEED_ONLY = process.argv.includes('--seed-only');
const SEED = Number(process.env.BENCH_SEED ?? 20251122);
/** Passes of the online measure: the first on cold caches, the last is reported (see main). */
const ONLINE_PASSES = 2;
/** As the matching engine: the nearest eligible helpers scored per need. */
const CANDIDATE_POOL = 50;
/** A wider pool, for the optimum the 50-nearest restriction is measured against. */
const WIDE_POOL = 200;
const RIDE_BUFFER_MINUTES = 30;
const SOLVER_REPEATS = 5;
/**
 * What the plan's travel is measured against (python3 with scipy): by default ('lp') the LP
 * relaxation of the integer program, a lower bound on the optimum's travel in seconds;
 * BENCH_EXACT=1 the exact integer program (minutes: 554 s for the full instance); BENCH_EXACT=0
 * neither.
 */
const EXACT_MODE: 'lp' | 'exact' | 'off' =
  process.env.BENCH_EXACT === '0'
    ? 'off'
    : process.env.BENCH_EXACT === '1' || process.env.BENCH_EXACT === 'exact'
      ? 'exact'
      : 'lp';
const TARGETS = { onlineP95Ms: 15, batchMs: 2000, travelWithin: 0.01 };
/** BENCH_WIDE=1: the batch again over 200 candidates per need (about 5 minutes more). */
const WIDE = process.env.BENCH_WIDE === '1';
/** `-- --online-only`: the online measure alone (no batch, no optimum). */
const ONLINE_ONLY = process.argv.includes('--online-only');
/** BENCH_ONLINE_NEEDS=n: time only the first n needs online (default all). */
const ONLINE_NEEDS = Number(process.env.BENCH_ONLINE_NEEDS ?? 0);
/**
 * The variant where no organisation can serve: the same needs five days later, on the Sunday
 * (the seeded offers open Monday to Saturday), so the organisations' walk finds nothing.
 */
const SUNDAY_SHIFT_MS = 5 * 24 * 3600_000;

// The compiled libraries (npm run build), loaded like bench/api does: no Nest application needed.
const load = createRequire(join(ROOT, 'package.json'));
const dist = (path: string) => load(join(ROOT, 'dist', path));

interface MatchableNeed {
  id: string;
  category: string;
  comuneIstat: string;
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
/** A ranked candidate of the engine: a volunteer, or an organisation's offer. */
interface Ranked extends Candidate {
  organisationId: string | null;
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
interface Instance {
  needCount: number;
  helperCount: number;
  edges: Edge[];
  needStart: number[];
  needEnd: number[];
  needPeriod: number[];
  budgets: { helperIndex: number; period: number; amount: number }[];
  /** Helpers that are organisations (their index). */
  organisations: Set<number>;
}
type Solver = (input: Instance) => Assignment;

const { runMigrations } = dist('libs/platform/src/index.js') as {
  runMigrations: (config: { DATABASE_URL: string; DATABASE_POOL_SIZE: number }) => Promise<string[]>;
};
// The engine's own ranking: volunteers and accredited organisations' offers, scored, best first.
const { rankedCandidates } = dist('libs/matching/src/index.js') as {
  rankedCandidates: (
    manager: unknown,
    need: MatchableNeed,
    limit: number,
    scoring: unknown,
  ) => Promise<Ranked[]>;
};
const { romeWeekOf } = dist('libs/matching/src/index.js') as {
  romeWeekOf: (instant: Date) => string;
};
const { weeklySpanOf } = dist('libs/community/src/index.js') as {
  weeklySpanOf: (from: Date, to: Date) => { start: number; end: number; date: string } | null;
};
const { DEFAULT_SCORING_CONFIG } = dist('libs/matching/src/rules.js') as {
  DEFAULT_SCORING_CONFIG: unknown;
};
const { solveBatchAssignment } = dist('libs/matching/src/rules.js') as {
  solveBatchAssignment: Solver;
};
const { solveTimedAssignment, greedyTimedAssignment } = dist('libs/matching/src/rules.js') as {
  solveTimedAssignment: (input: Instance) => Assignment & { onePerHelperServed: number; method: string };
  greedyTimedAssignment: Solver;
};
const { engagementSlot } = dist('libs/matching/src/rules.js') as {
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
    comuneIstat: string;
  }>(
    `SELECT id, comune_istat AS "comuneIstat", lat, lon, max_distance_km AS "maxDistanceKm", window_start AS "windowStart", window_end AS "windowEnd",
            details -> 'ride' AS ride, author_user_id AS "authorUserId", beneficiary_id AS "beneficiaryId"
       FROM needs WHERE status = 'open' ORDER BY created_at, id`,
  );
  return rows.map((row) => ({
    id: row.id,
    category: 'rides_and_accompaniment',
    comuneIstat: row.comuneIstat,
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

/**
 * The batch instance from each need's ranked list (cost: metres from home or offer), as the worker
 * builds it (batch-plan.ts): helper key = organisation or volunteer, the need's slot, and each
 * volunteer's weekly hours (nobody has engagements yet in this seed) as budget.
 */
async function buildInstance(client: Client, needs: MatchableNeed[], lists: Ranked[][]): Promise<Instance> {
  const helperIndex = new Map<string, number>();
  const organisations = new Set<number>();
  const volunteerOf = new Map<number, string>();
  const edges: Edge[] = [];
  lists.forEach((candidates, needIndex) => {
    const seen = new Set<number>();
    for (const candidate of candidates) {
      const key = candidate.organisationId ?? candidate.userId;
      let index = helperIndex.get(key);
      if (index === undefined) {
        index = helperIndex.size;
        helperIndex.set(key, index);
        if (candidate.organisationId) organisations.add(index);
        else volunteerOf.set(index, candidate.userId);
      }
      if (seen.has(index)) continue;
      seen.add(index);
      edges.push({ needIndex, helperIndex: index, cost: Math.round(candidate.distanceKm * 1000) });
    }
  });
  const periods = [...new Set(needs.map((need) => romeWeekOf(need.slot.start)))];
  const { rows } = await client.query<{ userId: string; hours: number }>(
    `SELECT user_id AS "userId", weekly_hour_limit AS hours FROM volunteer_profiles WHERE user_id = ANY($1::uuid[])`,
    [[...volunteerOf.values()]],
  );
  const hoursOf = new Map(rows.map((row) => [row.userId, row.hours]));
  const budgets: Instance['budgets'] = [];
  for (const [index, userId] of volunteerOf) {
    for (let period = 0; period < periods.length; period++) {
      budgets.push({ helperIndex: index, period, amount: (hoursOf.get(userId) ?? 0) * 3600_000 });
    }
  }
  return {
    needCount: needs.length,
    helperCount: helperIndex.size,
    edges,
    needStart: needs.map((need) => need.slot.start.getTime()),
    needEnd: needs.map((need) => need.slot.end.getTime()),
    needPeriod: needs.map((need) => periods.indexOf(romeWeekOf(need.slot.start))),
    budgets,
    organisations,
  };
}

interface Exact {
  /** 'lp': the LP relaxation's bounds only (served = servedBound, no plan, costBound for plans serving as many as the solver's). */
  kind: 'exact' | 'lp';
  /** Proven optimal (both phases within the time limit). */
  optimal: boolean;
  served: number;
  /** No plan serves more (HiGHS's bound; = served when optimal). */
  servedBound: number;
  totalCost: number | null;
  /** No plan serving `served` needs travels less (= totalCost when optimal). */
  costBound: number | null;
  seconds: number;
}

/** The exact optimum by integer programming (bench/matching/exact_optimum.py), its bounds, or why not. */
function exactOptimum(instance: Instance, planServed: number): Exact | string {
  if (EXACT_MODE === 'off') return 'skipped (BENCH_EXACT=0)';
  const dir = mkdtempSync(join(tmpdir(), 'bench-matching-'));
  try {
    const file = join(dir, 'instance.json');
    writeFileSync(
      file,
      JSON.stringify({
        needCount: instance.needCount,
        helperCount: instance.helperCount,
        edges: instance.edges.map((edge) => [edge.needIndex, edge.helperIndex, edge.cost]),
        start: instance.needStart,
        end: instance.needEnd,
        period: instance.needPeriod,
        budgets: instance.budgets.map((budget) => [budget.helperIndex, budget.period, budget.amount]),
      }),
    );
    const script = join(ROOT, 'bench', 'matching', 'exact_optimum.py');
    const output = execFileSync(
      'python3',
      EXACT_MODE === 'lp' ? [script, file, '--lp', String(planServed)] : [script, file],
      { encoding: 'utf8', timeout: 1_800_000, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const result = JSON.parse(output) as {
      served?: number;
      servedBound?: number;
      totalCost?: number;
      costBound?: number;
      seconds?: number;
      status: string;
    };
    if (result.status === 'lp' && result.servedBound !== undefined)
      return {
        kind: 'lp',
        optimal: false,
        served: result.servedBound,
        servedBound: result.servedBound,
        totalCost: null,
        costBound: result.costBound ?? null,
        seconds: result.seconds ?? 0,
      };
    if (result.served === undefined) return `not found (${result.status})`;
    return {
      kind: 'exact',
      optimal: result.status === 'optimal',
      served: result.served,
      servedBound: result.servedBound ?? result.served,
      totalCost: result.totalCost ?? null,
      costBound: result.costBound ?? null,
      seconds: result.seconds ?? 0,
    };
  } catch (error) {
    // No python3 or no scipy: say so and go on, the rest of the bench needs only Node.
    const stderr = String((error as { stderr?: unknown }).stderr ?? '');
    if (/No module named/.test(stderr))
      return `not available (python3 without scipy/numpy: pip install scipy)`;
    if ((error as { code?: string }).code === 'ENOENT') return 'not available (no python3)';
    return `not available (${(error as Error).message.split('\n')[0].slice(0, 80)})`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function timeSolver<R extends Assignment>(
  solver: (input: Instance) => R,
  input: Instance,
): { result: R; ms: number } {
  const times: number[] = [];
  let result: R | undefined;
  for (let i = 0; i < SOLVER_REPEATS; i++) {
    const started = process.hrtime.bigint();
    result = solver(input);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return { result: result as R, ms: percentile(times, 0.5) };
}

/**
 * Every pair is an edge, no helper is on two overlapping needs (or on two needs at all when
 * `onePerHelper`), and no volunteer's weekly hours are exceeded: checked, not assumed.
 */
function checkAssignment(result: Assignment, instance: Instance, onePerHelper = false): void {
  const allowed = new Set(instance.edges.map((edge) => `${edge.needIndex}:${edge.helperIndex}`));
  const byHelper = new Map<number, number[]>();
  result.helperOfNeed.forEach((helper, need) => {
    if (helper < 0) return;
    if (!allowed.has(`${need}:${helper}`))
      throw new Error(`need ${need} got a helper outside its candidates`);
    const mine = byHelper.get(helper) ?? [];
    if (onePerHelper && mine.length > 0) throw new Error(`helper ${helper} assigned twice`);
    for (const other of mine) {
      if (
        instance.needStart[need] < instance.needEnd[other] &&
        instance.needStart[other] < instance.needEnd[need]
      ) {
        throw new Error(`helper ${helper} on overlapping needs ${other} and ${need}`);
      }
    }
    byHelper.set(helper, [...mine, need]);
  });
  for (const budget of instance.budgets) {
    const used = (byHelper.get(budget.helperIndex) ?? [])
      .filter((need) => instance.needPeriod[need] === budget.period)
      .reduce((sum, need) => sum + instance.needEnd[need] - instance.needStart[need], 0);
    if (used > budget.amount) throw new Error(`helper ${budget.helperIndex} over its weekly hours`);
  }
}

const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;
const km = (metres: number) => `${(metres / 1000).toFixed(1)} km`;

async function main(): Promise<void> {
  const scale: MatchingScale = QUICK ? QUICK_SCALE : FULL_SCALE;
  const began = Date.now();
  const say = (line: string) =>
    console.log(`[${((Date.now() - began) / 1000).toFixed(1).padStart(6)}s] ${line}`);
  const loadBefore = loadavg();
  // BENCH_DATABASE: a database kept by an earlier --seed-only run, measured again as it is.
  const reused = process.env.BENCH_DATABASE;
  const database =
    reused ?? `prossimo_bench_matching_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  if (!reused) await onServer((client) => client.query(`CREATE DATABASE "${database}"`));
  const dropDatabase = async () => {
    if (!reused)
      await onServer((server) => server.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      console.error(`\n${signal}: stopping, dropping the benchmark database`);
      void dropDatabase().finally(() => process.exit(130));
    });
  }
  const client = new Client({ connectionString: databaseUrlFor(database) });
  let keepDatabase = false;
  try {
    say(`${QUICK ? 'quick' : 'full'} run, seed ${SEED}, database ${database}${reused ? ' (reused)' : ''}`);
    if (!reused) {
      const migrations = await runMigrations({
        DATABASE_URL: databaseUrlFor(database),
        DATABASE_POOL_SIZE: 2,
      });
      say(`${migrations.length} migrations applied`);
      const rows = await seedMatchingWorld(databaseUrlFor(database), scale, SEED);
      say(
        `seeded: ${Object.entries(rows)
          .map(([table, count]) => `${count} ${table}`)
          .join(', ')}`,
      );
    }
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
    // Where the machine's CPU goes during the online measure: this process, the PostgreSQL
    // backends of the benchmark database, and everything else (other people's work).
    const cpu = new CpuMeter(client, database, () => ({ bench: [process.pid] }));

    // The variant where no organisation can serve: the same needs on the Sunday after.
    const sundayNeeds = needs.map((need) => ({
      ...need,
      slot: {
        start: new Date(need.slot.start.getTime() + SUNDAY_SHIFT_MS),
        end: new Date(need.slot.end.getTime() + SUNDAY_SHIFT_MS),
      },
    }));
    const variants = [
      { name: 'Tuesday (organisations open)', needs },
      { name: 'Sunday (no organisation open)', needs: sundayNeeds },
    ];
    const runBaseline = (need: MatchableNeed) =>
      baselineCandidates(client, { ...need, span: weeklySpanOf(need.slot.start, need.slot.end) });

    // Warm-up: plans and caches, so the first needs do not carry the cold start.
    for (const variant of variants)
      for (const need of variant.needs.slice(0, 20)) {
        await rankedCandidates(manager, need, CANDIDATE_POOL, DEFAULT_SCORING_CONFIG);
        await runBaseline(need);
      }

    // Online, per need and per variant, alternating: the engine's ranking (volunteers and
    // organisations' offers, scored) and the baseline (the same hard constraints in one prepared
    // statement, bench/matching/baseline.ts), so that a neighbour's load falls on both. The order
    // rotates need by need.
    // Two passes over every need. The first, right after the bulk load, runs on cold caches (the
    // seeded tables and indexes, about 430 MB, are larger than a default PostgreSQL's shared
    // buffers, 128 MB); the second is the service running on, read against the target. Neither
    // keeps the rankings, as the worker keeps nothing of a ranking once its proposals are out:
    // 2,000 rankings held in this process lengthened its garbage collector's pauses, and those
    // went into the timings (p95 18-22 ms where the same loop holding nothing gave 13-16 ms, back
    // to back on one database). The batch's rankings come from a third pass, not timed.
    interface Timings {
      engine: number[];
      baseline: number[];
      /** Needs whose ranking holds an organisation, and whose baseline does. */
      withOrganisation: number;
      baselineWithOrganisation: number;
    }
    const passes: Timings[][] = [];
    let cpuOnline: ReturnType<typeof CpuMeter.between> | null = null;
    let onlineSeconds: number | null = null;
    for (let pass = 0; pass < ONLINE_PASSES; pass++) {
      const timings: Timings[] = variants.map(() => ({
        engine: [],
        baseline: [],
        withOrganisation: 0,
        baselineWithOrganisation: 0,
      }));
      const cpuBefore = await cpu.snapshot();
      const passStarted = Date.now();
      for (
        let index = 0;
        index < (ONLINE_NEEDS > 0 ? Math.min(ONLINE_NEEDS, needs.length) : needs.length);
        index++
      ) {
        const steps = variants.flatMap((variant, v) => [
          async () => {
            const started = process.hrtime.bigint();
            const ranked = await rankedCandidates(
              manager,
              variant.needs[index],
              CANDIDATE_POOL,
              DEFAULT_SCORING_CONFIG,
            );
            timings[v].engine.push(Number(process.hrtime.bigint() - started) / 1e6);
            if (ranked.length > CANDIDATE_POOL) throw new Error('ranking longer than the pool');
            if (ranked.some((candidate) => candidate.organisationId)) timings[v].withOrganisation++;
          },
          async () => {
            const started = process.hrtime.bigint();
            const rows = await runBaseline(variant.needs[index]);
            timings[v].baseline.push(Number(process.hrtime.bigint() - started) / 1e6);
            if (rows.some((row) => row.organisation_id)) timings[v].baselineWithOrganisation++;
          },
        ]);
        if (index > 0 && index % 500 === 0) say(`online, pass ${pass + 1}: ${index} needs`);
        for (let k = 0; k < steps.length; k++) await steps[(index + k) % steps.length]();
      }
      cpuOnline = CpuMeter.between(cpuBefore, await cpu.snapshot());
      onlineSeconds = (Date.now() - passStarted) / 1000;
      for (const [v, variant] of variants.entries())
        say(
          `online, pass ${pass + 1}, ${variant.name}: engine p50 ${ms(percentile(timings[v].engine, 0.5))}, ` +
            `p95 ${ms(percentile(timings[v].engine, 0.95))}; baseline p50 ${ms(percentile(timings[v].baseline, 0.5))}, ` +
            `p95 ${ms(percentile(timings[v].baseline, 0.95))}`,
        );
      passes.push(timings);
    }
    const last = passes[passes.length - 1];
    const cold = passes[0];
    const onlineRows: [string, string, string, string][] = [
      ...variants.flatMap((variant, v): [string, string, string, string][] => {
        const t = last[v];
        const [p50, p95] = [percentile(t.engine, 0.5), percentile(t.engine, 0.95)];
        const [b50, b95] = [percentile(t.baseline, 0.5), percentile(t.baseline, 0.95)];
        return [
          [
            `online, ${variant.name}: engine ranking p50 / p95 (pass ${passes.length}, ${t.engine.length} needs)`,
            `${ms(p50)} / ${ms(p95)}`,
            `baseline ${ms(b50)} / ${ms(b95)}: engine/baseline x${(p50 / b50).toFixed(2)} / x${(p95 / b95).toFixed(2)}`,
            `p95 <= ${TARGETS.onlineP95Ms} ms ${p95 <= TARGETS.onlineP95Ms ? 'met' : 'MISSED'}`,
          ],
          [
            `online, ${variant.name}: first pass (cold caches) p50 / p95`,
            `${ms(percentile(cold[v].engine, 0.5))} / ${ms(percentile(cold[v].engine, 0.95))}`,
            `baseline ${ms(percentile(cold[v].baseline, 0.5))} / ${ms(percentile(cold[v].baseline, 0.95))}`,
            '',
          ],
          [
            `online, ${variant.name}: needs with an organisation in the ranking`,
            `${t.withOrganisation} of ${t.engine.length}`,
            `baseline ${t.baselineWithOrganisation} of ${t.engine.length}`,
            '',
          ],
        ];
      }),
    ];
    const printTable = (table: [string, string, string, string][]) => {
      const widths = table[0].map((_, column) => Math.max(...table.map((row) => row[column].length)));
      console.log('');
      for (const [index, row] of table.entries()) {
        console.log(row.map((cell, column) => cell.padEnd(widths[column])).join(' | '));
        if (index === 0) console.log(widths.map((width) => '-'.repeat(width)).join('-|-'));
      }
    };
    const printLoad = () => {
      const loadAfter = loadavg();
      console.log(
        `\n${cpus().length} cores; load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')} before, ` +
          `${loadAfter.map((l) => l.toFixed(2)).join(' ')} after (shared machine: compare runs, not absolutes).`,
      );
      if (cpuOnline) {
        const seconds = (name: string) => (cpuOnline?.groups.get(name) ?? 0).toFixed(1);
        console.log(
          `CPU during the last online pass: bench process ${seconds('bench')} s, its PostgreSQL backends ` +
            `${seconds('postgres')} s, everything else on the machine ${cpuOnline.other.toFixed(1)} s ` +
            `(over ${(onlineSeconds ?? 0).toFixed(1)} s of wall time, ${cpus().length} cores).`,
        );
      }
    };
    if (ONLINE_ONLY) {
      printTable([['measure', 'value', 'baseline (same run)', 'target'], ...onlineRows]);
      printLoad();
      return;
    }
    const lists: Ranked[][] = [];
    for (const need of needs)
      lists.push(await rankedCandidates(manager, need, CANDIDATE_POOL, DEFAULT_SCORING_CONFIG));
    say('rankings for the batch');

    // Batch: every need against the candidates the engine ranks for it.
    const instance = await buildInstance(client, needs, lists);
    if (process.env.BENCH_DUMP_INSTANCE) {
      // For studying the solver offline: node -e "solveTimedAssignment(require(file))".
      writeFileSync(
        process.env.BENCH_DUMP_INSTANCE,
        JSON.stringify({ ...instance, organisations: [...instance.organisations] }),
      );
    }
    const timed = timeSolver(solveTimedAssignment, instance);
    const single = timeSolver(solveBatchAssignment, instance);
    const greedy = timeSolver(greedyTimedAssignment, instance);
    checkAssignment(timed.result, instance);
    checkAssignment(greedy.result, instance);
    checkAssignment(single.result, instance, true);
    say(
      `batch: ${instance.edges.length} edges over ${instance.helperCount} helpers ` +
        `(${instance.organisations.size} organisations); plan from ${timed.result.method}`,
    );
    const exact = exactOptimum(instance, timed.result.served);
    say(
      typeof exact === 'string'
        ? `exact optimum ${exact}`
        : exact.kind === 'lp'
          ? `LP relaxation (lower bound on the optimum's travel) in ${exact.seconds} s`
          : `integer program: ${exact.optimal ? 'optimal' : 'time limit'} in ${exact.seconds} s`,
    );

    // The same over a wider pool (BENCH_WIDE=1): what the 50-best restriction costs, if anything.
    let wideRow: [string, string, string, string] | null = null;
    if (WIDE) {
      const wideLists: Ranked[][] = [];
      for (const need of needs) {
        wideLists.push(await rankedCandidates(manager, need, WIDE_POOL, DEFAULT_SCORING_CONFIG));
      }
      const wide = await buildInstance(client, needs, wideLists);
      const wideTimed = timeSolver(solveTimedAssignment, wide);
      checkAssignment(wideTimed.result, wide);
      say(`wide pool: ${wide.edges.length} edges over ${wide.helperCount} helpers`);
      wideRow = [
        `over ${WIDE_POOL} candidates/need (${wide.edges.length} edges)`,
        `${((100 * wideTimed.result.served) / needs.length).toFixed(2)}% (${wideTimed.result.served}), ${km(wideTimed.result.totalCost)}`,
        `in ${ms(wideTimed.ms)}`,
        '',
      ];
    }

    const fill = (served: number) => `${((100 * served) / needs.length).toFixed(2)}% (${served})`;
    const needsWithOrganisation = new Set(
      instance.edges
        .filter((edge) => instance.organisations.has(edge.helperIndex))
        .map((edge) => edge.needIndex),
    ).size;
    const toOrganisations = timed.result.helperOfNeed.filter((helper) =>
      instance.organisations.has(helper),
    ).length;
    const perHelper = new Map<number, number>();
    for (const helper of timed.result.helperOfNeed)
      if (helper >= 0) perHelper.set(helper, (perHelper.get(helper) ?? 0) + 1);
    const multi = [...perHelper.values()].filter((count) => count > 1).length;
    const optimum = typeof exact === 'string' ? null : exact;
    const table: [string, string, string, string][] = [
      ['measure', 'value', 'baseline (same run)', 'target'],
      ...onlineRows,
      [
        `candidates: needs with an organisation among their ${CANDIDATE_POOL}`,
        `${needsWithOrganisation} of ${needs.length}`,
        `${instance.organisations.size} organisations, ${instance.helperCount - instance.organisations.size} volunteers`,
        '',
      ],
      [
        `batch, several rides per helper (${needs.length} needs x ${instance.helperCount} helpers, ${instance.edges.length} edges)`,
        ms(timed.ms),
        `one per helper ${ms(single.ms)}, greedy ${ms(greedy.ms)}`,
        `<= ${TARGETS.batchMs} ms ${timed.ms <= TARGETS.batchMs ? 'met' : 'MISSED'}`,
      ],
      [
        'fill rate',
        fill(timed.result.served),
        `one per helper ${fill(single.result.served)}, greedy ${fill(greedy.result.served)}`,
        !optimum
          ? `optimum ${exact as string}`
          : optimum.kind === 'lp'
            ? `optimum <= ${fill(optimum.servedBound)} (LP bound) ${timed.result.served >= optimum.servedBound ? 'met (proven)' : 'not proven'}`
            : optimum.optimal
              ? `= optimum ${fill(optimum.served)} ${timed.result.served === optimum.served ? 'met' : 'MISSED'}`
              : `optimum <= ${fill(optimum.servedBound)} (bound) ${timed.result.served >= optimum.servedBound ? 'met' : 'not proven'}`,
      ],
      [
        'total travel (home or offer to pickup)',
        km(timed.result.totalCost),
        `one per helper ${km(single.result.totalCost)}, greedy ${km(greedy.result.totalCost)} (x${(greedy.result.totalCost / timed.result.totalCost).toFixed(3)})`,
        '',
      ],
      optimum?.kind === 'lp'
        ? [
            'travel vs optimum (same candidates; <= vs the LP relaxation, a lower bound on it)',
            optimum.costBound ? `<= x${(timed.result.totalCost / optimum.costBound).toFixed(4)}` : '-',
            `LP bound ${optimum.costBound === null ? '-' : km(optimum.costBound)} in ${optimum.seconds} s (HiGHS; BENCH_EXACT=1 for the exact optimum)`,
            optimum.costBound
              ? `within ${TARGETS.travelWithin * 100}% ${timed.result.totalCost <= optimum.costBound * (1 + TARGETS.travelWithin) ? 'met (proven)' : 'not proven'}`
              : '',
          ]
        : [
            `travel vs exact optimum (same candidates, integer program${optimum && !optimum.optimal ? ', time limit: vs its bound' : ''})`,
            optimum?.costBound && timed.result.served === optimum.served
              ? `${optimum.optimal ? '' : '<= '}x${(timed.result.totalCost / optimum.costBound).toFixed(4)}`
              : '-',
            optimum
              ? `${optimum.optimal ? 'optimum' : 'best found'} ${optimum.served} served, ${optimum.totalCost === null ? '-' : km(optimum.totalCost)}` +
                `${optimum.optimal ? '' : `, bound ${optimum.costBound === null ? '-' : km(optimum.costBound)}`} in ${optimum.seconds} s (HiGHS)`
              : (exact as string),
            optimum?.costBound && timed.result.served === optimum.served
              ? `within ${TARGETS.travelWithin * 100}% ${timed.result.totalCost <= optimum.costBound * (1 + TARGETS.travelWithin) ? 'met' : 'MISSED'}`
              : '',
          ],
      [
        'plan: needs to organisations; helpers with several rides',
        `${toOrganisations}; ${multi}`,
        `plan from ${timed.result.method}`,
        '',
      ],
      ...(wideRow ? [wideRow] : []),
    ];
    printTable(table);
    printLoad();
    if (timed.result.served < single.result.served)
      throw new Error('several per helper served fewer than one');
    if (optimum && timed.result.served > optimum.served)
      throw new Error('served more than the exact optimum');
  } finally {
    await client.end().catch(() => undefined);
    if (!keepDatabase) await dropDatabase();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
