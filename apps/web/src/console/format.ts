// Dates and numbers as the Comune writes them: "5 dicembre 2026, 09:30" (Europe/Rome).
const TIME_ZONE = 'Europe/Rome';

function locale(language: string): string {
  return language === 'en' ? 'en-GB' : 'it-IT';
}

export function formatDate(iso: string, language: string): string {
  return new Intl.DateTimeFormat(locale(language), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: TIME_ZONE,
  }).format(new Date(iso));
}

export function formatTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(locale(language), {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: TIME_ZONE,
  }).format(new Date(iso));
}

export function formatDateTime(iso: string, language: string): string {
  return `${formatDate(iso, language)}, ${formatTime(iso, language)}`;
}

export function formatNumber(value: number, language: string, maximumFractionDigits = 1): string {
  return new Intl.NumberFormat(locale(language), { maximumFractionDigits }).format(value);
}

export function formatPercent(value: number, language: string): string {
  return new Intl.NumberFormat(locale(language), { style: 'percent', maximumFractionDigits: 0 }).format(
    value,
  );
}

/** "2026-12" month label of a YYYY-MM-DD period start: "dic 2026". */
export function formatMonth(periodStart: string, language: string): string {
  const [year, month] = periodStart.split('-').map(Number);
  return new Intl.DateTimeFormat(locale(language), {
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

/** "+393331234567" as people read it: "+39 333 123 4567" (other numbers as they are). */
export function formatPhone(e164: string): string {
  const italian = /^\+39(\d{3})(\d{3})(\d{3,4})$/.exec(e164);
  return italian ? `+39 ${italian[1]} ${italian[2]} ${italian[3]}` : e164;
}
