// The period buckets an incremental snapshot refresh recomputes (indicator-snapshot-changes.ts):
// which stored rows the changes may have touched, grouped by bucket, and cut into runs that one
// statement each recomputes. Pure arithmetic on dates and sets, unit-tested on its own.
import { Granularity, localDateToDay, nextLocalDate } from '../periods/indicator-period';

/** One stored row that may have changed: its year, granularity, bucket, Comune and category (null: any). */
export interface DirtyKey {
  family: string;
  year: number;
  granularity: Granularity;
  period_start: string;
  comune: string;
  category: string | null;
}

/** The Comuni of the platform node, for the cost of a statement over all of them (Italy has 7,900). */
export const ALL_COMUNI = 7_900;

/** What to recompute in one bucket of one stored result: its Comuni and categories (null: all). */
export interface BucketWork {
  periodStart: string;
  comuni: Set<string> | null;
  categories: Set<string> | null;
}

export function bucketWork(keys: DirtyKey[], byComune: boolean, byCategory: boolean): BucketWork[] {
  const buckets = new Map<string, BucketWork>();
  for (const key of keys) {
    let work = buckets.get(key.period_start);
    if (!work) {
      work = {
        periodStart: key.period_start,
        comuni: byComune ? new Set() : null,
        categories: byCategory ? new Set() : null,
      };
      buckets.set(key.period_start, work);
    }
    work.comuni?.add(key.comune);
    if (work.categories) {
      if (key.category === null) work.categories = null;
      else work.categories.add(key.category);
    }
  }
  return [...buckets.values()].sort((a, b) => (a.periodStart < b.periodStart ? -1 : 1));
}

/** Whether a row (stored or recomputed) belongs to the bucket's recomputed part. */
export function inWork(row: Record<string, unknown>, work: BucketWork): boolean {
  return (
    row.periodStart === work.periodStart &&
    (work.comuni === null || work.comuni.has(row.comuneIstat as string)) &&
    (work.categories === null || work.categories.has(row.category as string))
  );
}

/**
 * What one statement costs beside the rows it reads, in Comune-days (a Comune's needs of one day):
 * a few milliseconds of planning and round trip, about what 400 Comune-days of a region's needs
 * take to aggregate.
 */
const STATEMENT_COST_COMUNE_DAYS = 400;

/**
 * The buckets of one stored result, cut into runs of consecutive buckets that one statement each
 * recomputes (over the days from the run's first to its last bucket, for the union of their Comuni
 * and categories). The cut minimises the Comune-days read plus a statement's fixed cost: a day's
 * writes touch hundreds of Comuni in this week but a few Comuni in each of many earlier weeks (a
 * need received then was matched or given up today; a volunteer's past help moved to an
 * organisation), and one statement over the whole range for the union of every week's Comuni
 * read most of the year. `allComuni`: how many Comuni a bucket without a Comuni list covers.
 */
export function statementRuns(
  work: BucketWork[],
  granularity: Granularity,
  year: number,
  allComuni: number,
): BucketWork[][] {
  const days = work.map((bucket) => {
    const { from, to } = bucketDays(bucket.periodStart, granularity, year);
    return { from: localDateToDay(from) as number, to: localDateToDay(to) as number };
  });
  // best[i]: the cheapest cut of the first i buckets; from[i]: where its last run starts.
  const best = [0];
  const from = [0];
  for (let end = 1; end <= work.length; end++) {
    best[end] = Infinity;
    const comuni = new Set<string>();
    let all = false;
    for (let start = end - 1; start >= 0; start--) {
      const bucketComuni = work[start].comuni;
      if (bucketComuni === null) all = true;
      else for (const comune of bucketComuni) comuni.add(comune);
      const cost =
        best[start] +
        STATEMENT_COST_COMUNE_DAYS +
        (days[end - 1].to - days[start].from + 1) * (all ? allComuni : comuni.size);
      if (cost < best[end]) {
        best[end] = cost;
        from[end] = start;
      }
    }
  }
  const runs: BucketWork[][] = [];
  for (let end = work.length; end > 0; end = from[end]) runs.unshift(work.slice(from[end], end));
  return runs;
}

/** Several buckets as one: the union of their Comuni and categories, from the first to the last. */
export function mergeWork(work: BucketWork[]): BucketWork & { lastPeriodStart: string } {
  const union = (sets: (Set<string> | null)[]) =>
    sets.some((set) => set === null) ? null : new Set(sets.flatMap((set) => [...(set as Set<string>)]));
  return {
    periodStart: work[0].periodStart,
    lastPeriodStart: work[work.length - 1].periodStart,
    comuni: union(work.map((bucket) => bucket.comuni)),
    categories: union(work.map((bucket) => bucket.categories)),
  };
}

/** The local days a (possibly merged) bucket covers inside the year. */
export function bucketRange(
  bucket: BucketWork & { lastPeriodStart?: string },
  granularity: Granularity,
  year: number,
): { from: string; to: string } {
  return {
    from: bucketDays(bucket.periodStart, granularity, year).from,
    to: bucketDays(bucket.lastPeriodStart ?? bucket.periodStart, granularity, year).to,
  };
}

/** The bucket's first and last local day inside the year (a week may start the year before). */
export function bucketDays(
  periodStart: string,
  granularity: Granularity,
  year: number,
): { from: string; to: string } {
  const yearStart = `${year}-01-01`;
  const yearEnd = `${year}-12-31`;
  if (granularity === 'period') return { from: yearStart, to: yearEnd };
  let end: string;
  if (granularity === 'month') {
    const [y, m] = periodStart.split('-').map(Number);
    end = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  } else {
    end = periodStart;
    for (let day = 0; day < 6; day++) end = nextLocalDate(end);
  }
  return { from: periodStart < yearStart ? yearStart : periodStart, to: end > yearEnd ? yearEnd : end };
}
