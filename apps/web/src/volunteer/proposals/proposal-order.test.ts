import { describe, expect, it } from 'vitest';
import { pendingByDeadline } from './proposal-order';

describe('the proposals still to answer', () => {
  it('puts the one due first on top and leaves out those already answered, without touching the list', () => {
    const newestFirst = [
      { id: 'newest', status: 'PENDING', expiresAt: '2026-03-10T12:00:00Z' },
      { id: 'accepted', status: 'ACCEPTED', expiresAt: '2026-03-10T09:00:00Z' },
      { id: 'due-first', status: 'PENDING', expiresAt: '2026-03-10T10:55:00Z' },
    ];
    expect(pendingByDeadline(newestFirst).map((proposal) => proposal.id)).toEqual(['due-first', 'newest']);
    expect(newestFirst.map((proposal) => proposal.id)).toEqual(['newest', 'accepted', 'due-first']);
  });
});
