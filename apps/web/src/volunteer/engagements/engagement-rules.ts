/**
 * What the helper may do with an engagement in each status (the api enforces the same
 * transitions), and how the hours they type are read.
 */

export type EngagementStatusName =
  'AWAITING_CONFIRMATION' | 'CONFIRMED' | 'IN_PROGRESS' | 'COMPLETED' | 'CANCELLED' | 'NO_SHOW';

export interface HelperActions {
  start: boolean;
  complete: boolean;
  cancel: boolean;
  review: boolean;
}

export function helperActionsFor(status: EngagementStatusName, alreadyReviewed: boolean): HelperActions {
  return {
    start: status === 'CONFIRMED',
    complete: status === 'IN_PROGRESS',
    cancel: status === 'AWAITING_CONFIRMATION' || status === 'CONFIRMED' || status === 'IN_PROGRESS',
    review: status === 'COMPLETED' && !alreadyReviewed,
  };
}

/** Engagements still to be done come first in the list; the rest are history. */
export function isCurrent(status: EngagementStatusName): boolean {
  return status === 'AWAITING_CONFIRMATION' || status === 'CONFIRMED' || status === 'IN_PROGRESS';
}

export const MAX_HOURS_LOGGED = 24;

/**
 * Hours as people type them: "2", "2,5" (the Italian comma) or "2.5", "1:30". More than 0 and
 * at most 24, in quarters of an hour at most (the api stores what it is given; quarters keep
 * the totals readable).
 */
export function parseHours(text: string): { hours: number } | { error: 'required' | 'invalid' | 'range' } {
  const value = text.trim();
  if (!value) return { error: 'required' };
  let hours: number;
  const clock = /^(\d{1,2}):([0-5]\d)$/.exec(value);
  if (clock) hours = Number(clock[1]) + Number(clock[2]) / 60;
  else if (/^\d{1,2}([.,]\d{1,2})?$/.test(value)) hours = Number(value.replace(',', '.'));
  else return { error: 'invalid' };
  if (hours <= 0 || hours > MAX_HOURS_LOGGED) return { error: 'range' };
  return { hours: Math.round(hours * 4) / 4 || 0.25 };
}
