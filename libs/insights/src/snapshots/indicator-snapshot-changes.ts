// The incremental snapshot refresh: only the stored rows that the writes since the last refresh may
// have changed are recomputed, with the live statements narrowed to their period bucket, Comuni
// and category, and spliced into the stored results. Pure (no Nest, no TypeORM) so that the
// benchmark runs the same code with a bare `pg` client. The change log and the watermarks are
// described in migration 1763703300000.
import { Granularity, INDICATOR_TIME_ZONE } from '../periods/indicator-period';
import {
  INDICATOR_SESSION_SETTINGS,
  INDICATOR_STATEMENTS,
  IndicatorScope,
} from '../indicators/indicator-queries';
import {
  comuniDigest,
  decodeSnapshot,
  encodeResult,
  NodeRefresh,
  QueryExecutor,
  SNAPSHOT_GRANULARITIES,
  SNAPSHOT_GROUPINGS,
  StoredResult,
} from './indicator-snapshots';
import {
  changedSince,
  DELTA_TABLES,
  demandPercentiles,
  InconsistentDeltas,
  moveRows,
  tableDeltas,
} from './indicator-year-deltas';
import {
  ALL_COMUNI,
  bucketRange,
  BucketWork,
  bucketWork,
  DirtyKey,
  inWork,
  mergeWork,
  statementRuns,
} from './indicator-buckets';
import { mergeLikeTheDatabase, sameResult, spliceResult } from './indicator-splice';
import { runOnEach } from './run-on-each';

/** Which change families each table's rows are counted by (the day a need was received, ...). */
const TABLE_FAMILIES: Record<string, string[]> = {
  demand: ['received'],
  unmatched: ['received'],
  latent_needs: ['received'],
  reach: ['completed', 'first'],
  activity: ['completed', 'helped'],
  satisfaction: ['reviewed'],
  shared_care: ['confirmed'],
};

export interface IncrementalRefresh {
  /** Stored results rewritten (of years x 84). */
  results: number;
  /** Statements run to recompute rows. */
  statements: number;
  /** Rows recomputed. */
  rows: number;
  /** Change-log entries applied. */
  changes: number;
  /**
   * Milliseconds spent per kind of stored result ('period/territory' = the year rows of the whole
   * territory, 'period/comune' = its year rows per Comune, 'month/...', 'week/...'), to see where
   * the time goes.
   */
  msByKind: Record<string, number>;
}

export interface IncrementalOptions {
  /**
   * True: the year rows of demand, unmatched, reach and activity are moved by the changed entities'
   * deltas (indicator-year-deltas.ts; exact, tested). Default false: they are recomputed over the
   * year as the other rows, which bench:indicators measured faster at full scale in session 15
   * (docs/indicators.md).
   */
  exactYearRows?: boolean;
  /**
   * More connections to recompute stored results on, beside the caller's (each takes one result at
   * a time, in its own short transaction): the results are independent of each other, so n
   * connections recompute n at once. PostgreSQL does most of the work: about its cores, at most.
   */
  helpers?: QueryExecutor[];
}

/** The snapshot a refresh includes every change of, and when it was taken. */
export async function currentWatermark(query: QueryExecutor): Promise<{ snapshot: string; at: Date }> {
  const [row] = (await query(`SELECT pg_current_snapshot()::text AS snapshot, now() AS at`, [])) as {
    snapshot: string;
    at: Date;
  }[];
  return row;
}

/** Records that the node's snapshots for `years` include every change visible in `snapshot`. */
export async function storeWatermark(
  query: QueryExecutor,
  { node, comuni }: NodeRefresh,
  years: number[],
  snapshot: string | null,
  at: Date | null,
): Promise<void> {
  // Null: the transaction's own snapshot (a full refresh in REPEATABLE READ).
  await query(
    `INSERT INTO indicator_snapshot_watermarks (node, years, comuni_digest, snapshot, as_of)
     VALUES ($1, $2::int[], $3, coalesce($4::pg_snapshot, pg_current_snapshot()), coalesce($5::timestamptz, now()))
     ON CONFLICT (node) DO UPDATE SET years = excluded.years, comuni_digest = excluded.comuni_digest,
       snapshot = excluded.snapshot, as_of = excluded.as_of`,
    [node, years, comuniDigest(comuni), snapshot, at],
  );
}

/**
 * Change-log entries every node's watermark includes are no longer needed. With no watermark at
 * all, every node's next refresh is a full one, and the log is emptied.
 */
