// The api's own wall-clock arithmetic (pure, no server dependency): one rule for Rome's clock
// on both sides, daylight saving included.
import { fromLocal, parseClock } from '../../../../../libs/community/src/availability/time-windows';

/** The instant when Rome's clock shows `clock` ("HH:MM", "24:00" = next midnight) on `date` ("YYYY-MM-DD"). */
export function romeInstant(date: string, clock: string): Date {
  return fromLocal(date, parseClock(clock) ?? 0);
}
