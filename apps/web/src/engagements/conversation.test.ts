import { describe, expect, it } from 'vitest';
import { conversationOpen, MESSAGE_MAX_LENGTH, messageProblem, oldestFirst } from './conversation';

describe('a message before it is sent', () => {
  it('must say something: blanks alone are nothing', () => {
    expect(messageProblem('')).toEqual({ kind: 'required' });
    expect(messageProblem('   \n ')).toEqual({ kind: 'required' });
  });

  it('fits an SMS relay: at most 280 characters once trimmed, and says by how many it is over', () => {
    expect(messageProblem(`  ${'a'.repeat(MESSAGE_MAX_LENGTH)}  `)).toBeNull();
    expect(messageProblem('a'.repeat(MESSAGE_MAX_LENGTH + 3))).toEqual({ kind: 'tooLong', over: 3 });
  });
});

describe('the conversation', () => {
  it('reads from the oldest down (the api lists the newest first), leaving its input alone', () => {
    const newestFirst = ['third', 'second', 'first'];
    expect(oldestFirst(newestFirst)).toEqual(['first', 'second', 'third']);
    expect(newestFirst).toEqual(['third', 'second', 'first']);
  });
});

describe('whether the form is offered', () => {
  const now = new Date('2026-03-10T12:00:00Z');
  it('while the engagement is live', () => {
    for (const status of ['AWAITING_CONFIRMATION', 'CONFIRMED', 'IN_PROGRESS'] as const)
      expect(conversationOpen(status, null, now)).toBe(true);
  });

  it('for a week after it was completed, then no more', () => {
    expect(conversationOpen('COMPLETED', '2026-03-04T12:00:01Z', now)).toBe(true);
    expect(conversationOpen('COMPLETED', '2026-03-03T12:00:00Z', now)).toBe(false);
    expect(conversationOpen('COMPLETED', null, now)).toBe(false);
  });

  it('never after a cancellation or a no-show', () => {
    expect(conversationOpen('CANCELLED', null, now)).toBe(false);
    expect(conversationOpen('NO_SHOW', null, now)).toBe(false);
  });
});
