import { ROME_TIME_ZONE, wallClockOf } from '@prossimo/platform/rules';

/** Quiet hours are set in Italian local time, whatever the server's zone. */
export const QUIET_HOURS_TIME_ZONE = ROME_TIME_ZONE;

/** "HH:MM" → minutes after midnight. */
export function minutesOfDay(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

interface LocalParts {
  year: number;
  month: number;
  day: number;
  minutes: number;
}

function localParts(at: Date, timeZone: string): LocalParts {
  const clock = wallClockOf(at, timeZone);
  return { year: clock.year, month: clock.month, day: clock.day, minutes: clock.hour * 60 + clock.minute };
}

/** The instant at which the wall clock in `timeZone` shows the given local date and time. */
export function zonedTime(
  date: { year: number; month: number; day: number },
  minutes: number,
  timeZone: string,
): Date {
  const guess = Date.UTC(date.year, date.month - 1, date.day, Math.floor(minutes / 60), minutes % 60);
  // Two passes settle the offset also on the days the clocks change.
  let instant = guess;
  for (let pass = 0; pass < 2; pass++) {
    const local = localParts(new Date(instant), timeZone);
    const shown = Date.UTC(
      local.year,
      local.month - 1,
      local.day,
      Math.floor(local.minutes / 60),
      local.minutes % 60,
    );
    instant += guess - shown;
  }
  return new Date(instant);
}

/**
 * When a message written at `now` may go out: null if `now` is outside the quiet hours, else the
 * end of the quiet period (the next morning, or later this morning). Start may be after end
 * (21:00–08:00, over midnight) or before it (13:00–15:00); equal times mean no quiet hours.
 */
export function quietHoursRelease(
  now: Date,
  quietStart: string,
  quietEnd: string,
  timeZone = QUIET_HOURS_TIME_ZONE,
): Date | null {
  const start = minutesOfDay(quietStart);
  const end = minutesOfDay(quietEnd);
  if (start === end) return null;
  const local = localParts(now, timeZone);
  const overMidnight = start > end;
  const inside = overMidnight
    ? local.minutes >= start || local.minutes < end
    : local.minutes >= start && local.minutes < end;
  if (!inside) return null;
  // Evening part of an overnight window: release tomorrow morning, else later today.
  const releaseTomorrow = overMidnight && local.minutes >= start;
  const day = new Date(Date.UTC(local.year, local.month - 1, local.day + (releaseTomorrow ? 1 : 0)));
  return zonedTime(
    { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() },
    end,
    timeZone,
  );
}
