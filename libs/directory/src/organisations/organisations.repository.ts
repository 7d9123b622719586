import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { organisationsWithRolesSql, Role } from '@prossimo/identity';
import { firstRow, firstValue, Queryable, queryPrepared } from '@prossimo/platform';
import { DataSource } from 'typeorm';
import { Organisation, OrganisationKind, RuntsSection } from '../directory.types';

export const ORGANISATION_COLUMNS = `o.id, o.kind, o.runts_section AS "runtsSection", o.runts_number AS "runtsNumber",
  o.name, o.codice_fiscale AS "codiceFiscale", o.partita_iva AS "partitaIva", o.contact_phone AS "contactPhone",
  o.contact_email AS "contactEmail", o.description, o.home_comune_istat AS "homeComuneIstat",
  o.created_at AS "createdAt"`;

/** The columns of a new organisation, checked and normalised by the service. */
export interface NewOrganisation {
  kind: OrganisationKind;
  runtsSection: RuntsSection | null;
  runtsNumber: string | null;
  name: string;
  codiceFiscale: string;
  partitaIva: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  description: string;
  homeComuneIstat: string;
  createdByUserId: string;
}

/** Appends a territory condition on `column` to `params` and answers its SQL (AccessService.territoryCondition). */
export type TerritoryConditionOf = (column: string, params: unknown[]) => string;

/** The organisations table, and the membership and accreditation checks made on an organisation. */
@Injectable()
export class OrganisationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The organisations of these ids, in any order. Every catalogue page runs it: prepared like the search itself. */
  findOrganisations(ids: readonly string[]): Promise<Organisation[]> {
    return queryPrepared<Organisation>(
      this.dataSource,
      `SELECT ${ORGANISATION_COLUMNS} FROM organisations o WHERE o.id = ANY($1::uuid[])`,
      [ids],
    );
  }

  async isCodiceFiscaleRegistered(db: Queryable, codiceFiscale: string): Promise<boolean> {
    const existing = await firstRow<unknown>(db, `SELECT 1 FROM organisations WHERE codice_fiscale = $1`, [
      codiceFiscale,
    ]);
    return !!existing;
  }

  /** Inserts the organisation and answers its id. */
  async insertOrganisation(db: Queryable, organisation: NewOrganisation): Promise<string> {
    const [row]: { id: string }[] = await db.query(
      `INSERT INTO organisations (kind, runts_section, runts_number, name, codice_fiscale, partita_iva,
              contact_phone, contact_email, description, home_comune_istat, created_by_user_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [
        organisation.kind,
        organisation.runtsSection,
        organisation.runtsNumber,
        organisation.name,
        organisation.codiceFiscale,
        organisation.partitaIva,
        organisation.contactPhone,
        organisation.contactEmail,
        organisation.description,
        organisation.homeComuneIstat,
        organisation.createdByUserId,
      ],
    );
    return row.id;
  }

  async isAccreditedSomewhere(organisationId: string): Promise<boolean> {
    const accredited = await firstRow<unknown>(
      this.dataSource,
      `SELECT 1 FROM organisation_accreditations WHERE organisation_id = $1 AND status = 'accredited' LIMIT 1`,
      [organisationId],
    );
    return !!accredited;
  }

  /** The organisations where the user holds one of the roles (user_roles is identity's), by name. */
  findOrganisationsOfMember(userId: string, roles: readonly Role[]): Promise<Organisation[]> {
    return this.dataSource.query(
      `SELECT ${ORGANISATION_COLUMNS} FROM organisations o
        WHERE o.id IN ${organisationsWithRolesSql('$1', '$2')}
        ORDER BY o.name, o.id`,
      [userId, roles],
    );
  }

  /** Whether the organisation asked for accreditation in a territory the condition admits. */
  async hasAccreditationIn(
    organisationId: string,
    territoryCondition: TerritoryConditionOf,
  ): Promise<boolean> {
    const params: unknown[] = [organisationId];
    const condition = territoryCondition('territory_id', params);
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM organisation_accreditations WHERE organisation_id = $1 AND ${condition} LIMIT 1`,
      params,
    );
    return rows.length > 0;
  }

  findOrganisation(db: Queryable, id: string): Promise<Organisation | undefined> {
    return firstRow<Organisation>(db, `SELECT ${ORGANISATION_COLUMNS} FROM organisations o WHERE o.id = $1`, [
      id,
    ]);
  }

  /** Locks the organisation row (FOR UPDATE) and answers its name; undefined if there is none. */
  lockOrganisationName(db: Queryable, organisationId: string): Promise<string | undefined> {
    return firstValue<string>(db, `SELECT name FROM organisations WHERE id = $1 FOR UPDATE`, [
      organisationId,
    ]);
  }
}
