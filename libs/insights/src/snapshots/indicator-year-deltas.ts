// The exact incremental year rows (issue 18). A year row of demand, unmatched, reach or activity
// counts people (or helpers, or organisations) and sums need-level figures: every such column is a
// sum over a partition of the people (of the helpers, of the organisations), each entity adding what
// its own needs give. The entities none of whose needs changed add the same as at the watermark, so
// a stored row moves by the live statement over the changed entities' needs now minus the same
// statement over their needs as they were at the watermark (rebuilt from indicator_fact_images,
// migration 1763703600000). Both run inside the refresh's REPEATABLE READ transaction, whose
// snapshot becomes the new watermark, so the stored rows stay exactly the figures as of a watermark.
// Work is proportional to the changed people's needs, not to the year's. Demand's median and p90
// hours to match are not additive: they are recomputed from the matched needs of the rows a change
// could move. Latent needs (a row with only draft desk needs has all-zero figures: its existence is
// not a count), satisfaction and shared care keep the recompute of the year. Pure, as the rest of
// the snapshot code: the benchmark runs it with a bare `pg` client.
import {
  demandPercentilesStatement,
  INDICATOR_STATEMENTS,
  IndicatorScope,
  IndicatorStatement,
} from '../indicators/indicator-queries';
import { INDICATOR_TIME_ZONE } from '../periods/indicator-period';
import { QueryExecutor } from './indicator-snapshots';

/** Whose partition a column is a sum over: the need's person, its helper, or its organisation. */
type Partition = 'person' | 'helper' | 'organisation';

const PARTITION_COLUMNS: Record<Partition, string> = {
  person: 'person',
  helper: 'helper_user_id',
  organisation: 'organisation_id',
};

interface DeltaTable {
  /** The columns of each partition that move by now minus as-at-the-watermark. */
  columns: Partial<Record<Partition, string[]>>;
  /** The count a row exists by (the statement yields a row exactly when it is above zero). */
  exists: string;
  /** Recomputed, not moved (demand's percentiles). */
  recomputed?: string[];
  /** Sums of numeric(6, 2) hours, stored as float8: rounded back to cents after the move. */
  cents?: string[];
}

/** The tables whose year rows move by deltas, and how each column does. */
export const DELTA_TABLES: Record<string, DeltaTable> = {
  demand: {
    columns: {
      person: [
        'needsReceived',
        'peopleExpressing',
        'fromCitizens',
        'peopleFromCitizens',
        'fromDesk',
        'peopleFromDesk',
        'fromSentinels',
        'peopleFromSentinels',
        'needsMatched',
        'peopleMatched',
        'needsServed',
        'peopleServed',
      ],
    },
    exists: 'needsReceived',
    recomputed: ['medianHoursToMatch', 'p90HoursToMatch'],
  },
  unmatched: { columns: { person: ['needs', 'people'] }, exists: 'needs' },
  reach: {
    columns: { person: ['citizensReached', 'newCitizens', 'repeatHelpCitizens', 'servicesDelivered'] },
    exists: 'servicesDelivered',
  },
  activity: {
    columns: {
      // Need-level sums ride on the person's partition: every need has one person.
      person: [
        'engagementsCompleted',
        'volunteerHours',
        'peopleServed',
        'ridesCompleted',
        'rideKm',
        'peopleDriven',
      ],
      helper: ['activeVolunteers', 'drivers'],
      organisation: ['activeOrganisations'],
    },
    exists: 'engagementsCompleted',
    cents: ['volunteerHours'],
  },
};

const KEY_COLUMNS = ['periodStart', 'comuneIstat', 'category', 'reason'];
type Row = Record<string, unknown>;
const rowKey = (row: Row) => KEY_COLUMNS.map((column) => row[column] ?? '').join('|');

/** The changed entities since one watermark, in the refresh's snapshot. */
export interface ChangedEntities {
  /** Needs written since the watermark. */
  needs: number;
  entities: Record<Partition, string[]>;
  /** A changed need was served with no helper recorded: the helpers' partition holds "no helper" too. */
  helperless: boolean;
  /**
   * The (Comune, category) of the needs whose place in demand's matched cohort or hours to match
   * changed (either side), per year: the rows whose percentiles can move.
   */
  percentileKeys: Map<number, { comune: string; category: string }[]>;
  /**
   * Per partition with changed entities, the temporary tables of their needs now and as at the
   * watermark (deltaSources): read by every delta statement instead of re-reading need_facts.
   */
  sources: Partial<Record<Partition, { now: string; atMark: string }>>;
}

