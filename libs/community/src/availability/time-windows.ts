/**
 * Pure time logic for volunteers' availability. Recurring windows are wall-clock times in
 * Europe/Rome ("every Tuesday 09:00-12:00"), so they keep their local hours across daylight
 * saving changes; one-off windows are absolute instants.
 */
import { ROME_TIME_ZONE, wallClockOf } from '@prossimo/platform/rules';

export const AVAILABILITY_TIME_ZONE = ROME_TIME_ZONE;
export const MAX_AVAILABILITY_WINDOWS = 50;
export const MINUTES_PER_DAY = 1440;
/** A one-off window longer than this is almost surely a typo (a month instead of a day). */
export const MAX_ONE_OFF_DAYS = 31;

export interface FieldIssue {
  field: string;
  code: string;
}

/** "HH:MM" as minutes after midnight; "24:00" is allowed so a window can end at midnight. */
export function parseClock(value: string): number | null {
  const match = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(value);
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes <= MINUTES_PER_DAY ? minutes : null;
}

export function formatClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** "YYYY-MM-DD" that names a real calendar day. */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** ISO day of week, 1 = Monday ... 7 = Sunday. */
export function dayOfWeekOf(date: string): number {
  const [year, month, day] = date.split('-').map(Number);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

export interface LocalTime {
  date: string;
  dayOfWeek: number;
  /** Minutes after local midnight. */
  minutes: number;
}

/** The wall clock of the zone at an instant. */
export function toLocal(instant: Date, timeZone = AVAILABILITY_TIME_ZONE): LocalTime {
  const clock = wallClockOf(instant, timeZone);
  const date = `${clock.year}-${String(clock.month).padStart(2, '0')}-${String(clock.day).padStart(2, '0')}`;
  return { date, dayOfWeek: dayOfWeekOf(date), minutes: clock.hour * 60 + clock.minute };
}

/** Local wall clock minus UTC, in milliseconds, at an instant. */
function offsetAt(instant: number, timeZone: string): number {
  const clock = wallClockOf(new Date(instant), timeZone);
  const asUtc = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant when the zone's wall clock shows `minutes` after midnight of `date`. A time that
 * does not exist (the spring-forward hour) maps to the same distance after the jump.
 */
export function fromLocal(date: string, minutes: number, timeZone = AVAILABILITY_TIME_ZONE): Date {
  const [year, month, day] = date.split('-').map(Number);
  const asUtc = Date.UTC(year, month - 1, day, 0, minutes);
  const firstGuess = asUtc - offsetAt(asUtc, timeZone);
  const secondOffset = offsetAt(firstGuess, timeZone);
  return new Date(asUtc - secondOffset);
}

export interface RecurringRule {
  dayOfWeek: number;
  startMinute: number;
  endMinute: number;
  validFrom: string;
  /** Inclusive; null means no end. */
  validUntil: string | null;
}

export interface Slot {
  startsAt: Date;
  endsAt: Date;
}

/** Concrete occurrences of a weekly rule that end after `from` and start before `until`. */
export function expandRecurring(
  rule: RecurringRule,
  from: Date,
  until: Date,
  timeZone = AVAILABILITY_TIME_ZONE,
): Slot[] {
  const slots: Slot[] = [];
  const first = toLocal(from, timeZone).date;
  const last = toLocal(until, timeZone).date;
  // Start at the first date on the rule's weekday, then step a week at a time.
  let date = addDays(first, (rule.dayOfWeek - dayOfWeekOf(first) + 7) % 7);
  for (; date <= last; date = addDays(date, 7)) {
    if (date < rule.validFrom) continue;
    if (rule.validUntil !== null && date > rule.validUntil) break;
    const startsAt = fromLocal(date, rule.startMinute, timeZone);
    const endsAt = fromLocal(date, rule.endMinute, timeZone);
    if (endsAt > from && startsAt < until) slots.push({ startsAt, endsAt });
  }
  return slots;
}

/**
 * Where an interval [from, to) falls on the weekly grid: (dayOfWeek - 1) * 1440 + minutes, local.
 * Recurring windows sit inside one local day, so an interval that leaves its day cannot fit in
 * one: null. An interval ending exactly at the next midnight still counts as the same day.
 */
export function weeklySpanOf(
  from: Date,
  to: Date,
  timeZone = AVAILABILITY_TIME_ZONE,
): { date: string; start: number; end: number } | null {
  if (to <= from) return null;
  const start = toLocal(from, timeZone);
  const end = toLocal(to, timeZone);
  let endMinutes: number;
  if (end.date === start.date) endMinutes = end.minutes;
  else if (end.date === addDays(start.date, 1) && end.minutes === 0) endMinutes = MINUTES_PER_DAY;
  else return null;
  if (endMinutes <= start.minutes) return null;
  const base = (start.dayOfWeek - 1) * MINUTES_PER_DAY;
  return { date: start.date, start: base + start.minutes, end: base + endMinutes };
}

export interface RecurringWindowShape {
  dayOfWeek: number;
  start: string;
  end: string;
  validFrom?: string | null;
  validUntil?: string | null;
}

export interface OneOffWindowShape {
  startsAt: Date;
  endsAt: Date;
}

export interface WindowShape {
  recurring?: RecurringWindowShape | null;
  oneOff?: OneOffWindowShape | null;
}

export type CheckedWindow =
  { kind: 'recurring'; rule: RecurringRule } | { kind: 'one_off'; startsAt: Date; endsAt: Date };

/**
 * Checks one window and names the first wrong field, relative to `path` (e.g. "availability.2").
 * A recurring rule without validFrom starts on today's local date (from `now`).
 */
export function checkWindow(
  window: WindowShape,
  now: Date,
  path = '',
): { window: CheckedWindow } | { issue: FieldIssue } {
  const at = (field: string) => (path ? `${path}.${field}` : field);
  if (!!window.recurring === !!window.oneOff) {
    return { issue: { field: at('recurring'), code: 'AVAILABILITY_WINDOW_KIND' } };
  }
  if (window.recurring) {
    const rule = window.recurring;
    const startMinute = parseClock(rule.start);
    if (startMinute === null || startMinute >= MINUTES_PER_DAY) {
      return { issue: { field: at('recurring.start'), code: 'FIELD_INVALID' } };
    }
    const endMinute = parseClock(rule.end);
    if (endMinute === null) return { issue: { field: at('recurring.end'), code: 'FIELD_INVALID' } };
    if (endMinute <= startMinute) {
      return { issue: { field: at('recurring.end'), code: 'AVAILABILITY_END_NOT_AFTER_START' } };
    }
    const today = toLocal(now).date;
    const validFrom = rule.validFrom ?? today;
    if (!isCalendarDate(validFrom)) {
      return { issue: { field: at('recurring.validFrom'), code: 'FIELD_INVALID' } };
    }
    const validUntil = rule.validUntil ?? null;
    if (validUntil !== null && !isCalendarDate(validUntil)) {
      return { issue: { field: at('recurring.validUntil'), code: 'FIELD_INVALID' } };
    }
    if (validUntil !== null && validUntil < validFrom) {
      return { issue: { field: at('recurring.validUntil'), code: 'AVAILABILITY_END_NOT_AFTER_START' } };
    }
    if (validUntil !== null && validUntil < today) {
      return { issue: { field: at('recurring.validUntil'), code: 'AVAILABILITY_IN_THE_PAST' } };
    }
    return {
      window: {
        kind: 'recurring',
        rule: { dayOfWeek: rule.dayOfWeek, startMinute, endMinute, validFrom, validUntil },
      },
    };
  }
  const oneOff = window.oneOff as OneOffWindowShape;
  if (oneOff.endsAt <= oneOff.startsAt) {
    return { issue: { field: at('oneOff.endsAt'), code: 'AVAILABILITY_END_NOT_AFTER_START' } };
  }
  if (oneOff.endsAt <= now) {
    return { issue: { field: at('oneOff.endsAt'), code: 'AVAILABILITY_IN_THE_PAST' } };
  }
  if (oneOff.endsAt.getTime() - oneOff.startsAt.getTime() > MAX_ONE_OFF_DAYS * 86_400_000) {
    return { issue: { field: at('oneOff.endsAt'), code: 'AVAILABILITY_TOO_LONG' } };
  }
  return { window: { kind: 'one_off', startsAt: oneOff.startsAt, endsAt: oneOff.endsAt } };
}

/** Today's date on the Europe/Rome calendar. */
export function todayInRome(now = new Date()): string {
  return toLocal(now, AVAILABILITY_TIME_ZONE).date;
}