export async function pruneChanges(query: QueryExecutor): Promise<void> {
  await query(
    `DELETE FROM indicator_fact_images c WHERE NOT EXISTS (
       SELECT 1 FROM indicator_snapshot_watermarks w WHERE NOT pg_visible_in_snapshot(c.xid, w.snapshot))
       AND pg_visible_in_snapshot(c.xid, pg_current_snapshot())`,
    [],
  );
  await query(
    `DELETE FROM indicator_changes c WHERE NOT EXISTS (
       SELECT 1 FROM indicator_snapshot_watermarks w WHERE NOT pg_visible_in_snapshot(c.xid, w.snapshot))
       AND pg_visible_in_snapshot(c.xid, pg_current_snapshot())`,
    [],
  );
}

/** The stored rows the changes committed between two snapshots may have changed, for one node. */
async function dirtyKeys(
  query: QueryExecutor,
  comuni: string[] | null,
  years: number[],
  since: string,
  until: string,
): Promise<{ keys: DirtyKey[]; changes: number }> {
  const first = Math.min(...years);
  const last = Math.max(...years);
  const bucket = (
    dayColumn: string,
  ) => `(CASE g.granularity WHEN 'period' THEN date_trunc('year', ${dayColumn})
      ELSE date_trunc(g.granularity, ${dayColumn}) END)::date`;
  const rows = (await query(
    `WITH changes AS (
       SELECT DISTINCT family, day, comune_istat::text AS comune, category, person FROM indicator_changes
        WHERE pg_visible_in_snapshot(xid, $1::pg_snapshot) AND NOT pg_visible_in_snapshot(xid, $2::pg_snapshot)
          AND day >= make_date($3, 1, 1) AND day <= make_date($4, 12, 31)),
     grains AS (SELECT unnest(ARRAY['period', 'month', 'week']) AS granularity),
     keys AS (
       SELECT c.family, g.granularity, c.day, ${bucket('c.day')} AS period_start, c.comune, c.category
         FROM changes c CROSS JOIN grains g WHERE c.family <> 'first'
       UNION ALL
       -- A person's first help moved: every row of the person in the bucket (of that year) of the
       -- old or the new first help.
       SELECT 'first', g.granularity, c.day, ${bucket('c.day')}, f.comune_istat::text, f.category
         FROM changes c CROSS JOIN grains g
         CROSS JOIN LATERAL (SELECT greatest(${bucket('c.day')}, date_trunc('year', c.day)::date) AS from_day,
           least((${bucket('c.day')} + ('1 ' || CASE g.granularity WHEN 'period' THEN 'year' ELSE g.granularity END)::interval),
                 date_trunc('year', c.day) + interval '1 year')::date AS to_day) b
         JOIN need_facts f ON f.person = c.person AND f.served
          AND f.completed_at >= b.from_day::timestamp AT TIME ZONE '${INDICATOR_TIME_ZONE}'
          AND f.completed_at < b.to_day::timestamp AT TIME ZONE '${INDICATOR_TIME_ZONE}'
        WHERE c.family = 'first')
     SELECT DISTINCT family, extract(year FROM day)::int AS year, granularity,
            to_char(period_start, 'YYYY-MM-DD') AS period_start, comune, category
       FROM keys WHERE $5::text[] IS NULL OR comune = ANY($5::text[])`,
    [until, since, first, last, comuni],
  )) as unknown as DirtyKey[];
  const [count] = (await query(
    `SELECT count(*)::int AS n FROM indicator_changes
      WHERE pg_visible_in_snapshot(xid, $1::pg_snapshot) AND NOT pg_visible_in_snapshot(xid, $2::pg_snapshot)`,
    [until, since],
  )) as { n: number }[];
  return { keys: rows, changes: count.n };
}

/** A node's usable watermark (the snapshot its stored results include), or null: refresh it in full. */
async function usableWatermark(
  query: QueryExecutor,
  node: NodeRefresh,
  years: number[],
): Promise<string | null> {
  const [mark] = (await query(
    `SELECT snapshot::text AS snapshot, years, comuni_digest FROM indicator_snapshot_watermarks WHERE node = $1`,
    [node.node],
  )) as { snapshot: string; years: number[]; comuni_digest: string | null }[];
  const digest = comuniDigest(node.comuni);
  if (!mark || mark.comuni_digest !== digest || [...mark.years].sort().join() !== [...years].sort().join()) {
    return null;
  }
  const [stored] = (await query(
    `SELECT count(*)::int AS n FROM indicator_snapshots WHERE node = $1 AND year = ANY($2::int[])
        AND comuni_digest IS NOT DISTINCT FROM $3`,
    [node.node, years, digest],
  )) as { n: number }[];
  const perYear =
    SNAPSHOT_GRANULARITIES.length * SNAPSHOT_GROUPINGS.length * Object.keys(INDICATOR_STATEMENTS).length;
  return stored.n === years.length * perYear ? mark.snapshot : null;
}

