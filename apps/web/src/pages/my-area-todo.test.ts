import { describe, expect, it } from 'vitest';
import { toDoOf } from './my-area-todo';

describe('what waits for the person in "La mia area"', () => {
  it('nothing waiting: no lines', () => {
    expect(toDoOf({ needs: [], proposals: [], unreadNotifications: 0 })).toEqual([]);
  });

  it('counts a helper to confirm, pending proposals, unread news and requests under way, most pressing first', () => {
    const todo = toDoOf({
      needs: [
        { status: 'MATCHED', engagement: { status: 'AWAITING_CONFIRMATION' } },
        { status: 'OPEN', engagement: null },
        { status: 'COMPLETED', engagement: { status: 'COMPLETED' } },
        { status: 'CANCELLED' },
      ],
      proposals: [{ status: 'PENDING' }, { status: 'PENDING' }, { status: 'DECLINED' }],
      unreadNotifications: 3,
    });
    expect(todo).toEqual([
      { key: 'toConfirm', count: 1, path: '/richieste' },
      { key: 'proposals', count: 2, path: '/volontario/proposte' },
      { key: 'notifications', count: 3, path: '/notifiche' },
      { key: 'activeNeeds', count: 2, path: '/richieste' },
    ]);
  });
});
