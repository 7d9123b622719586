import { ACTIVE_NEED_STATUSES } from '../citizen/needs/need-text';
import { CITIZEN_PATHS } from '../citizen/paths';
import { organisationPath } from '../console/organisation/paths';
import { type EngagementStatusName, isCurrent } from '../volunteer/engagements/engagement-rules';
import { VOLUNTEER_PATHS } from '../volunteer/paths';

/** One line of "Da fare adesso": what waits for the person, and where they answer it. */
export interface ToDo {
  key:
    | 'toConfirm'
    | 'helpComing'
    | 'proposals'
    | 'commitments'
    | 'callsAccepted'
    | 'organisationRequests'
    | 'callAnswers'
    | 'unmatched'
    | 'openLong'
    | 'comuneCallAnswers'
    | 'toReview'
    | 'accreditations'
    | 'notifications'
    | 'activeNeeds';
  count: number;
  /** More than `count` wait: the first page was full ("Più di 20 …"). */
  more: boolean;
  path: string;
  /** The organisation the line is about (its requests or its calls' answers), named in the line. */
  organisation?: string;
  /** When the first of the line's helps or commitments starts (ISO), named in the line. */
  when?: string;
  /** The call the line names first (its title). */
  title?: string;
}

/** The first page of a staff list: how many it held, and whether there is more. */
export interface FirstPage {
  items: readonly unknown[];
  pageInfo: { hasNextPage: boolean };
}

/**
 * What waits in one of the person's organisations: the requests proposed to it (first page), and
 * for its admins, who decide them, its calls with volunteers' answers to decide (first page).
 */
export interface OrganisationToDo {
  organisation: { id: string; name: string };
  pending: FirstPage;
  callsToDecide?: CallsToDecide | null;
}

/** The first page of a publisher's calls with answers to decide, each with how many. */
export interface CallsToDecide {
  items: readonly { pendingAnswerCount?: number | null }[];
  pageInfo: { hasNextPage: boolean };
}

interface ToDoFacts {
  needs: readonly {
    id: string;
    status: string;
    engagement?: { status: string; startsAt?: string } | null;
  }[];
  proposals: readonly { status: string }[];
  /** Volunteers: their engagements (the list holds those where the person is the citizen too). */
  engagements?: readonly {
    id: string;
    status: EngagementStatusName;
    startsAt: string;
    helperUserId?: string | null;
  }[];
  userId?: string;
  /** Volunteers: their answers to calls, with each call's days and state. */
  callAnswers?: readonly {
    status: string;
    call: { title: string; startsOn: string; endsOn?: string | null; status: string };
  }[];
  /** Today in Rome ("YYYY-MM-DD"): a call accepted for days already past waits no more. */
  today?: string;
  unreadNotifications: number;
  /** Comune staff: open requests nobody could be found for (absent for everyone else). */
  unmatched?: FirstPage | null;
  /** Comune staff: requests open for a day or more, nobody having taken them yet. */
  openLong?: FirstPage | null;
  /** Comune staff: the Comune's own calls with volunteers' answers to decide. */
  comuneCallsToDecide?: CallsToDecide | null;
  /** Moderators: content waiting for review in their territories. */
  toReview?: FirstPage | null;
  /** Moderators: organisations' accreditation requests still open in their territories. */
  accreditations?: FirstPage | null;
  /** Organisations' members: each organisation's proposals waiting for an answer. */
  organisationRequests?: readonly OrganisationToDo[];
}

const counted = (page: FirstPage | null | undefined) => ({
  count: page?.items.length ?? 0,
  more: page?.pageInfo.hasNextPage ?? false,
});

/** The answers waiting on the first page of calls to decide. */
const answersToDecide = (calls: CallsToDecide | null | undefined) => ({
  count: (calls?.items ?? []).reduce((sum, call) => sum + (call.pendingAnswerCount ?? 0), 0),
  more: calls?.pageInfo.hasNextPage ?? false,
});

