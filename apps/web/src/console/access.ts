import type { Role } from '../gql/graphql';

/** The console's areas and who opens them (the api checks again, per territory). */
export const AREA_ROLES = {
  desk: ['COMUNE_OPERATOR'],
  followUp: ['COMUNE_OPERATOR', 'COMUNE_MODERATOR'],
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
