// Indicator snapshots: the live statements' results stored per territory node above the Comune
// (an ambito, or the platform), calendar year, granularity and grouping, by a maintenance job, and
// read back when a request matches one exactly. Pure (no Nest, no TypeORM) so that the benchmark
// runs the same refresh and the same read with a bare `pg` client.
import { createHash } from 'node:crypto';
import { Granularity, localDateToDay, nextLocalDate } from '../periods/indicator-period';
import {
  INDICATOR_SESSION_SETTINGS,
  INDICATOR_STATEMENTS,
  IndicatorScope,
} from '../indicators/indicator-queries';
import { storeWatermark } from './indicator-snapshot-changes';
import { runOnEach } from './run-on-each';

/** The node of a platform admin's "everywhere". */
export const PLATFORM_NODE = 'platform';

/** Runs one statement and returns its rows (a TypeORM manager or a pg client, in a transaction). */
export type QueryExecutor = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

/**
 * What a snapshot stores: the statement's column names and its values column by column, in its
 * row order. Text columns (dates, ISTAT codes, categories, reasons) hold indexes into their own
 * list of distinct values. A region's month x Comune x category table has 70,000 rows: one array
 * per column instead of one per row, and no repeated strings, halve the parsing.
 */
export interface StoredResult {
  columns: string[];
  /** Per column, its distinct values when it is a text column; null otherwise. */
  texts: (string[] | null)[];
  /** Per column, its values (text columns: indexes into `texts`, or null). */
  values: unknown[][];
}

/** The statement's rows in the stored form. */
export function encodeResult(rows: Record<string, unknown>[]): StoredResult {
  const columns = rows.length ? Object.keys(rows[0]) : [];
  const texts: (string[] | null)[] = [];
  const values = columns.map((column) => {
    const raw = rows.map((row) => row[column]);
    if (!raw.every((value) => value === null || typeof value === 'string')) {
      texts.push(null);
      return raw;
    }
    const codes = new Map<string, number>();
    const encoded = raw.map((value) => {
      if (value === null) return null;
      let code = codes.get(value as string);
      if (code === undefined) codes.set(value as string, (code = codes.size));
      return code;
    });
    texts.push([...codes.keys()]);
    return encoded;
  });
  return { columns, texts, values };
}

type RowBuilder = new (
  values: unknown[][],
  texts: (string[] | null)[],
  index: number,
) => Record<string, unknown>;

/**
 * A class whose constructor builds row `index` from the stored columns: objects of one fixed
 * shape are several times faster to build than objects filled key by key, at 70,000 rows.
 */
function rowBuilder(result: StoredResult, dropCategory: boolean): RowBuilder {
  const fields = result.columns.map((column, at) => {
    const value =
      dropCategory && column === 'category'
        ? 'null'
        : result.texts[at]
          ? `v[${at}][i] === null ? null : t[${at}][v[${at}][i]]`
          : `v[${at}][i]`;
    return `this[${JSON.stringify(column)}] = ${value};`;
  });
  // Built from the column names only (JSON.stringify'd), never from stored values.
  return new Function(`return class Row { constructor(v, t, i) { ${fields.join(' ')} } };`)() as RowBuilder;
}

/** The granularities and groupings stored per node and year (84 results with the 7 tables). */
export const SNAPSHOT_GRANULARITIES: Granularity[] = ['period', 'month', 'week'];
export const SNAPSHOT_GROUPINGS = [
  { byComune: false, byCategory: false },
  { byComune: false, byCategory: true },
  { byComune: true, byCategory: false },
  { byComune: true, byCategory: true },
];

/** Identifies the Comuni a territory snapshot was computed for; null for the platform (all). */
export function comuniDigest(comuni: string[] | null): string | null {
  if (comuni === null) return null;
  return createHash('md5')
    .update([...comuni].sort().join(','))
    .digest('hex');
}

