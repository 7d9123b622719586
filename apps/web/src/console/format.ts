// Dates and numbers as the Comune writes them: "5 dicembre 2026, 09:30" (Europe/Rome).
import { localeOf } from '../format';

export { formatDate, formatDateTime, formatNumber, formatPhone, formatTime } from '../format';

export function formatPercent(value: number, language: string): string {
  return new Intl.NumberFormat(localeOf(language), { style: 'percent', maximumFractionDigits: 0 }).format(
    value,
  );
}

/** "2026-12" month label of a YYYY-MM-DD period start: "dic 2026". */
export function formatMonth(periodStart: string, language: string): string {
  const [year, month] = periodStart.split('-').map(Number);
  return new Intl.DateTimeFormat(localeOf(language), {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, month - 1, 1)));
}