/** One node being brought up to date: its dirty keys and what was done. */
interface NodeProgress {
  node: NodeRefresh;
  comuni: Set<string> | null;
  keys: DirtyKey[];
  done: IncrementalRefresh;
}

/**
 * Rows recomputed once for several nodes: a row per Comune is the same in every node that holds
 * the Comune (it reads that Comune's data only), so the per-Comune rows the nodes' changes touch are
 * recomputed for the union of their buckets and Comuni and spliced into each node's result.
 */
interface SharedRows {
  work: BucketWork[];
  rows: Record<string, unknown>[] | null;
}

/**
 * Recomputes the rows of `work` (cut into runs of buckets, one statement each) for `comuni` (null:
 * every Comune) and returns them, filtered to the work's buckets.
 */
async function recomputeWork(
  query: QueryExecutor,
  build: (scope: IndicatorScope) => { sql: string; params: unknown[] },
  work: BucketWork[],
  scope: { comuni: string[] | null; granularity: Granularity; byComune: boolean; byCategory: boolean },
  year: number,
  done: IncrementalRefresh,
): Promise<Record<string, unknown>[]> {
  let rows: Record<string, unknown>[] = [];
  const runs = statementRuns(work, scope.granularity, year, scope.comuni?.length ?? ALL_COMUNI);
  for (const run of runs) {
    const bucket = mergeWork(run);
    const { sql, params } = build({
      comuni: bucket.comuni ? [...bucket.comuni].sort() : scope.comuni,
      ...bucketRange(bucket, scope.granularity, year),
      category: bucket.categories?.size === 1 ? [...bucket.categories][0] : null,
      granularity: scope.granularity,
      byComune: scope.byComune,
      byCategory: scope.byCategory,
    });
    const fresh = (await query(sql, params)).filter((recomputed) =>
      run.some((inRun) => inWork(recomputed, inRun)),
    );
    done.statements++;
    done.rows += fresh.length;
    rows = rows.concat(fresh);
  }
  return rows;
}

/**
 * The year rows of the DELTA_TABLES moved by what changed since each node's watermark (nodes with
 * the same watermark share the work; a row per Comune is the same in every node, so it is computed
 * once for all of them), in the caller's REPEATABLE READ transaction.
 */
async function moveYearRows(
  query: QueryExecutor,
  active: NodeProgress[],
  marks: string[],
  years: number[],
): Promise<void> {
  const groups = new Map<string, NodeProgress[]>();
  for (const [index, state] of active.entries()) {
    groups.set(marks[index], [...(groups.get(marks[index]) ?? []), state]);
  }
  for (const [mark, states] of groups) {
    const changed = await changedSince(query, mark);
    if (!changed.needs) continue;
    for (const year of years) {
      for (const table of Object.keys(DELTA_TABLES)) {
        for (const { byComune, byCategory } of SNAPSHOT_GROUPINGS) {
          let shared: {
            deltas: Awaited<ReturnType<typeof tableDeltas>>;
            percentiles: Awaited<ReturnType<typeof demandPercentiles>>;
          } | null = null;
          for (const state of states) {
            const started = Date.now();
            const scope = {
              comuni: byComune ? null : state.node.comuni,
              from: `${year}-01-01`,
              to: `${year}-12-31`,
              category: null,
              granularity: 'period' as const,
              byComune,
              byCategory,
            };
            if (!shared || !byComune) {
              const deltas = await tableDeltas(query, table, scope, changed, state.done);
              const percentiles =
                table === 'demand'
                  ? await demandPercentiles(query, scope, changed.percentileKeys.get(year) ?? [], state.done)
                  : null;
              shared = { deltas, percentiles };
            }
            const [row] = (await query(
              `SELECT result FROM indicator_snapshots WHERE node = $1 AND year = $2 AND granularity = 'period'
                  AND by_comune = $3 AND by_category = $4 AND table_name = $5 FOR UPDATE`,
              [state.node.node, year, byComune, byCategory, table],
            )) as { result: StoredResult }[];
            const stored = decodeSnapshot([row.result], {
              years: [year],
              granularity: 'period',
              byComune,
              byCategory,
              periodStarts: null,
              category: null,
              dropCategory: false,
            });
            const comuni = state.comuni;
            const moved = moveRows(
              table,
              stored,
              shared.deltas,
              shared.percentiles,
              (candidate) => !comuni || !byComune || comuni.has(candidate.comuneIstat as string),
            );
            if (moved) {
              const rows = await mergeLikeTheDatabase(query, moved.kept, moved.fresh, row.result);
              await query(
                `UPDATE indicator_snapshots SET result = $6::json WHERE node = $1 AND year = $2
                    AND granularity = 'period' AND by_comune = $3 AND by_category = $4 AND table_name = $5`,
                [state.node.node, year, byComune, byCategory, table, JSON.stringify(encodeResult(rows))],
              );
              state.done.results++;
              state.done.rows += moved.fresh.length;
            }
            const kind = `period/${byComune ? 'comune' : 'territory'}`;
            state.done.msByKind[kind] = (state.done.msByKind[kind] ?? 0) + Date.now() - started;
          }
        }
      }
    }
  }
}

