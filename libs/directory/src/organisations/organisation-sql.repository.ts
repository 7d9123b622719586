import { firstRow, Queryable } from '@prossimo/platform';
import { joinTerritoryComuniSql } from '@prossimo/territory';

// SQL parts of directory's organisations and accreditations for other libraries' statements
// (issue 19: the table names stay in the owner's files).

/** Joins the organisation `alias` whose id is `organisationIdColumn` (LEFT JOIN: nulls when there is none). */
export const joinOrganisationSql = (
  alias: string,
  organisationIdColumn: string,
  join: 'JOIN' | 'LEFT JOIN' = 'JOIN',
): string => `${join} organisations ${alias} ON ${alias}.id = ${organisationIdColumn}`;

/** The name of the organisation whose id is the SQL `organisationIdColumn` (a scalar subquery; null for none). */
export const organisationNameSql = (organisationIdColumn: string): string =>
  `(SELECT o.name FROM organisations o WHERE o.id = ${organisationIdColumn})`;

/**
 * SQL condition: the organisation whose id is the SQL `organisationIdColumn` is accredited in a
 * territory covering the Comune `comuneIstat` (SQL). The accreditation is `oa`, its territory's
 * Comuni `atc`.
 */
export const organisationAccreditedForComuneSql = (
  organisationIdColumn: string,
  comuneIstat: string,
): string =>
  `EXISTS (SELECT 1 FROM organisation_accreditations oa ${joinTerritoryComuniSql('atc', 'oa.territory_id')}
       WHERE oa.organisation_id = ${organisationIdColumn} AND oa.status = 'accredited' AND atc.comune_istat = ${comuneIstat})`;

/** Whether there is an organisation with this id (a volunteer's affiliation is checked with it). */
export async function organisationExists(db: Queryable, organisationId: string): Promise<boolean> {
  return (
    (await firstRow<unknown>(db, `SELECT 1 FROM organisations WHERE id = $1`, [organisationId])) !== undefined
  );
}