/**
 * What waits for the person who just signed in, most pressing first: a helper to confirm, when the
 * help agreed on comes, proposals
 * to answer and commitments to keep (volunteers, then each of the person's organisations, with its calls' answers to
 * decide), the staff's lists (requests nobody could be found for or open for a day, answers to the Comune's calls, content and accreditations to review), unread news,
 * then the requests still under way. Nothing waiting: no lines.
 */
export function toDoOf(facts: ToDoFacts): ToDo[] {
  const toConfirm = facts.needs.filter((need) => need.engagement?.status === 'AWAITING_CONFIRMATION').length;
  const proposals = facts.proposals.filter((proposal) => proposal.status === 'PENDING').length;
  const activeNeeds = facts.needs.filter((need) => ACTIVE_NEED_STATUSES.includes(need.status)).length;
  // The person's (or their relative's) help agreed on: when it comes, the soonest first.
  const helpComing = facts.needs
    .flatMap((need) =>
      need.engagement?.startsAt &&
      (need.engagement.status === 'CONFIRMED' || need.engagement.status === 'IN_PROGRESS')
        ? [{ needId: need.id, startsAt: need.engagement.startsAt }]
        : [],
    )
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const commitments = (facts.engagements ?? [])
    .filter((engagement) => engagement.helperUserId === facts.userId && isCurrent(engagement.status))
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  // Calls the volunteer was accepted for and that are still on: the soonest named.
  const today = facts.today ?? '';
  const callsAccepted = (facts.callAnswers ?? [])
    .filter(
      ({ status, call }) =>
        status === 'ACCEPTED' && (call.endsOn ? call.endsOn >= today : call.status === 'OPEN'),
    )
    .sort((a, b) => a.call.startsOn.localeCompare(b.call.startsOn));
  const all: ToDo[] = [
    { key: 'toConfirm', count: toConfirm, more: false, path: '/richieste' },
    {
      key: 'helpComing',
      count: helpComing.length,
      more: false,
      path: helpComing.length === 1 ? CITIZEN_PATHS.need(helpComing[0].needId) : CITIZEN_PATHS.needs,
      when: helpComing[0]?.startsAt,
    },
    { key: 'proposals', count: proposals, more: false, path: '/volontario/proposte' },
    // What the volunteer agreed to do, the first one named: one opens its page, more the list.
    {
      key: 'commitments',
      count: commitments.length,
      more: false,
      path:
        commitments.length === 1
          ? VOLUNTEER_PATHS.engagement(commitments[0].id)
          : VOLUNTEER_PATHS.engagements,
      when: commitments[0]?.startsAt,
    },
    {
      key: 'callsAccepted',
      count: callsAccepted.length,
      more: false,
      path: VOLUNTEER_PATHS.calls,
      title: callsAccepted[0]?.call.title,
    },
    // Proposals expire: an organisation's come right after the person's own.
    ...(facts.organisationRequests ?? []).flatMap(({ organisation, pending, callsToDecide }): ToDo[] => [
      {
        key: 'organisationRequests',
        ...counted(pending),
        path: organisationPath(organisation.id, 'requests'),
        organisation: organisation.name,
      },
      {
        key: 'callAnswers',
        ...answersToDecide(callsToDecide),
        path: organisationPath(organisation.id, 'calls'),
        organisation: organisation.name,
      },
    ]),
    { key: 'unmatched', ...counted(facts.unmatched), path: '/sportello/da-seguire' },
    { key: 'openLong', ...counted(facts.openLong), path: '/sportello/da-seguire' },
    { key: 'comuneCallAnswers', ...answersToDecide(facts.comuneCallsToDecide), path: '/sportello/chiamate' },
    { key: 'toReview', ...counted(facts.toReview), path: '/moderazione' },
    { key: 'accreditations', ...counted(facts.accreditations), path: '/moderazione/accreditamenti' },
    { key: 'notifications', count: facts.unreadNotifications, more: false, path: '/notifiche' },
    { key: 'activeNeeds', count: activeNeeds, more: false, path: '/richieste' },
  ];
  return all.filter((item) => item.count > 0);
}
