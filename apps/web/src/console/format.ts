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

/** A local day and time typed in the form ("2026-12-12", "09:30") as an instant, in the browser's zone. */
export function localDateTime(day: string, time: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const date = new Date(`${day}T${time}:00`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Today and now in the browser's zone, as the date and time inputs want them. */
export function todayAndNow(now = new Date()): { day: string; time: string } {
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    day: `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`,
    time: `${pad(now.getHours())}:${pad(now.getMinutes())}`,
  };
}
