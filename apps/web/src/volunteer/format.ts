// The volunteer's dates on Rome's clock: the app's common forms (../format), with the weekday and a
// calendar date that has no instant.

import { localeOf } from '../format';
import { ROME_TIME_ZONE } from '../rome-time';

export { formatDate, formatDateTime, formatNumber, formatTime } from '../format';

/** "mercoledì 9 dicembre 2026": the weekday helps people place a date. */
export function formatDay(iso: string, language: string): string {
  return new Intl.DateTimeFormat(localeOf(language), {
    timeZone: ROME_TIME_ZONE,
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