/** The table of need_facts rows as at the watermark, for the needs written since (this transaction's). */
const AT_MARK = 'indicator_facts_at_mark';

/**
 * Collects what changed since `mark` into a temporary table (dropped at commit) and returns the
 * changed entities. Call inside the refresh's REPEATABLE READ transaction.
 */
export async function changedSince(query: QueryExecutor, mark: string): Promise<ChangedEntities> {
  await query(`DROP TABLE IF EXISTS ${AT_MARK}`, []);
  // The earliest entry since the watermark holds the row as it was at the watermark.
  await query(
    `CREATE TEMPORARY TABLE ${AT_MARK} ON COMMIT DROP AS
       SELECT DISTINCT ON (need_id) need_id, image FROM indicator_fact_images
        WHERE NOT pg_visible_in_snapshot(xid, $1::pg_snapshot) ORDER BY need_id, id`,
    [mark],
  );
  await query(`ANALYZE ${AT_MARK}`, []);
  const [changed] = (await query(
    `WITH sides AS (
       SELECT r.* FROM ${AT_MARK} m
        CROSS JOIN LATERAL jsonb_populate_record(NULL::need_facts, m.image) r WHERE m.image IS NOT NULL
       UNION ALL
       SELECT f.* FROM ${AT_MARK} m JOIN need_facts f ON f.need_id = m.need_id)
     SELECT (SELECT count(*)::int FROM ${AT_MARK}) AS needs,
            coalesce(array_agg(DISTINCT person) FILTER (WHERE person IS NOT NULL), '{}')::text[] AS person,
            coalesce(array_agg(DISTINCT helper_user_id) FILTER (WHERE helper_user_id IS NOT NULL), '{}')::text[] AS helper,
            coalesce(array_agg(DISTINCT organisation_id) FILTER (WHERE organisation_id IS NOT NULL), '{}')::text[]
              AS organisation,
            coalesce(bool_or(served AND helper_user_id IS NULL), false) AS helperless
       FROM sides`,
    [],
  )) as { needs: number; person: string[]; helper: string[]; organisation: string[]; helperless: boolean }[];
  // A need's place in the matched cohort: what its hours to match and its row depend on.
  const percentileRows = (await query(
    `WITH sides AS (
       SELECT 0 AS side, r.* FROM ${AT_MARK} m
        CROSS JOIN LATERAL jsonb_populate_record(NULL::need_facts, m.image) r WHERE m.image IS NOT NULL
       UNION ALL
       SELECT 1, f.* FROM ${AT_MARK} m JOIN need_facts f ON f.need_id = m.need_id),
     placed AS (
       SELECT need_id, side, comune_istat, category, created_at,
              row(comune_istat, category, source, status, created_at, opened_at, first_engaged_at) AS place
         FROM sides WHERE first_engaged_at IS NOT NULL)
     SELECT DISTINCT extract(year FROM (p.created_at AT TIME ZONE '${INDICATOR_TIME_ZONE}'))::int AS year,
            p.comune_istat::text AS comune, p.category
       FROM placed p
      WHERE NOT EXISTS (SELECT 1 FROM placed o WHERE o.need_id = p.need_id AND o.side <> p.side
                          AND o.place IS NOT DISTINCT FROM p.place)`,
    [],
  )) as { year: number; comune: string; category: string }[];
  const percentileKeys = new Map<number, { comune: string; category: string }[]>();
  for (const { year, comune, category } of percentileRows) {
    percentileKeys.set(year, [...(percentileKeys.get(year) ?? []), { comune, category }]);
  }
  const entities = { person: changed.person, helper: changed.helper, organisation: changed.organisation };
  return {
    needs: changed.needs,
    entities,
    helperless: changed.helperless,
    percentileKeys,
    sources: await deltaSources(query, entities, changed.helperless),
  };
}

/**
 * The changed entities' needs, now and as at the watermark, per partition, in temporary tables
 * (dropped at commit): each is read once per refresh, then by every delta statement (4 tables x 4
 * groupings per node), which re-read need_facts for them each time when they were CTEs.
 */
