import { describe, expect, it } from 'vitest';
import { toDoOf } from './my-area-todo';

const page = (size: number, hasNextPage = false) => ({
  items: Array.from({ length: size }, (_, index) => ({ id: String(index) })),
  pageInfo: { hasNextPage },
});

describe('what waits for the person in "La mia area"', () => {
  it('nothing waiting: no lines', () => {
    expect(toDoOf({ needs: [], proposals: [], unreadNotifications: 0 })).toEqual([]);
    expect(
      toDoOf({ needs: [], proposals: [], unreadNotifications: 0, unmatched: page(0), toReview: null }),
    ).toEqual([]);
  });

  it('counts a helper to confirm, help coming, pending proposals, unread news and requests under way, most pressing first', () => {
    const todo = toDoOf({
      needs: [
        { id: 'n1', status: 'MATCHED', engagement: { status: 'AWAITING_CONFIRMATION' } },
        { id: 'n2', status: 'OPEN', engagement: null },
        {
          id: 'n3',
          status: 'COMPLETED',
          engagement: { status: 'COMPLETED', startsAt: '2026-12-01T08:00:00Z' },
        },
        { id: 'n4', status: 'CANCELLED' },
        {
          id: 'n5',
          status: 'MATCHED',
          engagement: { status: 'CONFIRMED', startsAt: '2026-12-15T08:00:00Z' },
        },
      ],
      proposals: [{ status: 'PENDING' }, { status: 'PENDING' }, { status: 'DECLINED' }],
      unreadNotifications: 3,
    });
    expect(todo).toEqual([
      { key: 'toConfirm', count: 1, more: false, path: '/richieste' },
      // One help agreed on: its request's page, with when it comes.
      { key: 'helpComing', count: 1, more: false, path: '/richieste/n5', when: '2026-12-15T08:00:00Z' },
      { key: 'proposals', count: 2, more: false, path: '/volontario/proposte' },
      { key: 'notifications', count: 3, more: false, path: '/notifiche' },
      { key: 'activeNeeds', count: 3, more: false, path: '/richieste' },
    ]);
  });

  it('names the soonest of several helps coming and opens the list', () => {
    const needs = [
      {
        id: 'later',
        status: 'MATCHED',
        engagement: { status: 'CONFIRMED', startsAt: '2026-12-20T08:00:00Z' },
      },
      {
        id: 'now',
        status: 'IN_PROGRESS',
        engagement: { status: 'IN_PROGRESS', startsAt: '2026-12-07T08:00:00Z' },
      },
    ];
    expect(toDoOf({ needs, proposals: [], unreadNotifications: 0 })[0]).toEqual({
      key: 'helpComing',
      count: 2,
      more: false,
      path: '/richieste',
      when: '2026-12-07T08:00:00Z',
    });
  });

  it('puts the staff’s lists before the news, and says when the first page was full', () => {
    const todo = toDoOf({
      needs: [],
      proposals: [],
      unreadNotifications: 1,
      unmatched: page(2),
      openLong: page(3),
      // The Comune's calls: 2 + 3 answers on the first page, and more calls after it.
      comuneCallsToDecide: {
        items: [{ pendingAnswerCount: 2 }, { pendingAnswerCount: 3 }],
        pageInfo: { hasNextPage: true },
      },
      toReview: page(20, true),
      accreditations: page(1),
    });
    expect(todo).toEqual([
      { key: 'unmatched', count: 2, more: false, path: '/sportello/da-seguire' },
      { key: 'openLong', count: 3, more: false, path: '/sportello/da-seguire' },
      { key: 'comuneCallAnswers', count: 5, more: true, path: '/sportello/chiamate' },
      { key: 'toReview', count: 20, more: true, path: '/moderazione' },
      { key: 'accreditations', count: 1, more: false, path: '/moderazione/accreditamenti' },
      { key: 'notifications', count: 1, more: false, path: '/notifiche' },
    ]);
  });

  it('names each organisation with requests to answer, right after the person’s own proposals', () => {
    const todo = toDoOf({
      needs: [],
      proposals: [{ status: 'PENDING' }],
      unreadNotifications: 0,
      unmatched: page(1),
      organisationRequests: [
        {
          organisation: { id: 'org-1', name: 'Cooperativa Aurora' },
          pending: page(3),
          // Its admin sees the calls' answers: 2 + 1 on the first page, which is all of them.
          callsToDecide: {
            items: [{ pendingAnswerCount: 2 }, { pendingAnswerCount: 1 }],
            pageInfo: { hasNextPage: false },
          },
        },
        { organisation: { id: 'org-2', name: 'Auser Alba' }, pending: page(0), callsToDecide: null },
        {
          organisation: { id: 'org-3', name: 'Croce Verde' },
          pending: page(20, true),
          callsToDecide: { items: [{ pendingAnswerCount: 4 }], pageInfo: { hasNextPage: true } },
        },
      ],
    });
    expect(todo).toEqual([
      { key: 'proposals', count: 1, more: false, path: '/volontario/proposte' },
      {
        key: 'organisationRequests',
        count: 3,
        more: false,
        path: '/ente/org-1/richieste',
        organisation: 'Cooperativa Aurora',
      },
      {
        key: 'callAnswers',
        count: 3,
        more: false,
        path: '/ente/org-1/chiamate',
        organisation: 'Cooperativa Aurora',
      },
      {
        key: 'organisationRequests',
        count: 20,
        more: true,
        path: '/ente/org-3/richieste',
        organisation: 'Croce Verde',
      },
      // More calls with answers after the first page: more than the 4 counted.
      { key: 'callAnswers', count: 4, more: true, path: '/ente/org-3/chiamate', organisation: 'Croce Verde' },
      { key: 'unmatched', count: 1, more: false, path: '/sportello/da-seguire' },
    ]);
  });

  it('names the volunteer’s first commitment still to do: one opens its page, several the list', () => {
    const engagement = (
      id: string,
      status: 'CONFIRMED' | 'COMPLETED' | 'IN_PROGRESS',
      startsAt: string,
      helperUserId = 'me',
    ) => ({
      id,
      status,
      startsAt,
      helperUserId,
    });
    const toDoWith = (...engagements: ReturnType<typeof engagement>[]) =>
      toDoOf({ needs: [], proposals: [], unreadNotifications: 0, userId: 'me', engagements });
    expect(
      toDoWith(
        engagement('done', 'COMPLETED', '2026-12-01T08:00:00.000Z'),
        engagement('soon', 'CONFIRMED', '2026-12-15T08:00:00.000Z'),
        // Where the person is the citizen, not the helper: not a commitment of theirs.
        engagement('theirs', 'CONFIRMED', '2026-12-10T08:00:00.000Z', 'someone-else'),
      ),
    ).toEqual([
      {
        key: 'commitments',
        count: 1,
        more: false,
        path: '/volontario/impegni/soon',
        when: '2026-12-15T08:00:00.000Z',
      },
    ]);
    expect(
      toDoWith(
        engagement('later', 'CONFIRMED', '2026-12-20T08:00:00.000Z'),
        engagement('now', 'IN_PROGRESS', '2026-12-07T08:00:00.000Z'),
      ),
    ).toEqual([
      {
        key: 'commitments',
        count: 2,
        more: false,
        path: '/volontario/impegni',
        when: '2026-12-07T08:00:00.000Z',
      },
    ]);
  });

  it('names the soonest call the volunteer was accepted for, while it is still on', () => {
    const answer = (
      status: string,
      title: string,
      startsOn: string,
      endsOn: string | null,
      callStatus = 'OPEN',
    ) => ({
      status,
      call: { title, startsOn, endsOn, status: callStatus },
    });
    const toDoWith = (...callAnswers: ReturnType<typeof answer>[]) =>
      toDoOf({ needs: [], proposals: [], unreadNotifications: 0, today: '2026-12-07', callAnswers });
    expect(
      toDoWith(
        answer('ACCEPTED', 'Pacchi del sabato', '2026-12-12', '2026-12-12'),
        // Closed to new answers, but its day is still to come: still on.
        answer('ACCEPTED', 'Festa dei nonni', '2026-12-07', '2026-12-07', 'CLOSED'),
        // Past, waiting for a decision, declined, or an always-open call closed: not lines.
        answer('ACCEPTED', 'Castagnata', '2026-11-01', '2026-12-06'),
        answer('PENDING', 'Mercatino', '2026-12-08', '2026-12-08'),
        answer('DECLINED', 'Cena solidale', '2026-12-09', '2026-12-09'),
        answer('ACCEPTED', 'Sportello compiti', '2026-01-10', null, 'CLOSED'),
      ),
    ).toEqual([
      { key: 'callsAccepted', count: 2, more: false, path: '/volontario/chiamate', title: 'Festa dei nonni' },
    ]);
    // An always-open call still open keeps its line.
    expect(toDoWith(answer('ACCEPTED', 'Sportello compiti', '2026-01-10', null))).toEqual([
      {
        key: 'callsAccepted',
        count: 1,
        more: false,
        path: '/volontario/chiamate',
        title: 'Sportello compiti',
      },
    ]);
  });
});
