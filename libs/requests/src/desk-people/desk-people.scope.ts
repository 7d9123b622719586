import type { AccessService, TerritoryScope } from '@prossimo/identity';

/**
 * A SQL condition on beneficiary `b`: the person belongs to the scope's territories, by the Comune
 * where they were registered or the Comune of any of their needs (a person may move, or be helped
 * in the next Comune). Parameters are appended to `params`.
 */
export function personInScopeCondition(
  scope: TerritoryScope,
  access: AccessService,
  params: unknown[],
): string {
  const condition = access.comuneCondition(scope, 'place.istat', params);
  return `EXISTS (SELECT 1 FROM (SELECT b.registered_comune_istat AS istat
                                 UNION ALL SELECT n.comune_istat FROM needs n WHERE n.beneficiary_id = b.id) place
                   WHERE place.istat IS NOT NULL AND ${condition})`;
}