/**
 * Applies the changes committed since each node's watermark to its stored snapshots. A node with
 * no usable watermark (none yet, other years, or its Comuni changed) gets null: the caller then
 * refreshes it in full. Run it on one connection, outside a transaction, inside lockNode of every
 * node: each stored result is recomputed and rewritten in its own short transaction (a reader sees
 * each result whole, old or new), then each node's watermark and every result's as_of move
 * together. Rows recomputed after the watermark was taken may already include later writes; those
 * are past the watermark, so the next refresh recomputes them again. The rows per Comune are
 * recomputed once for all the nodes (SharedRows): with the region and the platform, that work was
 * done twice.
 */
export async function refreshNodesIncrementally(
  query: QueryExecutor,
  nodes: NodeRefresh[],
  years: number[],
  { exactYearRows = false, helpers = [] }: IncrementalOptions = {},
): Promise<(IncrementalRefresh | null)[]> {
  const marks: (string | null)[] = [];
  for (const node of nodes) marks.push(await usableWatermark(query, node, years));
  // The year rows that move by deltas are computed in this transaction: its snapshot is the new
  // watermark, so they are exactly the figures as of it (indicator-year-deltas.ts).
  if (exactYearRows) await query('BEGIN ISOLATION LEVEL REPEATABLE READ', []);
  const now = await currentWatermark(query);
  const progress: (NodeProgress | null)[] = [];
  for (const [index, node] of nodes.entries()) {
    const since = marks[index];
    if (since === null) {
      progress.push(null);
      continue;
    }
    const { keys, changes } = await dirtyKeys(query, node.comuni, years, since, now.snapshot);
    progress.push({
      node,
      comuni: node.comuni === null ? null : new Set(node.comuni),
      keys,
      done: { results: 0, statements: 0, rows: 0, changes, msByKind: {} },
    });
  }
  const active = progress.filter((state): state is NodeProgress => state !== null);
  if (exactYearRows) {
    try {
      for (const setting of INDICATOR_SESSION_SETTINGS) await query(setting, []);
      await moveYearRows(
        query,
        active,
        active.map((state) => marks[nodes.indexOf(state.node)] as string),
        years,
      );
      await query('COMMIT', []);
    } catch (error) {
      await query('ROLLBACK', []);
      if (error instanceof InconsistentDeltas) {
        // The next refresh of these nodes is a full one.
        await query(`DELETE FROM indicator_snapshot_watermarks WHERE node = ANY($1::text[])`, [
          active.map((state) => state.node.node),
        ]);
      }
      throw error;
    }
  }
  // One task per stored result (its nodes in turn, sharing the rows per Comune), on as many
  // connections as the caller gave.
  const tasks: ((on: QueryExecutor) => Promise<void>)[] = [];
  for (const year of years) {
    for (const granularity of SNAPSHOT_GRANULARITIES) {
      for (const [table, build] of Object.entries(INDICATOR_STATEMENTS)) {
        // Moved by deltas above.
        if (exactYearRows && granularity === 'period' && table in DELTA_TABLES) continue;
        const families = TABLE_FAMILIES[table];
        const tableKeys = new Map(
          active.map((state) => [
            state,
            state.keys.filter(
              (key) => key.year === year && key.granularity === granularity && families.includes(key.family),
            ),
          ]),
        );
        for (const grouping of SNAPSHOT_GROUPINGS) {
          tasks.push((on) =>
            refreshStoredResult(on, { active, tableKeys, year, granularity, table, build, ...grouping }),
          );
        }
      }
    }
  }
  await runOnEach([query, ...helpers], tasks);
  for (const state of active) {
    await query('BEGIN', []);
    try {
      await query(`UPDATE indicator_snapshots SET as_of = $2 WHERE node = $1 AND year = ANY($3::int[])`, [
        state.node.node,
        now.at,
        years,
      ]);
      await storeWatermark(query, state.node, years, now.snapshot, now.at);
      await query('COMMIT', []);
    } catch (error) {
      await query('ROLLBACK', []);
      throw error;
    }
  }
  return progress.map((state) => state?.done ?? null);
}

