// The indicators page's periods: Rome's calendar, whole months, and how old a snapshot is.

import { romeCalendarDate } from '../rome-time';

/** Today in Rome, and the first day of the month five months before: six whole months by default. */
export function defaultRange(now = new Date()): { from: string; to: string } {
  const to = romeCalendarDate(now);
  const [year, month] = to.split('-').map(Number);
  const start = new Date(Date.UTC(year, month - 1 - 5, 1));
  return { from: start.toISOString().slice(0, 10), to };
}

/** Every month from `from` to `to` (YYYY-MM-01), so that months without data still show. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number);
  const [toYear, toMonth] = to.split('-').map(Number);
  while (year < toYear || (year === toYear && month <= toMonth)) {
    months.push(`${year}-${String(month).padStart(2, '0')}-01`);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return months;
}

/** How long ago a snapshot was computed, in the largest unit that reads naturally. */
export function ageOf(asOf: string, now = Date.now()): { key: string; count: number } {
  const minutes = Math.max(0, Math.round((now - new Date(asOf).getTime()) / 60_000));
  if (minutes < 60) return { key: 'ageMinutes', count: minutes };
  if (minutes < 48 * 60) return { key: 'ageHours', count: Math.round(minutes / 60) };
  return { key: 'ageDays', count: Math.round(minutes / 1440) };
}
