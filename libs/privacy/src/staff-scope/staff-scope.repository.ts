import { AccessService, AuthenticatedUser, COMUNE_STAFF_ROLES } from '@prossimo/identity';
import { DomainError } from '@prossimo/platform';
import { EntityManager } from 'typeorm';

/*
 * Module functions (as territory's territory-of.repository.ts) for the staff's reach over a person:
 * they read requests' needs and beneficiaries, directory's volunteer_profiles and territory's
 * territory_comuni, to move to their owners' repositories.
 */

/** The Comuni where a person is known: their own needs (not desk ones they entered), and volunteering. */
export function comuniOfPerson(manager: EntityManager, userId: string): Promise<{ istat: string }[]> {
  return manager.query(
    `SELECT n.comune_istat AS istat FROM needs n LEFT JOIN beneficiaries b ON b.id = n.beneficiary_id
      WHERE (n.author_user_id = $1 AND n.source <> 'desk') OR b.user_id = $1
     UNION SELECT comune_istat FROM volunteer_profiles WHERE user_id = $1`,
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
  const [covering]: { territory_id: string }[] = await manager.query(
    `SELECT territory_id FROM territory_comuni
      WHERE comune_istat = ANY($1::char(6)[]) AND territory_id = ANY($2::uuid[])
      ORDER BY territory_id LIMIT 1`,
    [comuni.map((comune) => comune.istat), scope.territoryIds],
  );
  if (!covering) throw new DomainError('FORBIDDEN', { field });
  return covering.territory_id;
}