/** One stored result to bring up to date, for each node whose changes touch it. */
interface StoredResultWork {
  active: NodeProgress[];
  tableKeys: Map<NodeProgress, DirtyKey[]>;
  year: number;
  granularity: Granularity;
  table: string;
  build: (scope: IndicatorScope) => { sql: string; params: unknown[] };
  byComune: boolean;
  byCategory: boolean;
}

/**
 * Recomputes the rows of one stored result that the nodes' changes touched and splices them in,
 * node by node, each in its own short transaction on `on`.
 */
async function refreshStoredResult(
  on: QueryExecutor,
  { active, tableKeys, year, granularity, table, build, byComune, byCategory }: StoredResultWork,
): Promise<void> {
  const shared: SharedRows | null = byComune
    ? { work: bucketWork([...tableKeys.values()].flat(), byComune, byCategory), rows: null }
    : null;
  for (const state of active) {
    const keys = tableKeys.get(state) as DirtyKey[];
    if (!keys.length) continue;
    const work = shared ? shared.work : bucketWork(keys, byComune, byCategory);
    const started = Date.now();
    await on('BEGIN', []);
    try {
      for (const setting of INDICATOR_SESSION_SETTINGS) await on(setting, []);
      const [row] = (await on(
        `SELECT result FROM indicator_snapshots WHERE node = $1 AND year = $2 AND granularity = $3
            AND by_comune = $4 AND by_category = $5 AND table_name = $6 FOR UPDATE`,
        [state.node.node, year, granularity, byComune, byCategory, table],
      )) as { result: StoredResult }[];
      let fresh: Record<string, unknown>[];
      if (shared) {
        // Computed by the first node that needs them (in its transaction), for every node.
        shared.rows ??= await recomputeWork(
          on,
          build,
          shared.work,
          { comuni: null, granularity, byComune, byCategory },
          year,
          state.done,
        );
        const comuni = state.comuni;
        fresh = comuni ? shared.rows.filter((r) => comuni.has(r.comuneIstat as string)) : shared.rows;
      } else {
        fresh = await recomputeWork(
          on,
          build,
          work,
          { comuni: state.node.comuni, granularity, byComune, byCategory },
          year,
          state.done,
        );
      }
      const spliced = await spliceResult(on, row.result, work, fresh);
      // The recomputed rows are often the stored ones (a need received moves no unmatched
      // row): then nothing is written.
      const rewritten = !sameResult(spliced, row.result);
      if (rewritten) {
        await on(
          `UPDATE indicator_snapshots SET result = $7::json WHERE node = $1 AND year = $2 AND granularity = $3
              AND by_comune = $4 AND by_category = $5 AND table_name = $6`,
          [state.node.node, year, granularity, byComune, byCategory, table, JSON.stringify(spliced)],
        );
      }
      await on('COMMIT', []);
      if (rewritten) state.done.results++;
      const kind = `${granularity}/${byComune ? 'comune' : 'territory'}`;
      state.done.msByKind[kind] = (state.done.msByKind[kind] ?? 0) + Date.now() - started;
    } catch (error) {
      await on('ROLLBACK', []);
      throw error;
    }
  }
}

/** One node's incremental refresh (refreshNodesIncrementally), or null: refresh it in full. */
export async function refreshNodeIncrementally(
  query: QueryExecutor,
  node: NodeRefresh,
  years: number[],
  options: IncrementalOptions = {},
): Promise<IncrementalRefresh | null> {
  const [done] = await refreshNodesIncrementally(query, [node], years, options);
  return done;
}
