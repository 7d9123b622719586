// Pure rules of what a call's publisher writes to the volunteers it accepted.
import { addDays } from '../availability/time-windows';

/** The words go by SMS too: three GSM-7 segments with the notice's own words around them. */
export const CALL_MESSAGE_MAX_LENGTH = 280;

/** A publisher writes to a call's volunteers at most this many times in 24 hours (each one an SMS). */
export const CALL_MESSAGES_PER_DAY = 10;

/** Seconds until the oldest message of the last 24 hours leaves the count; at least 1. */
export function callMessageRetryAfterSeconds(oldest: Date, now: Date): number {
  return Math.max(1, Math.ceil((oldest.getTime() + 24 * 3600_000 - now.getTime()) / 1000));
}

/**
 * A message about a call that starts tomorrow or is under way today ("we meet at 8:30") is news of
 * the moment: its SMS goes out also during the volunteers' quiet hours. Others wait for the
 * morning, as does any message of an always-open call. Days are Rome calendar dates, "YYYY-MM-DD".
 */
export function callMessageIsUrgent(
  call: { startsOn: string; endsOn: string | null; alwaysOpen: boolean },
  today: string,
): boolean {
  if (call.alwaysOpen) return false;
  const lastDay = call.endsOn ?? call.startsOn;
  return addDays(call.startsOn, -1) <= today && today <= lastDay;
}