/** Which stored snapshot answers a request, and which of its rows. */
export interface SnapshotPlan {
  years: number[];
  granularity: Granularity;
  byComune: boolean;
  byCategory: boolean;
  /** Keep rows whose periodStart is within these local dates; null keeps every row. */
  periodStarts: { first: string; last: string } | null;
  /** Keep rows of this category only (read from the per-category snapshot). */
  category: string | null;
  /** The request is not per category: the kept rows' category becomes null. */
  dropCategory: boolean;
}

const yearOf = (date: string) => Number(date.slice(0, 4));
const isMonthStart = (date: string) => date.endsWith('-01');
const isMonthEnd = (date: string) => nextLocalDate(date).endsWith('-01');
const weekday = (date: string) => new Date((localDateToDay(date) ?? 0) * 86_400_000).getUTCDay();

/**
 * The snapshot that gives exactly the live result of `scope`, or null. Every row of a month or a
 * whole week depends only on data in that month or week (reach's "new" people too: a person's
 * first help is before any help in the row), so month rows answer any run of whole months and
 * whole weeks inside a year answer Monday-to-Sunday requests; a calendar month's row is also that
 * month as a period. A row per category is the same row whether or not other categories are asked.
 */
export function snapshotPlan(
  scope: Pick<IndicatorScope, 'from' | 'to' | 'granularity' | 'category' | 'byComune' | 'byCategory'>,
): SnapshotPlan | null {
  const { from, to } = scope;
  if (localDateToDay(from) === null || localDateToDay(to) === null) return null;
  const first = yearOf(from);
  const last = yearOf(to);
  const wholeYear = first === last && from.endsWith('-01-01') && to.endsWith('-12-31');
  let granularity: Granularity;
  let periodStarts: SnapshotPlan['periodStarts'] = null;
  if (scope.granularity === 'period') {
    if (wholeYear) granularity = 'period';
    else if (isMonthStart(from) && isMonthEnd(to) && from.slice(0, 7) === to.slice(0, 7)) {
      granularity = 'month';
      periodStarts = { first: from, last: from };
    } else return null;
  } else if (scope.granularity === 'month') {
    if (!isMonthStart(from) || !isMonthEnd(to)) return null;
    granularity = 'month';
    if (!wholeYear) periodStarts = { first: from, last: to };
  } else {
    granularity = 'week';
    if (!wholeYear) {
      // Whole weeks of one year: the year's snapshot has them whole (only its edge weeks are cut).
      if (first !== last || weekday(from) !== 1 || weekday(to) !== 0) return null;
      periodStarts = { first: from, last: to };
    }
  }
  const years = Array.from({ length: last - first + 1 }, (_, index) => first + index);
  return {
    years,
    granularity,
    byComune: scope.byComune,
    byCategory: scope.byCategory || scope.category !== null,
    periodStarts,
    category: scope.category,
    dropCategory: scope.category !== null && !scope.byCategory,
  };
}

/** The rows a plan keeps from the stored results (one per year, in year order). */
export function decodeSnapshot(results: StoredResult[], plan: SnapshotPlan): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const result of results) {
    const count = result.values[0]?.length ?? 0;
    if (!count) continue;
    const Row = rowBuilder(result, plan.dropCategory);
    const textAt = (column: string): ((index: number) => string | null) => {
      const at = result.columns.indexOf(column);
      const codes = result.values[at] as (number | null)[];
      const texts = result.texts[at] ?? [];
      return (index) => (codes[index] === null ? null : texts[codes[index] as number]);
    };
    const periodStart = textAt('periodStart');
    const category = textAt('category');
    for (let index = 0; index < count; index++) {
      if (plan.periodStarts) {
        const start = periodStart(index) as string;
        if (start < plan.periodStarts.first || start > plan.periodStarts.last) continue;
      }
      if (plan.category !== null && category(index) !== plan.category) continue;
      out.push(new Row(result.values, result.texts, index));
    }
  }
  return out;
}

