// Pure rules of the indicator period: local calendar dates in Europe/Rome, weeks and months.
import { ROME_TIME_ZONE } from '@prossimo/platform/rules';

/** Indicators count by the Comune's calendar: Prossimo's local time. */
export const INDICATOR_TIME_ZONE = ROME_TIME_ZONE;
/** A calendar date, as the Comune reads it: YYYY-MM-DD. */
export const LOCAL_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
/** Two years and a day: enough for a year-on-year comparison, bounded for the database. */
export const MAX_PERIOD_DAYS = 731;

export type Granularity = 'week' | 'month' | 'period';

export type PeriodProblem = { field: 'from' | 'to'; code: string };

/** Days since 1970-01-01 for a valid YYYY-MM-DD date, or null (2026-02-30 is not a date). */
export function localDateToDay(value: string): number | null {
  if (!LOCAL_DATE_PATTERN.test(value)) return null;
  const [year, month, day] = value.split('-').map(Number);
  const time = Date.UTC(year, month - 1, day);
  const back = new Date(time);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    return null;
  }
  return time / 86_400_000;
}

/** The first problem with a period [from, to] (both days included), or null. */
export function periodProblem(from: string, to: string): PeriodProblem | null {
  const start = localDateToDay(from);
  if (start === null) return { field: 'from', code: 'INDICATOR_DATE_INVALID' };
  const end = localDateToDay(to);
  if (end === null) return { field: 'to', code: 'INDICATOR_DATE_INVALID' };
  if (end < start) return { field: 'to', code: 'INDICATOR_PERIOD_REVERSED' };
  if (end - start + 1 > MAX_PERIOD_DAYS) return { field: 'to', code: 'INDICATOR_PERIOD_TOO_LONG' };
  return null;
}

function dayToLocalDate(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Open data is published in whole calendar months only: two exports over overlapping ranges
 * cannot then be subtracted to reveal a few days' (and so a few people's) figures.
 */
export function wholeMonths(from: string, to: string): { from: string; to: string } {
  const [toYear, toMonth] = to.split('-').map(Number);
  const lastDay = new Date(Date.UTC(toYear, toMonth, 0)).getUTCDate();
  return { from: `${from.slice(0, 7)}-01`, to: `${to.slice(0, 7)}-${String(lastDay).padStart(2, '0')}` };
}

/** The local date after `value` (the exclusive end of a period that includes `value`). */
export function nextLocalDate(value: string): string {
  const day = localDateToDay(value);
  if (day === null) throw new Error(`not a date: ${value}`);
  return dayToLocalDate(day + 1);
}
