// Rome's wall clock for typed dates and times (the volunteer's availability, the console's batch days). The web
// app cannot import the api's libraries, so this is the same arithmetic as the api's time-windows (fromLocal), kept small.

/** The zone of every date and time the app shows or reads: the help happens in Italy. */
export const ROME_TIME_ZONE = 'Europe/Rome';

const calendarDateFormat = new Intl.DateTimeFormat('en-CA', { timeZone: ROME_TIME_ZONE });

/** The calendar date (YYYY-MM-DD) on Rome's clock at an instant. */
export function romeCalendarDate(instant: Date): string {
  return calendarDateFormat.format(instant);
}

const clockFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: ROME_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** Rome's offset from UTC at an instant, in milliseconds (CET +1 h, CEST +2 h). */
function offsetAt(instant: number): number {
  const parts = Object.fromEntries(
    clockFormat.formatToParts(new Date(instant)).map((part) => [part.type, part.value]),
  );
  const wall = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
  );
  return wall - Math.floor(instant / 60_000) * 60_000;
}

/** The instant when Rome's clock shows `clock` ("HH:MM", "24:00" = next midnight) on `date` ("YYYY-MM-DD"). */
export function romeInstant(date: string, clock: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  const [hours, minutes] = clock.split(':').map(Number);
  const asUtc = Date.UTC(year, month - 1, day, hours, minutes);
  // Two rounds: the offset at the first guess can differ from the offset at the answer near a change.
  const firstGuess = asUtc - offsetAt(asUtc);
  return new Date(asUtc - offsetAt(firstGuess));
}