async function deltaSources(
  query: QueryExecutor,
  entities: Record<Partition, string[]>,
  helperless: boolean,
): Promise<ChangedEntities['sources']> {
  const sources: ChangedEntities['sources'] = {};
  for (const [partition, column] of Object.entries(PARTITION_COLUMNS) as [Partition, string][]) {
    const orNull = partition === 'helper' && helperless;
    if (!entities[partition].length && !orNull) continue;
    const of = (alias: string) =>
      orNull
        ? `(${alias}.${column} = ANY($1::uuid[]) OR ${alias}.${column} IS NULL)`
        : `${alias}.${column} = ANY($1::uuid[])`;
    const tables = { now: `${AT_MARK}_${partition}_now`, atMark: `${AT_MARK}_${partition}_then` };
    const bodies = {
      now: `SELECT f.* FROM need_facts f WHERE ${of('f')}`,
      atMark: `SELECT f.* FROM need_facts f
                WHERE ${of('f')} AND NOT EXISTS (SELECT 1 FROM ${AT_MARK} m WHERE m.need_id = f.need_id)
               UNION ALL
               SELECT r.* FROM ${AT_MARK} m CROSS JOIN LATERAL jsonb_populate_record(NULL::need_facts, m.image) r
                WHERE m.image IS NOT NULL AND ${of('r')}`,
    };
    for (const side of ['now', 'atMark'] as const) {
      await query(`DROP TABLE IF EXISTS ${tables[side]}`, []);
      await query(`CREATE TEMPORARY TABLE ${tables[side]} ON COMMIT DROP AS ${bodies[side]}`, [
        entities[partition],
      ]);
      await query(`ANALYZE ${tables[side]}`, []);
    }
    sources[partition] = tables;
  }
  return sources;
}

/**
 * The statement run over need_facts narrowed to one partition's changed needs, now or as at the
 * watermark (a table of deltaSources): a CTE of the same name shadows the table for the whole
 * statement.
 */
function shadowed(statement: IndicatorStatement, source: string): IndicatorStatement {
  if (!/^\s*WITH\s/.test(statement.sql)) throw new Error('an indicator statement starts with WITH');
  return {
    sql: statement.sql.replace(
      /^\s*WITH\s/,
      `WITH need_facts AS NOT MATERIALIZED (SELECT * FROM ${source}), `,
    ),
    params: statement.params,
  };
}

/**
 * The stored rows and the deltas disagree (a row would count fewer than nothing): the stored
 * results are not the figures as at the watermark. The caller drops the watermarks, so the next
 * refresh is a full one.
 */
export class InconsistentDeltas extends Error {
  constructor(where: string) {
    super(`indicator year rows do not follow their watermark: ${where}`);
  }
}

/** How each stored row of one result moves: per row key, per column, now minus as at the watermark. */
export type RowDeltas = Map<string, { row: Row; deltas: Record<string, number> }>;

/**
 * The deltas of one table's rows in `scope` (a year, one grouping) for the changed entities. Rows
 * whose figures do not move are left out.
 */
export async function tableDeltas(
  query: QueryExecutor,
  table: string,
  scope: IndicatorScope,
  changed: ChangedEntities,
  counted: { statements: number },
): Promise<RowDeltas> {
  const spec = DELTA_TABLES[table];
  const statement = INDICATOR_STATEMENTS[table](scope);
  const out: RowDeltas = new Map();
  for (const [partition, columns] of Object.entries(spec.columns) as [Partition, string[]][]) {
    const sources = changed.sources[partition];
    if (!sources) continue;
    for (const [source, sign] of [
      [sources.now, 1],
      [sources.atMark, -1],
    ] as const) {
      const { sql, params } = shadowed(statement, source);
      const rows = await query(sql, params);
      counted.statements++;
      for (const row of rows) {
        const key = rowKey(row);
        let entry = out.get(key);
        if (!entry) out.set(key, (entry = { row, deltas: {} }));
        for (const column of columns) {
          entry.deltas[column] = (entry.deltas[column] ?? 0) + sign * Number(row[column] ?? 0);
        }
      }
    }
  }
  for (const [key, { deltas }] of out) {
    if (Object.values(deltas).every((delta) => delta === 0)) out.delete(key);
  }
  return out;
}

