// Dates and times as Italians write them ("5 dicembre 2026, 09:30"), always on Rome's clock:
// the api's times are instants, and the help happens in Italy whatever the device's zone.

const TIME_ZONE = 'Europe/Rome';

function localeOf(language: string): string {
  return language.startsWith('en') ? 'en-GB' : 'it-IT';
}

export function formatDate(iso: string, language: string): string {
  return new Intl.DateTimeFormat(localeOf(language), {
    timeZone: TIME_ZONE,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(iso));
}

export function formatTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(localeOf(language), {
    timeZone: TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}

export function formatDateTime(iso: string, language: string): string {
  return `${formatDate(iso, language)}, ${formatTime(iso, language)}`;
}

/** "mercoledì 9 dicembre 2026": the weekday helps people place a date. */
export function formatDay(iso: string, language: string): string {
  return new Intl.DateTimeFormat(localeOf(language), {
    timeZone: TIME_ZONE,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(iso));
}

/** A calendar date "YYYY-MM-DD" (no instant) in words. */
export function formatCalendarDate(date: string, language: string): string {
  return new Intl.DateTimeFormat(localeOf(language), {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(`${date}T00:00:00Z`));
}

export function formatNumber(value: number, language: string, maximumFractionDigits = 1): string {
  return new Intl.NumberFormat(localeOf(language), { maximumFractionDigits }).format(value);
}