/** The node's snapshot key columns, in the order the statements below take them. */
function keyParams(node: string, digest: string | null, plan: SnapshotPlan): unknown[] {
  return [node, plan.years, plan.granularity, plan.byComune, plan.byCategory, digest];
}
const KEY_CONDITION = `node = $1 AND year = ANY($2::int[]) AND granularity = $3 AND by_comune = $4
   AND by_category = $5 AND comuni_digest IS NOT DISTINCT FROM $6`;

/**
 * One table from the node's snapshots, or null when they do not cover the request (not computed
 * yet, a year missing, or the territory's Comuni changed since): the caller then computes it live.
 */
export async function readSnapshot(
  query: QueryExecutor,
  node: string,
  digest: string | null,
  plan: SnapshotPlan,
  table: string,
): Promise<{ rows: Record<string, unknown>[]; asOf: Date } | null> {
  const found = (await query(
    `SELECT year, as_of, result FROM indicator_snapshots WHERE ${KEY_CONDITION} AND table_name = $7 ORDER BY year`,
    [...keyParams(node, digest, plan), table],
  )) as { year: number; as_of: Date; result: StoredResult }[];
  if (found.length !== plan.years.length) return null;
  const asOf = found.reduce((oldest, row) => (row.as_of < oldest ? row.as_of : oldest), found[0].as_of);
  return {
    rows: decodeSnapshot(
      found.map((row) => row.result),
      plan,
    ),
    asOf,
  };
}

/** When the node's snapshots for the plan were computed (the oldest of its years), or null. */
export async function snapshotAsOf(
  query: QueryExecutor,
  node: string,
  digest: string | null,
  plan: SnapshotPlan,
): Promise<Date | null> {
  const [row] = (await query(
    `SELECT min(as_of) AS as_of, count(*)::int AS years FROM indicator_snapshots
      WHERE ${KEY_CONDITION} AND table_name = 'demand'`,
    keyParams(node, digest, plan),
  )) as { as_of: Date | null; years: number }[];
  return row && row.years === plan.years.length ? row.as_of : null;
}

/** Whether every one of the node's snapshots for these years was computed at or after `since`. */
export async function freshSince(
  query: QueryExecutor,
  node: string,
  years: number[],
  since: Date,
): Promise<boolean> {
  const [row] = (await query(
    `SELECT count(*) FILTER (WHERE as_of >= $3::timestamptz)::int AS fresh, count(*)::int AS stored
       FROM indicator_snapshots WHERE node = $1 AND year = ANY($2::int[])`,
    [node, years, since],
  )) as { fresh: number; stored: number }[];
  const expected =
    years.length *
    SNAPSHOT_GRANULARITIES.length *
    SNAPSHOT_GROUPINGS.length *
    Object.keys(INDICATOR_STATEMENTS).length;
  return row.fresh === expected && row.stored === expected;
}

export interface NodeRefresh {
  node: string;
  /** The node's Comuni; null for the platform. */
  comuni: string[] | null;
}

/**
 * Two refreshes of the same node (the schedule and an on-demand request) take turns: hold this
 * session lock around the transaction. Taken inside it, the waiting transaction's snapshot would
 * predate the other's commit, and REPEATABLE READ would refuse its writes.
 */
export async function lockNode(query: QueryExecutor, node: string, lock: boolean): Promise<void> {
  await query(
    `SELECT ${lock ? 'pg_advisory_lock' : 'pg_advisory_unlock'}(hashtext('indicator_snapshots'), hashtext($1))`,
    [node],
  );
}

/**
 * Recomputes every snapshot of one node for the given years with the live statements and replaces
 * the stored ones. Run it in one REPEATABLE READ transaction (inside lockNode): every table then
 * sees the same data, as_of is that moment, and a reader sees the old snapshots or the new ones,
 * never a mix. Idempotent: running it again stores the same results with a later as_of. It also
 * stores the node's watermark: the incremental refresh applies the changes committed after it.
 *
 * With `helpers` (other connections, outside any transaction), the statements run on them too,
 * several at once, each helper in a read-only transaction on this transaction's snapshot
 * (pg_export_snapshot): they read exactly what this one reads, and every write stays in this one.
 */
