import type { Role } from '../gql/graphql';

/** The console's areas and who opens them (the api checks again, per territory). */
export const AREA_ROLES = {
  desk: ['COMUNE_OPERATOR'],
  followUp: ['COMUNE_OPERATOR', 'COMUNE_MODERATOR'],
  moderation: ['COMUNE_MODERATOR'],
  indicators: ['COMUNE_OPERATOR', 'COMUNE_MODERATOR', 'PLATFORM_ADMIN'],
} satisfies Record<string, Role[]>;

export type ConsoleArea = keyof typeof AREA_ROLES;

export function canOpen(area: ConsoleArea, roles: readonly Role[]): boolean {
  return AREA_ROLES[area].some((role: Role) => roles.includes(role));
}
