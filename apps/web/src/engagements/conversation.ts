import { type EngagementStatusName, isCurrent } from '../volunteer/engagements/engagement-rules';

/** The api's limit: a message may go by SMS (three segments with the relay's words around it). */
export const MESSAGE_MAX_LENGTH = 280;

/** The first page, and the most the api gives in one page when "earlier messages" is asked for. */
export const FIRST_PAGE = 20;
export const LONGEST_PAGE = 100;

export type MessageProblem = { kind: 'required' } | { kind: 'tooLong'; over: number };

/** What is wrong with a message before it is sent (the api checks the same and more). */
export function messageProblem(text: string): MessageProblem | null {
  const body = text.trim();
  if (!body) return { kind: 'required' };
  if (body.length > MESSAGE_MAX_LENGTH) return { kind: 'tooLong', over: body.length - MESSAGE_MAX_LENGTH };
  return null;
}

/** The api lists the newest first; a conversation reads from the oldest down to the form. */
export function oldestFirst<T>(newestFirst: readonly T[]): T[] {
  return [...newestFirst].reverse();
}

/** The api's default (ENGAGEMENT_MESSAGES_DAYS_AFTER_COMPLETION): a forgotten umbrella, a thank-you. */
const DAYS_AFTER_COMPLETION = 7;

/**
 * Whether to offer the form: while the engagement is live, and for a week after it was completed;
 * never after a cancellation or a no-show. The api decides in the end (and says why not).
 */
export function conversationOpen(
  status: EngagementStatusName,
  completedAt: string | null | undefined,
  now: Date,
): boolean {
  if (isCurrent(status)) return true;
  if (status !== 'COMPLETED' || !completedAt) return false;
  return now.getTime() < Date.parse(completedAt) + DAYS_AFTER_COMPLETION * 24 * 3600_000;
}
