import type { Language } from './i18n';
import { ROME_TIME_ZONE } from './rome-zone';

// Dates and times as Italians write them ("5 dicembre 2026, 09:30"), always on Rome's clock: the
// api's times are instants, and the help happens in Italy whatever the device's zone. The console
// and the volunteer's pages write them alike (the citizen's pages add typed local dates: citizen/datetime).

/** The locale of the page's language: English as written in Britain, else Italian. */
export function localeOf(language: string): string {
  return language.startsWith('en') ? 'en-GB' : 'it-IT';
}

/**
 * A day in words, "5 dicembre 2026", with its weekday when asked ("mercoledì 9 dicembre 2026"): on
 * Rome's calendar unless `timeZone` says otherwise (UTC for a calendar date that has no instant).
 */
export function formatDayInWords(
  instant: Date,
  language: string,
  { weekday = false, timeZone = ROME_TIME_ZONE }: { weekday?: boolean; timeZone?: string } = {},
): string {
  return new Intl.DateTimeFormat(localeOf(language), {
    timeZone,
    ...(weekday ? { weekday: 'long' } : {}),
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(instant);
}

/** "5 dicembre 2026" on Rome's calendar. */
export function formatDate(iso: string, language: string): string {
  return formatDayInWords(new Date(iso), language);
}

/** "09:30" on Rome's clock. */
export function formatTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(localeOf(language), {
    timeZone: ROME_TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}

/** "5 dicembre 2026, 09:30". */
export function formatDateTime(iso: string, language: string): string {
  return `${formatDate(iso, language)}, ${formatTime(iso, language)}`;
}

/** "3,5" (at most one decimal unless asked). */
export function formatNumber(value: number, language: string, maximumFractionDigits = 1): string {
  return new Intl.NumberFormat(localeOf(language), { maximumFractionDigits }).format(value);
}

/** Prices and distances as Italians read them ("7,00 €", "3,2 km"); English keeps the same figures. */
export function formatEuro(cents: number, language: Language = 'it'): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-IE' : 'it-IT', {
    style: 'currency',
    currency: 'EUR',
  }).format(cents / 100);
}

export function formatKm(km: number, language: Language = 'it'): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'it-IT', {
    maximumFractionDigits: km < 10 ? 1 : 0,
  }).format(km);
}

/** "7,50" or "7.50" or "7" euro -> cents; undefined when it is not an amount. */
export function parseEuroToCents(text: string): number | undefined {
  const normalised = text.trim().replace(/\s|€/g, '').replace(',', '.');
  if (!/^\d{1,5}(\.\d{1,2})?$/.test(normalised)) return undefined;
  return Math.round(Number(normalised) * 100);
}

/**
 * An Italian mobile as people read it: "+39 333 123 4567" (9 to 11 digits, the 3xx prefix first);
 * landlines and foreign numbers as they are, their grouping varies.
 */
export function formatPhone(e164: string): string {
  const italian = /^\+39(3\d{2})(\d{3})(\d{3,5})$/.exec(e164);
  return italian ? `+39 ${italian[1]} ${italian[2]} ${italian[3]}` : e164;
}
