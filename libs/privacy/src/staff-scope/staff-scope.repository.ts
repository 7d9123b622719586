import { VOLUNTEER_PROFILES_AS_V } from '@prossimo/community';
import { AccessService, AuthenticatedUser, COMUNE_STAFF_ROLES } from '@prossimo/identity';
import { DomainError } from '@prossimo/platform';
import { joinBeneficiaryOfNeedSql, NEEDS_AS_N } from '@prossimo/requests';
import { firstTerritoryCovering } from '@prossimo/territory';
import { EntityManager } from 'typeorm';

/*
 * Module functions (as territory's territory-of.repository.ts) for the staff's reach over a person,
 * made of the owners' parts and functions: requests' needs and beneficiaries (NEEDS_AS_N,
 * joinBeneficiaryOfNeedSql), community's volunteer profiles (VOLUNTEER_PROFILES_AS_V) and
 * territory's firstTerritoryCovering.
 */

/** The Comuni where a person is known: their own needs (not desk ones they entered), and volunteering. */
export function comuniOfPerson(manager: EntityManager, userId: string): Promise<{ istat: string }[]> {
  return manager.query(
    `SELECT n.comune_istat AS istat FROM ${NEEDS_AS_N} ${joinBeneficiaryOfNeedSql()}
      WHERE (n.author_user_id = $1 AND n.source <> 'desk') OR b.user_id = $1
     UNION SELECT v.comune_istat FROM ${VOLUNTEER_PROFILES_AS_V} WHERE v.user_id = $1`,
    [userId],
  );
}

/**
 * The staff member's territory covering one of the Comuni (for the audit log, so that its
 * moderators see the action); null for a platform admin. FORBIDDEN (naming the field) when
 * none does, also when the person has no need and no profile anywhere.
 */
export async function staffTerritoryCovering(
  access: AccessService,
  manager: EntityManager,
  staff: AuthenticatedUser,
  comuni: { istat: string }[],
  field: string,
): Promise<string | null> {
  const scope = access.scope(staff, COMUNE_STAFF_ROLES);
  if (scope.all) return null;
  const covering = await firstTerritoryCovering(
    manager,
    comuni.map((comune) => comune.istat),
    scope.territoryIds,
  );
  if (!covering) throw new DomainError('FORBIDDEN', { field });
  return covering;
}
