// Dates and times as people type them ("5 dicembre 2026", "05/12/2026", "9.30"), read in
// Europe/Rome whatever the device's zone, and shown the Italian way ("5 dicembre 2026, 09:30").

import { formatDayInWords } from '../format';
import { type LocalDate, type LocalTime, ROME_TIME_ZONE, toLocal } from '../rome-time';

export { type LocalDate, type LocalTime, toInstant, toLocal } from '../rome-time';

export const SERVICE_TIME_ZONE = ROME_TIME_ZONE;

const MONTHS: Record<string, number> = {};
[
  ['gennaio', 'gen', 'january', 'jan'],
  ['febbraio', 'feb', 'february'],
  ['marzo', 'mar', 'march'],
  ['aprile', 'apr', 'april'],
  ['maggio', 'mag', 'may'],
  ['giugno', 'giu', 'june', 'jun'],
  ['luglio', 'lug', 'july', 'jul'],
  ['agosto', 'ago', 'august', 'aug'],
  ['settembre', 'set', 'sett', 'september', 'sep', 'sept'],
  ['ottobre', 'ott', 'october', 'oct'],
  ['novembre', 'nov', 'november'],
  ['dicembre', 'dic', 'december', 'dec'],
].forEach((names, index) => names.forEach((name) => (MONTHS[name] = index + 1)));

const WEEKDAYS =
  /^(lunedì|lunedi|martedì|martedi|mercoledì|mercoledi|giovedì|giovedi|venerdì|venerdi|sabato|domenica|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s*,?\s*/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function valid(date: LocalDate): LocalDate | null {
  const { year, month, day } = date;
  if (!Number.isInteger(year) || year < 1900 || year > 2200) return null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) return null;
  return date;
}

function fullYear(text: string): number {
  const year = Number(text);
  return text.length <= 2 ? 2000 + year : year;
}

/** The first date on or after `reference` with this day and month (a date typed without a year). */
function nextOccurrence(day: number, month: number, reference: LocalDate): LocalDate | null {
  const thisYear = valid({ year: reference.year, month, day });
  if (thisYear && compareDates(thisYear, reference) >= 0) return thisYear;
  return valid({ year: reference.year + 1, month, day });
}

export function compareDates(a: LocalDate, b: LocalDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

/**
 * A date as typed: "5 dicembre 2026", "5 dic", "sabato 5 dicembre", "05/12/2026", "5.12.26",
 * "2026-12-05", "December 5, 2026", "oggi", "domani". Without a year, the next such day from
 * `reference`. Null when it is not a real date.
 */
export function parseDate(text: string, reference: LocalDate): LocalDate | null {
  const typed = text.trim().toLowerCase().replace(/\s+/g, ' ').replace(WEEKDAYS, '').replace(/[.,]$/, '');
  if (!typed) return null;
  if (typed === 'oggi' || typed === 'today') return reference;
  if (typed === 'domani' || typed === 'tomorrow') return addDays(reference, 1);
  if (typed === 'dopodomani') return addDays(reference, 2);
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(typed);
  if (match) return valid({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) });
  match = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{2}|\d{4}))?$/.exec(typed);
  if (match) {
    const day = Number(match[1]);
    const month = Number(match[2]);
    return match[3] ? valid({ year: fullYear(match[3]), month, day }) : nextOccurrence(day, month, reference);
  }
  // "5 dicembre 2026", "5 dic.", "5 December 2026"
  match = /^(\d{1,2})(?:°|º)?\s+([a-zà-ù]+)\.?(?:\s+(\d{4}))?$/.exec(typed);
  if (match && MONTHS[match[2]]) {
    const day = Number(match[1]);
    const month = MONTHS[match[2]];
    return match[3] ? valid({ year: Number(match[3]), month, day }) : nextOccurrence(day, month, reference);
  }
  // "December 5, 2026", "December 5"
  match = /^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$/.exec(typed);
  if (match && MONTHS[match[1]]) {
    const day = Number(match[2]);
    const month = MONTHS[match[1]];
    return match[3] ? valid({ year: Number(match[3]), month, day }) : nextOccurrence(day, month, reference);
  }
  return null;
}

/** A time as typed: "9", "9:30", "09.30", "9,30", "ore 9", "21:00"; "24:00" only when allowed. */
export function parseTime(text: string, options: { allowMidnightEnd?: boolean } = {}): LocalTime | null {
  const typed = text
    .trim()
    .toLowerCase()
    .replace(/^ore\s+/, '');
  const match = /^(\d{1,2})(?:\s*[:.,h]\s*(\d{2}))?$/.exec(typed);
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = match[2] ? Number(match[2]) : 0;
  if (minute > 59) return null;
  if (hour === 24 && minute === 0 && options.allowMidnightEnd) return { hour, minute };
  if (hour > 23) return null;
  return { hour, minute };
}

/** "09:30" (the api's HH:MM). */
export function formatTime(time: LocalTime): string {
  return `${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`;
}

/** "YYYY-MM-DD". */
export function isoDate(date: LocalDate): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

export function today(now: Date = new Date()): LocalDate {
  return toLocal(now).date;
}

function locale(language: string): string {
  return language === 'en' ? 'en-GB' : 'it-IT';
}

/** A day (noon of a calendar date, so that no zone moves it) or an instant, in Rome's calendar. */
function formatDay(value: Date | string | LocalDate, language: string, weekday: boolean): string {
  const instant =
    value instanceof Date || typeof value === 'string'
      ? new Date(value)
      : new Date(Date.UTC(value.year, value.month - 1, value.day, 12));
  return formatDayInWords(instant, locale(language), { weekday, timeZone: SERVICE_TIME_ZONE });
}

/** "5 dicembre 2026" / "5 December 2026". */
export function formatDate(value: Date | string | LocalDate, language: string): string {
  return formatDay(value, language, false);
}

/** "sabato 5 dicembre 2026" / "Saturday 5 December 2026". */
export function formatLongDate(value: Date | string | LocalDate, language: string): string {
  return formatDay(value, language, true);
}

/** "5 dicembre 2026, 09:30" (the Italian public-service style), in Rome's time. */
export function formatDateTime(value: Date | string, language: string): string {
  const instant = new Date(value);
  return `${formatDate(instant, language)}, ${formatTime(toLocal(instant).time)}`;
}

/** "7,00 €" / "€7.00". */
export function formatEuros(cents: number, language: string): string {
  return new Intl.NumberFormat(locale(language), { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** Euro as typed ("7", "7,50", "7.50 €", "€ 7") to cents; null when it is not an amount. */
export function parseEuros(text: string): number | null {
  const typed = text.trim().replace(/€/g, '').replace(/\s/g, '');
  const match = /^(\d{1,5})(?:[.,](\d{1,2}))?$/.exec(typed);
  if (!match) return null;
  return Number(match[1]) * 100 + (match[2] ? Number(match[2].padEnd(2, '0')) : 0);
}
