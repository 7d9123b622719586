import { Random } from './random';
import type { Comune, SeededWorld } from './seed';

export const SEARCH_PAGE_SIZE = 20;
export const SEARCH_RADIUS_KM = 10;

export type Operation =
  | 'search'
  | 'myNeeds'
  | 'myProposals'
  | 'myNotifications'
  | 'me'
  | 'postNeed'
  | 'acceptProposal'
  | 'addAvailability';

/** The mix: 70% reads, 30% writes (weights in percent), as issue 8 lists them. */
export const MIX: readonly { operation: Operation; weight: number; write: boolean }[] = [
  { operation: 'search', weight: 30, write: false },
  { operation: 'myNeeds', weight: 10, write: false },
  { operation: 'myProposals', weight: 10, write: false },
  { operation: 'myNotifications', weight: 10, write: false },
  { operation: 'me', weight: 10, write: false },
  { operation: 'postNeed', weight: 10, write: true },
  { operation: 'acceptProposal', weight: 10, write: true },
  { operation: 'addAvailability', weight: 10, write: true },
];

const SEARCH = `query Search($near: NearInput!, $first: Int!) {
  searchServiceOffers(filter: { near: $near }, first: $first) {
    items { id title category distanceKm price { model unit amountCents } organisation { id name } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const MY_NEEDS = `query MyNeeds { myNeeds(first: 10) {
  items { id status category description windowStart windowEnd visibleToHelpers }
  pageInfo { hasNextPage endCursor }
} }`;
const MY_NOTIFICATIONS = `query MyNotifications { myNotifications(first: 10) {
  items { id event body createdAt readAt } unreadCount pageInfo { hasNextPage }
} }`;
const MY_PROPOSALS = `query MyProposals { myProposals(first: 10) {
  items { id needId status rank distanceKm expiresAt }
  pageInfo { hasNextPage endCursor }
} }`;
const ACCEPT_PROPOSAL = `mutation Accept($id: ID!) {
  acceptProposal(input: { proposalId: $id }) { id status startsAt endsAt }
}`;
const ME = `query Me { me { id displayName language roles { role } } }`;
const POST_NEED = `mutation PostNeed($input: PostNeedInput!) { postNeed(input: $input) { id status comuneIstat } }`;
const ADD_AVAILABILITY = `mutation AddWindow($input: AvailabilityWindowInput!) {
  addAvailabilityWindow(input: $input) { id kind startsAt endsAt }
}`;

const NEED_CATEGORIES = ['HOME_HELP', 'SHOPPING_AND_DELIVERY', 'COMPANIONSHIP', 'DIGITAL_HELP', 'OTHER'];
const NEED_TEXTS = [
  'Mi serve aiuto per portare la spesa al terzo piano.',
  'Cerco compagnia per una passeggiata il pomeriggio.',
  'Aiuto per prenotare una visita sul Fascicolo Sanitario.',
  'Serve una mano a sistemare il giardino.',
];

export interface GraphQLRequest {
  operation: Operation;
  token: string;
  body: string;
}

/** A point near a Comune centre, as a citizen's phone would send it. */
export function pointNear(random: Random, comuni: readonly Comune[], spreadDegrees: number) {
  const comune = random.pick(comuni);
  return {
    lat: Math.round((comune.lat + random.between(-spreadDegrees, spreadDegrees)) * 1e5) / 1e5,
    lon: Math.round((comune.lon + random.between(-spreadDegrees, spreadDegrees)) * 1e5) / 1e5,
  };
}

/** Builds requests from a seeded generator: the same seed replays the same operations and inputs. */
export class Workload {
  private readonly cumulative: { operation: Operation; upTo: number }[] = [];

  constructor(
    private readonly world: SeededWorld,
    private readonly random: Random,
    /** ms since the epoch that the requests' times count from (a fixed weekday, see main.ts). */
    private readonly anchor: number,
  ) {
    let total = 0;
    for (const entry of MIX) {
      total += entry.weight;
      this.cumulative.push({ operation: entry.operation, upTo: total });
    }
  }

  next(): GraphQLRequest {
    const roll = this.random.next() * 100;
    const operation = (this.cumulative.find((entry) => roll < entry.upTo) ?? this.cumulative[0]).operation;
    return this.build(operation);
  }

  build(operation: Operation): GraphQLRequest {
    const random = this.random;
    const volunteers = operation === 'addAvailability' || operation === 'myProposals';
    const token = random.pick(volunteers ? this.world.volunteerTokens : this.world.citizenTokens);
    switch (operation) {
      case 'search':
        return {
          operation,
          token,
          body: graphql(SEARCH, { near: this.searchPoint(), first: SEARCH_PAGE_SIZE }),
        };
      case 'myNeeds':
        return { operation, token, body: graphql(MY_NEEDS) };
      case 'myProposals':
        return { operation, token, body: graphql(MY_PROPOSALS) };
      case 'acceptProposal': {
        // Each seeded proposal is accepted once; should a long run use them all, it reads instead.
        const next = this.world.pendingProposals.shift();
        if (!next) return this.build('myProposals');
        return { operation, token: next.token, body: graphql(ACCEPT_PROPOSAL, { id: next.proposalId }) };
      }
      case 'myNotifications':
        return { operation, token, body: graphql(MY_NOTIFICATIONS) };
      case 'me':
        return { operation, token, body: graphql(ME) };
      case 'postNeed': {
        const start = this.anchor + (1 + random.int(72)) * 3_600_000;
        const input = {
          category: random.pick(NEED_CATEGORIES),
          description: random.pick(NEED_TEXTS),
          location: pointNear(random, this.world.comuni, 0.01),
          windowStart: new Date(start).toISOString(),
          windowEnd: new Date(start + (1 + random.int(4)) * 3_600_000).toISOString(),
          urgency: random.pick(['LOW', 'NORMAL', 'HIGH']),
        };
        return { operation, token, body: graphql(POST_NEED, { input }) };
      }
      case 'addAvailability': {
        const start = this.anchor + (1 + random.int(27 * 24)) * 3_600_000;
        const input = {
          oneOff: {
            startsAt: new Date(start).toISOString(),
            endsAt: new Date(start + 2 * 3_600_000).toISOString(),
          },
        };
        return { operation, token, body: graphql(ADD_AVAILABILITY, { input }) };
      }
    }
  }

  /** The same points feed the api search and the baseline. */
  searchPoint(): { lat: number; lon: number; radiusKm: number } {
    return { ...pointNear(this.random, this.world.comuni, 0.02), radiusKm: SEARCH_RADIUS_KM };
  }
}

function graphql(query: string, variables?: Record<string, unknown>): string {
  return JSON.stringify(variables ? { query, variables } : { query });
}

/** An answer counts as good only when it is 2xx, JSON, has data and no errors. */
export function graphqlFailure(status: number, body: string): string | null {
  if (status < 200 || status >= 300) return `HTTP ${status}`;
  try {
    const parsed = JSON.parse(body) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
    if (parsed.errors?.length) return parsed.errors[0].extensions?.code ?? 'GRAPHQL_ERROR';
    if (!parsed.data) return 'NO_DATA';
    return null;
  } catch {
    return 'NOT_JSON';
  }
}