export async function refreshNodeSnapshots(
  query: QueryExecutor,
  { node, comuni }: NodeRefresh,
  years: number[],
  helpers: QueryExecutor[] = [],
): Promise<{ statements: number; rows: number }> {
  for (const setting of INDICATOR_SESSION_SETTINGS) await query(setting, []);
  const digest = comuniDigest(comuni);
  let statements = 0;
  let stored = 0;
  await query(`DELETE FROM indicator_snapshots WHERE node = $1 AND NOT (year = ANY($2::int[]))`, [
    node,
    years,
  ]);
  // The stored results are written on this connection one after the other, as they are computed.
  let writes: Promise<unknown> = Promise.resolve();
  const tasks: ((on: QueryExecutor) => Promise<void>)[] = [];
  for (const year of years) {
    for (const granularity of SNAPSHOT_GRANULARITIES) {
      for (const grouping of SNAPSHOT_GROUPINGS) {
        const scope: IndicatorScope = {
          comuni,
          from: `${year}-01-01`,
          to: `${year}-12-31`,
          category: null,
          granularity,
          ...grouping,
        };
        for (const [table, build] of Object.entries(INDICATOR_STATEMENTS)) {
          tasks.push(async (on) => {
            const { sql, params } = build(scope);
            const rows = await on(sql, params);
            const result = JSON.stringify(encodeResult(rows));
            statements++;
            stored += rows.length;
            writes = writes.then(() =>
              query(
                `INSERT INTO indicator_snapshots
                   (node, year, granularity, by_comune, by_category, table_name, comuni_digest, as_of, result)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, now(), $8::json)
                 ON CONFLICT (node, year, granularity, by_comune, by_category, table_name)
                 DO UPDATE SET comuni_digest = excluded.comuni_digest, as_of = excluded.as_of, result = excluded.result`,
                [node, year, granularity, grouping.byComune, grouping.byCategory, table, digest, result],
              ),
            );
          });
        }
      }
    }
  }
  const joined = await joinSnapshot(query, helpers);
  try {
    await runOnEach([query, ...joined], tasks);
  } finally {
    // A failed write fails the refresh below; a failed statement has failed it already.
    await writes.catch(() => undefined);
    for (const helper of joined) await helper('COMMIT', []);
  }
  await writes;
  // The incremental refresh (indicator-snapshot-changes.ts) starts from this transaction's snapshot.
  await storeWatermark(query, { node, comuni }, years, null, null);
  return { statements, rows: stored };
}

/**
 * Starts a read-only transaction on each helper in the snapshot of `query`'s REPEATABLE READ
 * transaction, with the indicators' settings; answers the helpers that joined (the caller commits
 * them). On failure the ones that joined are ended and the error thrown.
 */
async function joinSnapshot(query: QueryExecutor, helpers: QueryExecutor[]): Promise<QueryExecutor[]> {
  if (!helpers.length) return [];
  const [{ snapshot }] = (await query(`SELECT pg_export_snapshot() AS snapshot`, [])) as {
    snapshot: string;
  }[];
  // SET TRANSACTION SNAPSHOT takes no parameter: the id goes in the text, so it must be one.
  if (!/^[0-9A-F]+(-[0-9A-F]+)+$/i.test(snapshot)) throw new Error(`unexpected snapshot id ${snapshot}`);
  const joined: QueryExecutor[] = [];
  try {
    for (const helper of helpers) {
      await helper('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', []);
      joined.push(helper);
      await helper(`SET TRANSACTION SNAPSHOT '${snapshot}'`, []);
      for (const setting of INDICATOR_SESSION_SETTINGS) await helper(setting, []);
    }
    return joined;
  } catch (error) {
    for (const helper of joined) await helper('ROLLBACK', []);
    throw error;
  }
}
