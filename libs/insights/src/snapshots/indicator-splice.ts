// The splice of an incremental snapshot refresh (indicator-snapshot-changes.ts): the stored rows a
// refresh recomputed are replaced by the recomputed ones, in the statement's order. A region's
// per-Comune results hold up to ~10^5 rows of which a day's changes touch a few thousand, so the
// splice works on the stored columns (StoredResult) and never builds an object per stored row.
import { BucketWork } from './indicator-buckets';
import { decodeSnapshot, encodeResult, QueryExecutor, StoredResult } from './indicator-snapshots';

type Row = Record<string, unknown>;

/** The columns the statements order their rows by (ORDER BY, in this order, NULLS LAST). */
const KEY_COLUMNS = ['periodStart', 'comuneIstat', 'category', 'reason'];

/**
 * How the key columns' text values rank in the database's collation (the statements' ORDER BY):
 * the stored values of those columns and the recomputed rows', ranked by one query.
 */
async function rankKeys(
  query: QueryExecutor,
  stored: StoredResult,
  fresh: Row[],
  keyColumns: string[],
): Promise<(value: unknown) => number> {
  const values = new Set<string>();
  for (const column of keyColumns) {
    for (const value of stored.texts[stored.columns.indexOf(column)] ?? []) values.add(value);
    for (const row of fresh) if (typeof row[column] === 'string') values.add(row[column] as string);
  }
  const [ranked] = (await query(`SELECT array_agg(v ORDER BY v) AS ranked FROM unnest($1::text[]) v`, [
    [...values],
  ])) as { ranked: string[] | null }[];
  const rank = new Map((ranked.ranked ?? []).map((value, index) => [value, index]));
  // NULLS LAST, as ORDER BY ... ASC.
  return (value) => (value === null ? Number.MAX_SAFE_INTEGER : (rank.get(value as string) ?? 0));
}

const compareBy =
  (keyColumns: string[], rankOf: (value: unknown) => number) =>
  (a: Row, b: Row): number => {
    for (const column of keyColumns) {
      const difference = rankOf(a[column]) - rankOf(b[column]);
      if (difference) return difference;
    }
    return 0;
  };

/**
 * The rows kept (in their stored order, the statement's) and the recomputed ones, merged into that
 * order: the recomputed rows sorted, then merged in one pass (a recomputed row goes after a kept
 * row of the same key).
 */
export async function mergeLikeTheDatabase(
  query: QueryExecutor,
  kept: Row[],
  fresh: Row[],
  stored: StoredResult,
): Promise<Row[]> {
  if (!fresh.length) return kept;
  const keyColumns = KEY_COLUMNS.filter((column) => column in fresh[0]);
  const compare = compareBy(keyColumns, await rankKeys(query, stored, fresh, keyColumns));
  fresh.sort(compare);
  const merged: Row[] = [];
  let next = 0;
  for (const row of kept) {
    while (next < fresh.length && compare(fresh[next], row) < 0) merged.push(fresh[next++]);
    merged.push(row);
  }
  while (next < fresh.length) merged.push(fresh[next++]);
  return merged;
}

/** Whether a stored row is in the recomputed part of its bucket (as inWork, on the columns). */
function replacedRows(stored: StoredResult, work: BucketWork[]): (index: number) => boolean {
  const textColumn = (column: string) => {
    const at = stored.columns.indexOf(column);
    return at < 0 ? null : { codes: stored.values[at] as (number | null)[], texts: stored.texts[at] ?? [] };
  };
  const starts = textColumn('periodStart');
  const comuni = textColumn('comuneIstat');
  const categories = textColumn('category');
  if (!starts) return () => false;
  const byStart = new Map(work.map((bucket) => [bucket.periodStart, bucket]));
  const bucketOfCode = starts.texts.map((start) => byStart.get(start));
  const member = (
    column: { codes: (number | null)[]; texts: string[] } | null,
    set: Set<string> | null,
    index: number,
  ) => {
    if (set === null) return true;
    const code = column?.codes[index];
    return code !== null && code !== undefined && set.has((column as { texts: string[] }).texts[code]);
  };
  return (index) => {
    const code = starts.codes[index];
    const bucket = code === null ? undefined : bucketOfCode[code];
    return !!bucket && member(comuni, bucket.comuni, index) && member(categories, bucket.categories, index);
  };
}

