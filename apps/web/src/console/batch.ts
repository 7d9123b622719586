// The batch assignment pages' pure parts: a Rome calendar day as the api's window, and what the
// page says of a run's state.
import { romeCalendarDate, romeInstantOrNull } from '../rome-time';

/** A day (YYYY-MM-DD) of Rome's calendar as [from, to): its midnight to the next one. Null if not a date. */
export function romeDayWindow(day: string): { from: string; to: string } | null {
  const from = romeInstantOrNull(day, '00:00');
  const to = romeInstantOrNull(day, '24:00');
  return from && to ? { from: from.toISOString(), to: to.toISOString() } : null;
}

/** At most this many days in one plan (the api's limit). */
export const MAX_PLAN_DAYS = 7;

/**
 * Several Rome days from `day` as one window: the first day's midnight to the midnight after the
 * last. `days` as typed: a whole number from 1 to 7; otherwise which field is wrong.
 */
export function romeDaysWindow(
  day: string,
  days: string,
): { from: string; to: string } | { invalid: 'day' | 'days' } {
  const first = romeDayWindow(day);
  if (!first) return { invalid: 'day' };
  const count = /^\s*\d+\s*$/.test(days) ? Number(days) : NaN;
  if (!Number.isInteger(count) || count < 1 || count > MAX_PLAN_DAYS) return { invalid: 'days' };
  const [year, month, date] = day.split('-').map(Number);
  const last = new Date(Date.UTC(year, month - 1, date + count - 1)).toISOString().slice(0, 10);
  return { from: first.from, to: (romeDayWindow(last) as { to: string }).to };
}

/** The Rome days a run covers (YYYY-MM-DD): the first, and the last (the same for one day). */
export function romeDaysOf(windowStart: string, windowEnd: string): { first: string; last: string } {
  return {
    first: romeDayOf(windowStart),
    last: romeDayOf(new Date(Date.parse(windowEnd) - 1).toISOString()),
  };
}

/** Tomorrow in Rome (YYYY-MM-DD): the day an operator usually plans. */
export function tomorrowInRome(now = new Date()): string {
  const today = romeCalendarDate(now);
  const [year, month, day] = today.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
}

/** The Rome day a run's window starts on (YYYY-MM-DD). */
export function romeDayOf(iso: string): string {
  return romeCalendarDate(new Date(iso));
}

export type RunStatus = 'QUEUED' | 'RUNNING' | 'PLANNED' | 'PUBLISHING' | 'COMPLETED' | 'FAILED';

/** While the worker is at it, the page asks again every second. */
export function isBusy(status: RunStatus): boolean {
  return status === 'QUEUED' || status === 'RUNNING' || status === 'PUBLISHING';
}

export const STATUS_TONE: Record<RunStatus, 'info' | 'success' | 'warning' | 'danger' | 'neutral'> = {
  QUEUED: 'neutral',
  RUNNING: 'neutral',
  PLANNED: 'warning',
  PUBLISHING: 'info',
  COMPLETED: 'success',
  FAILED: 'danger',
};

/** Metres as kilometres with one decimal, in the page's language. */
export function kilometres(meters: number, language: string): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'it-IT', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(meters / 1000);
}
