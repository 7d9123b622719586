// Pure rules of what a call's publisher writes to the volunteers it accepted.

/** The words go by SMS too: three GSM-7 segments with the notice's own words around them. */
export const CALL_MESSAGE_MAX_LENGTH = 280;

/** A publisher writes to a call's volunteers at most this many times in 24 hours (each one an SMS). */
export const CALL_MESSAGES_PER_DAY = 10;

/** Seconds until the oldest message of the last 24 hours leaves the count; at least 1. */
export function callMessageRetryAfterSeconds(oldest: Date, now: Date): number {
  return Math.max(1, Math.ceil((oldest.getTime() + 24 * 3600_000 - now.getTime()) / 1000));
}