/**
 * Demand's percentiles recomputed for the rows a change could move (`keys`: the (Comune, category)
 * pairs of the year; in `comuni`, null: all), in one grouping. Returns the rows' percentiles by key,
 * and which keys were recomputed (a recomputed key with no matched need left has none).
 */
export async function demandPercentiles(
  query: QueryExecutor,
  scope: IndicatorScope,
  keys: { comune: string; category: string }[],
  counted: { statements: number },
): Promise<{ touched: (row: Row) => boolean; values: Map<string, Row> } | null> {
  const inNode = keys.filter((key) => scope.comuni === null || scope.comuni.includes(key.comune));
  if (!inNode.length) return null;
  const comuniSet = new Set(inNode.map((key) => key.comune));
  const comuni = [...comuniSet].sort();
  const categories = new Set(inNode.map((key) => key.category));
  const pairs = new Set(inNode.map((key) => `${key.comune}|${key.category}`));
  const touched = (row: Row) =>
    scope.byComune
      ? scope.byCategory
        ? pairs.has(`${row.comuneIstat as string}|${row.category as string}`)
        : comuniSet.has(row.comuneIstat as string)
      : scope.byCategory
        ? categories.has(row.category as string)
        : true;
  const { sql, params } = demandPercentilesStatement({
    ...scope,
    comuni: scope.byComune ? comuni : scope.comuni,
    // One category: read that category's needs only (the rows are per category, or that one is all).
    category: scope.byCategory && categories.size === 1 ? [...categories][0] : null,
  });
  const rows = await query(sql, params);
  counted.statements++;
  return { touched, values: new Map(rows.filter(touched).map((row) => [rowKey(row), row])) };
}

/**
 * The stored rows of one result moved by `deltas` (and demand's recomputed percentiles): the rows
 * kept as they were, and the rows changed or new (to merge back in the statement's order). Null when
 * nothing moved.
 */
export function moveRows(
  table: string,
  stored: Row[],
  deltas: RowDeltas,
  percentiles: { touched: (row: Row) => boolean; values: Map<string, Row> } | null,
  inNode: (row: Row) => boolean,
): { kept: Row[]; fresh: Row[] } | null {
  const spec = DELTA_TABLES[table];
  const moved = new Map<string, Row>();
  const storedKeys = new Set<string>();
  const kept: Row[] = [];
  const dropped = new Set<string>();
  const apply = (base: Row, key: string) => {
    const entry = deltas.get(key);
    let row = base;
    if (entry) {
      row = { ...base };
      for (const [column, delta] of Object.entries(entry.deltas)) {
        let value = Number(row[column] ?? 0) + delta;
        if (spec.cents?.includes(column)) value = Math.round(value * 100) / 100;
        // No negative zero (it is not equal to 0 when compared deeply).
        row[column] = value + 0;
      }
    }
    if (spec.recomputed && percentiles?.touched(row)) {
      const recomputed = percentiles.values.get(key);
      row = { ...row };
      for (const column of spec.recomputed) row[column] = recomputed?.[column] ?? null;
    }
    return row;
  };
  const changedRow = (before: Row, after: Row) =>
    Object.keys(after).some((column) => after[column] !== before[column]);
  for (const row of stored) {
    const key = rowKey(row);
    storedKeys.add(key);
    if (!deltas.has(key) && !(spec.recomputed && percentiles?.touched(row))) {
      kept.push(row);
      continue;
    }
    const after = apply(row, key);
    if (Number(after[spec.exists]) < 0) throw new InconsistentDeltas(`${table} ${key}`);
    if (Number(after[spec.exists]) === 0) dropped.add(key);
    else if (changedRow(row, after)) moved.set(key, after);
    else kept.push(row);
  }
  for (const [key, { row }] of deltas) {
    if (storedKeys.has(key) || !inNode(row)) continue;
    // A row that was not stored: every moved column starts from zero, the others are as computed now.
    const base: Row = { ...row };
    for (const column of Object.values(spec.columns).flat()) base[column] = 0;
    for (const column of spec.recomputed ?? []) base[column] = null;
    const after = apply(base, key);
    if (Number(after[spec.exists]) < 0) throw new InconsistentDeltas(`${table} ${key}`);
    if (Number(after[spec.exists]) !== 0) moved.set(key, after);
  }
  if (!moved.size && !dropped.size) return null;
  return { kept, fresh: [...moved.values()] };
}
