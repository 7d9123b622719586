import type { Role } from '../gql/graphql';
import { useSession } from '../session/session';

/** Whether the signed-in person holds one of `roles` in the territory (platform admins: everywhere). */
export function holdsRoleIn(
  grants: readonly { role: Role; territoryId?: string | null }[],
  territoryId: string | undefined,
  roles: readonly Role[],
): boolean {
  if (grants.some((grant) => grant.role === 'PLATFORM_ADMIN')) return true;
  return (
    territoryId !== undefined &&
    grants.some((grant) => grant.territoryId === territoryId && roles.includes(grant.role))
  );
}

/**
 * The console's territory switch lists every territory the person works in; a page for one role
 * (the moderator's settings and audit) asks here whether that role is theirs in the chosen one.
 */
export function useHoldsRoleIn(territoryId: string | undefined, roles: readonly Role[]): boolean {
  const session = useSession();
  const grants = session.status === 'signedIn' ? session.session.user.roles : [];
  return holdsRoleIn(grants, territoryId, roles);
}
