import { ACTIVE_NEED_STATUSES } from '../citizen/needs/need-text';

/** One line of "Da fare adesso": what waits for the person, and where they answer it. */
export interface ToDo {
  key: 'toConfirm' | 'proposals' | 'notifications' | 'activeNeeds';
  count: number;
  path: string;
}

interface ToDoFacts {
  needs: readonly { status: string; engagement?: { status: string } | null }[];
  proposals: readonly { status: string }[];
  unreadNotifications: number;
}

/**
 * What waits for the person who just signed in, most pressing first: a helper to confirm, proposals
 * to answer (volunteers), unread news, then the requests still under way. Nothing waiting: no lines.
 */
export function toDoOf(facts: ToDoFacts): ToDo[] {
  const toConfirm = facts.needs.filter((need) => need.engagement?.status === 'AWAITING_CONFIRMATION').length;
  const proposals = facts.proposals.filter((proposal) => proposal.status === 'PENDING').length;
  const activeNeeds = facts.needs.filter((need) => ACTIVE_NEED_STATUSES.includes(need.status)).length;
  const all: ToDo[] = [
    { key: 'toConfirm', count: toConfirm, path: '/richieste' },
    { key: 'proposals', count: proposals, path: '/volontario/proposte' },
    { key: 'notifications', count: facts.unreadNotifications, path: '/notifiche' },
    { key: 'activeNeeds', count: activeNeeds, path: '/richieste' },
  ];
  return all.filter((item) => item.count > 0);
}
