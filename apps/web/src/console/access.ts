import type { Role } from '../gql/graphql';

/** The roles of an organisation's members: its page is in their menus (the api checks the organisation). */
export const ORGANISATION_MEMBER_ROLES: Role[] = ['ORGANISATION_ADMIN', 'ORGANISATION_OPERATOR'];

/** The console's areas and who opens them (the api checks again, per territory). */
export const AREA_ROLES = {
  desk: ['COMUNE_OPERATOR'],
  followUp: ['COMUNE_OPERATOR', 'COMUNE_MODERATOR'],
  // The Comune's own calls for volunteers: any of its staff publishes and decides them.
  calls: ['COMUNE_OPERATOR', 'COMUNE_MODERATOR'],
  moderation: ['COMUNE_MODERATOR'],
  indicators: ['COMUNE_OPERATOR', 'COMUNE_MODERATOR', 'PLATFORM_ADMIN'],
  platform: ['PLATFORM_ADMIN'],
  // Anyone signed in may register an organisation; its members then see it here.
  organisation: [],
} satisfies Record<string, Role[]>;

export type ConsoleArea = keyof typeof AREA_ROLES;

export function canOpen(area: ConsoleArea, roles: readonly Role[]): boolean {
  const allowed: readonly Role[] = AREA_ROLES[area];
  return !allowed.length || allowed.some((role) => roles.includes(role));
}

/** A place of work a staff role or an organisation's membership opens, as "La mia area" offers it. */
export interface WorkArea {
  area: ConsoleArea;
  to: string;
}

const WORK_AREAS: WorkArea[] = [
  { area: 'desk', to: '/sportello' },
  { area: 'followUp', to: '/sportello/da-seguire' },
  { area: 'calls', to: '/sportello/chiamate' },
  { area: 'moderation', to: '/moderazione' },
  { area: 'organisation', to: '/ente' },
  { area: 'indicators', to: '/indicatori' },
  { area: 'platform', to: '/amministrazione' },
];

/**
 * The places of work the person's roles open, in the order of the menu. The organisation's page
 * opens to anyone (to register one), but it is a place of work only for its members.
 */
export function workAreasOf(roles: readonly Role[]): WorkArea[] {
  return WORK_AREAS.filter(({ area }) =>
    area === 'organisation'
      ? roles.some((role) => ORGANISATION_MEMBER_ROLES.includes(role))
      : canOpen(area, roles),
  );
}