/**
 * The stored result with the rows of `work` replaced by `fresh` (rows of the same statement), in the
 * statement's order: exactly encodeResult of the rows decoded, filtered, merged (mergeLikeTheDatabase),
 * but on the columns: the kept rows' values are copied and their text codes renumbered in order of
 * first appearance, as encodeResult numbers them.
 */
export async function spliceResult(
  query: QueryExecutor,
  stored: StoredResult,
  work: BucketWork[],
  fresh: Row[],
): Promise<StoredResult> {
  const count = stored.values[0]?.length ?? 0;
  const replaced = replacedRows(stored, work);
  const keptIndexes: number[] = [];
  for (let index = 0; index < count; index++) if (!replaced(index)) keptIndexes.push(index);
  const sameShape =
    keptIndexes.length > 0 &&
    (!fresh.length || Object.keys(fresh[0]).join() === stored.columns.join()) &&
    stored.columns.every((column, at) => {
      // A column stays a text column (every value null or a string) exactly when it was one.
      const isText = stored.texts[at] !== null;
      const freshText = fresh.every((row) => row[column] === null || typeof row[column] === 'string');
      if (isText) return freshText;
      const values = stored.values[at];
      return keptIndexes.some((index) => values[index] !== null && typeof values[index] !== 'string');
    });
  if (!sameShape) {
    // Nothing kept or an unusual shape: through row objects.
    const all = {
      years: [],
      granularity: 'period' as const,
      byComune: false,
      byCategory: false,
      periodStarts: null,
      category: null,
      dropCategory: false,
    };
    const rows = decodeSnapshot([stored], all);
    const kept = keptIndexes.map((index) => rows[index]);
    return encodeResult(await mergeLikeTheDatabase(query, kept, fresh, stored));
  }
  const keyColumns = fresh.length ? KEY_COLUMNS.filter((column) => column in fresh[0]) : [];
  const rankOf = fresh.length ? await rankKeys(query, stored, fresh, keyColumns) : () => 0;
  fresh.sort(compareBy(keyColumns, rankOf));
  // The stored rows' key ranks, by text code.
  const keyRanks = keyColumns.map((column) => {
    const at = stored.columns.indexOf(column);
    return {
      codes: stored.values[at] as (number | null)[],
      ranks: (stored.texts[at] ?? []).map(rankOf),
      column,
    };
  });
  const freshBeforeKept = (row: Row, index: number) => {
    for (const key of keyRanks) {
      const code = key.codes[index];
      const difference = rankOf(row[key.column]) - (code === null ? rankOf(null) : key.ranks[code]);
      if (difference) return difference < 0;
    }
    return false;
  };
  // The merged order: a stored index (>= 0) or a recomputed row (-1 - its index).
  const order: number[] = [];
  let next = 0;
  for (const index of keptIndexes) {
    while (next < fresh.length && freshBeforeKept(fresh[next], index)) order.push(-1 - next++);
    order.push(index);
  }
  while (next < fresh.length) order.push(-1 - next++);
  const texts: (string[] | null)[] = [];
  const values = stored.columns.map((column, at) => {
    const storedValues = stored.values[at];
    const storedTexts = stored.texts[at];
    if (storedTexts === null) {
      texts.push(null);
      return order.map((from) => (from >= 0 ? storedValues[from] : fresh[-1 - from][column]));
    }
    const codes = new Map<string, number>();
    const codeOf = (value: string) => {
      let code = codes.get(value);
      if (code === undefined) codes.set(value, (code = codes.size));
      return code;
    };
    const renumbered: (number | undefined)[] = new Array(storedTexts.length);
    const encoded = order.map((from) => {
      if (from < 0) {
        const value = fresh[-1 - from][column];
        return value === null ? null : codeOf(value as string);
      }
      const code = storedValues[from] as number | null;
      if (code === null) return null;
      return (renumbered[code] ??= codeOf(storedTexts[code]));
    });
    texts.push([...codes.keys()]);
    return encoded;
  });
  return { columns: stored.columns, texts, values };
}

/** Whether two stored results hold the same rows (both as encodeResult numbers their texts). */
export function sameResult(a: StoredResult, b: StoredResult): boolean {
  const same = (x: unknown[] | null, y: unknown[] | null) =>
    x === y || (!!x && !!y && x.length === y.length && x.every((value, index) => value === y[index]));
  return (
    same(a.columns, b.columns) &&
    a.columns.every((_, at) => same(a.texts[at], b.texts[at]) && same(a.values[at], b.values[at]))
  );
}
