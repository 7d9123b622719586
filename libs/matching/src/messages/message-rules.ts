// Pure rules of the messages between an engagement's parties.
import { EngagementStatus } from '../engagements/engagement-rules';
import type { HeldReason } from '@prossimo/reputation/rules';

/** A message may go by SMS: three GSM-7 segments with the relay's own words around it. */
export const MESSAGE_MAX_LENGTH = 280;

export enum MessageSide {
  HELPER = 'helper',
  CITIZEN = 'citizen',
  STAFF = 'staff',
}

const OPEN_STATUSES: readonly EngagementStatus[] = [
  EngagementStatus.AWAITING_CONFIRMATION,
  EngagementStatus.CONFIRMED,
  EngagementStatus.IN_PROGRESS,
];

/**
 * The parties may write while the engagement is live, and for `daysAfter` days after it was
 * completed (a forgotten umbrella, a thank-you); never after a cancellation or a no-show.
 */
export function messagesOpen(
  status: EngagementStatus,
  completedAt: Date | null,
  now: Date,
  daysAfter: number,
): boolean {
  if (OPEN_STATUSES.includes(status)) return true;
  if (status !== EngagementStatus.COMPLETED || !completedAt) return false;
  return now.getTime() < completedAt.getTime() + daysAfter * 24 * 3600_000;
}

/**
 * Why a message is held for a moderator. As for review comments, but a health word is not a
 * reason: the message is private between the parties (and stored encrypted), who may need to say
 * where the appointment is. A number, an address or an insult is held: contact stays in Prossimo.
 */
export function messageHeldReasons(screened: readonly HeldReason[]): HeldReason[] {
  return screened.filter((reason) => reason !== 'health');
}

/** Seconds until the oldest message of the last hour leaves the window; at least 1. */
export function retryAfterSeconds(oldestInHour: Date, now: Date): number {
  return Math.max(1, Math.ceil((oldestInHour.getTime() + 3600_000 - now.getTime()) / 1000));
}

/**
 * A message about help due within a day (or under way) is news of the moment: its SMS goes out
 * also during the recipient's quiet hours ("I am ten minutes late"); others wait for the morning.
 */
export function messageIsUrgent(status: EngagementStatus, startsAt: Date, now: Date): boolean {
  if (status === EngagementStatus.IN_PROGRESS) return true;
  return OPEN_STATUSES.includes(status) && startsAt.getTime() - now.getTime() < 24 * 3600_000;
}
