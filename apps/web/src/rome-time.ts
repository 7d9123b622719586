// Rome's wall clock, the one place of the app's zone arithmetic: dates and times people type are
// read in Europe/Rome whatever the device's zone (a desk PC or a phone set to UTC included), and
// instants are shown on Rome's clock. The web app cannot import the api's libraries, so this is the
// same rule as the api's time-windows (fromLocal), kept small.

import { ROME_TIME_ZONE } from './rome-zone';

export { ROME_TIME_ZONE };

export interface LocalDate {
  year: number;
  /** 1 January … 12 December. */
  month: number;
  day: number;
}

export interface LocalTime {
  hour: number;
  minute: number;
}

/** One formatter per zone: building an Intl.DateTimeFormat costs far more than using one. */
const clockFormats = new Map<string, Intl.DateTimeFormat>();

function zoneParts(instant: Date, timeZone: string): Record<string, number> {
  let format = clockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    clockFormats.set(timeZone, format);
  }
  return Object.fromEntries(
    format
      .formatToParts(instant)
      .filter((part) => part.type !== 'literal')
      .map((part) => [part.type, Number(part.value)]),
  );
}

/** The local date and time in the zone (Rome unless told) of an instant. */
export function toLocal(instant: Date, timeZone = ROME_TIME_ZONE): { date: LocalDate; time: LocalTime } {
  const parts = zoneParts(instant, timeZone);
  return {
    date: { year: parts.year, month: parts.month, day: parts.day },
    time: { hour: parts.hour, minute: parts.minute },
  };
}

/** How far the zone is ahead of UTC at an instant, in milliseconds (one hour in CET, two in CEST). */
function offsetMs(instant: number, timeZone: string): number {
  const seen = toLocal(new Date(instant), timeZone);
  const asUtc = Date.UTC(
    seen.date.year,
    seen.date.month - 1,
    seen.date.day,
    seen.time.hour,
    seen.time.minute,
  );
  return asUtc - Math.floor(instant / 60000) * 60000;
}

/**
 * The instant of a local date and time in Rome (CET or CEST); 24:00 is the next midnight. A time
 * repeated in autumn is the first of the two; a time skipped in spring is read with the winter
 * offset (02:30 is 03:30).
 */
export function toInstant(date: LocalDate, time: LocalTime, timeZone = ROME_TIME_ZONE): Date {
  const wanted = Date.UTC(date.year, date.month - 1, date.day, time.hour, time.minute);
  const offsets = [offsetMs(wanted - 43200000, timeZone), offsetMs(wanted + 43200000, timeZone)];
  const readings = offsets
    .map((offset) => wanted - offset)
    .filter((instant, index) => offsetMs(instant, timeZone) === offsets[index])
    .sort((a, b) => a - b);
  return new Date(readings[0] ?? wanted - Math.min(...offsets));
}

const pad = (value: number) => String(value).padStart(2, '0');

/** The calendar date (YYYY-MM-DD) on Rome's clock at an instant. */
export function romeCalendarDate(instant: Date): string {
  const { date } = toLocal(instant);
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

/** Rome's day ("YYYY-MM-DD") and time ("HH:MM") at an instant, as date and time inputs want them. */
export function romeDayAndTime(instant: Date): { day: string; time: string } {
  const { time } = toLocal(instant);
  return { day: romeCalendarDate(instant), time: `${pad(time.hour)}:${pad(time.minute)}` };
}

/**
 * The instant when Rome's clock shows `clock` ("HH:MM", "24:00" = next midnight) on `date`
 * ("YYYY-MM-DD"); null when either is not a real day or time.
 */
export function romeInstantOrNull(date: string, clock: string): Date | null {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const time = /^(\d{2}):(\d{2})$/.exec(clock);
  if (!day || !time) return null;
  const [year, month, dayOfMonth, hour, minute] = [...day.slice(1), ...time.slice(1)].map(Number);
  const calendar = new Date(Date.UTC(year, month - 1, dayOfMonth));
  if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== dayOfMonth) return null;
  if (minute > 59 || hour > 24 || (hour === 24 && minute > 0)) return null;
  return toInstant({ year, month, day: dayOfMonth }, { hour, minute });
}

/** romeInstantOrNull for a date and time the caller has checked already. */
export function romeInstant(date: string, clock: string): Date {
  const instant = romeInstantOrNull(date, clock);
  if (!instant) throw new RangeError(`Not a day and time: ${date} ${clock}`);
  return instant;
}
