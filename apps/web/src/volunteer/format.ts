// The volunteer's dates on Rome's clock: the app's common forms (../format), with the weekday and a
// calendar date that has no instant.

import { formatDayInWords } from '../format';

export { formatDate, formatDateTime, formatNumber, formatTime } from '../format';

/** "mercoledì 9 dicembre 2026": the weekday helps people place a date. */
export function formatDay(iso: string, language: string): string {
  return formatDayInWords(new Date(iso), language, { weekday: true });
}

/** A calendar date "YYYY-MM-DD" (no instant) in words. */
export function formatCalendarDate(date: string, language: string): string {
  return formatDayInWords(new Date(`${date}T00:00:00Z`), language, { timeZone: 'UTC' });
}
