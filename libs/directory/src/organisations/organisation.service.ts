import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, AuthenticatedUser, Role } from '@prossimo/identity';
import { DomainError, oneByKey, queryPrepared, RequestLoader, writeAudit } from '@prossimo/platform';
import { TerritoryService } from '@prossimo/territory';
import DataLoader from 'dataloader';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { DataSource, EntityManager } from 'typeorm';
import { Organisation, OrganisationKind, RegisterOrganisationInput } from '../directory.types';
import { validateCodiceFiscale } from '../validation/codice-fiscale';
import { validatePartitaIva } from '../validation/partita-iva';

export const ORGANISATION_COLUMNS = `o.id, o.kind, o.runts_section AS "runtsSection", o.runts_number AS "runtsNumber",
  o.name, o.codice_fiscale AS "codiceFiscale", o.partita_iva AS "partitaIva", o.contact_phone AS "contactPhone",
  o.contact_email AS "contactEmail", o.description, o.home_comune_istat AS "homeComuneIstat",
  o.created_at AS "createdAt"`;

export const ORGANISATION_MEMBER_ROLES = [Role.ORGANISATION_ADMIN, Role.ORGANISATION_OPERATOR] as const;

@Injectable()
export class OrganisationService {
  /** Per request, so that lists load organisations (and their accreditations) in one query. */
  private readonly organisations = new RequestLoader<string, Organisation | null>(async (ids) => {
    // Every catalogue page runs it: prepared like the search itself.
    const rows = await queryPrepared<Organisation>(
      this.dataSource,
      `SELECT ${ORGANISATION_COLUMNS} FROM organisations o WHERE o.id = ANY($1::uuid[])`,
      [ids],
    );
    // Lists reach the public (the catalogue), so they carry the public view.
    return oneByKey(ids, rows, (row) => row.id, null, publicView);
  });

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly territories: TerritoryService,
  ) {}

  async register(user: AuthenticatedUser, input: RegisterOrganisationInput): Promise<Organisation> {
    const codiceFiscale = validateCodiceFiscale(input.codiceFiscale);
    if (!codiceFiscale.ok) {
      throw new DomainError('CODICE_FISCALE_INVALID', {
        field: 'codiceFiscale',
        params: { reason: codiceFiscale.reason },
      });
    }
    let partitaIva: string | null = null;
    if (input.partitaIva?.trim()) {
      const checked = validatePartitaIva(input.partitaIva);
      if (!checked.ok) {
        throw new DomainError('PARTITA_IVA_INVALID', {
          field: 'partitaIva',
          params: { reason: checked.reason },
        });
      }
      partitaIva = checked.value;
    }
    if (input.kind === OrganisationKind.ETS && !input.runtsSection) {
      throw new DomainError('FIELD_REQUIRED', { field: 'runtsSection' });
    }
    const contactPhone = input.contactPhone?.trim() ? parseContactPhone(input.contactPhone) : null;
    await this.territories.comune(input.homeComuneIstat).catch(() => {
      throw new DomainError('COMUNE_NOT_FOUND', { field: 'homeComuneIstat' });
    });

    const id = await this.dataSource
      .transaction(async (manager) => {
        const [existing]: unknown[] = await manager.query(
          `SELECT 1 FROM organisations WHERE codice_fiscale = $1`,
          [codiceFiscale.value],
        );
        if (existing) throw new DomainError('ORGANISATION_ALREADY_REGISTERED', { field: 'codiceFiscale' });
        const [row]: { id: string }[] = await manager.query(
          `INSERT INTO organisations (kind, runts_section, runts_number, name, codice_fiscale, partita_iva,
              contact_phone, contact_email, description, home_comune_istat, created_by_user_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
          [
            input.kind,
            input.runtsSection ?? null,
            input.runtsNumber?.trim() || null,
            input.name.trim(),
            codiceFiscale.value,
            partitaIva,
            contactPhone,
            input.contactEmail?.trim().toLowerCase() || null,
            input.description.trim(),
            input.homeComuneIstat,
            user.userId,
          ],
        );
        await manager.query(
          `INSERT INTO user_roles (user_id, role, organisation_id, granted_by_user_id) VALUES ($1, $2, $3, $1)
           ON CONFLICT DO NOTHING`,
          [user.userId, Role.ORGANISATION_ADMIN, row.id],
        );
        this.access.forgetCheckedSessions(user.userId);
        await writeAudit(manager, {
          actorUserId: user.userId,
          action: 'organisation.registered',
          entityType: 'organisation',
          entityId: row.id,
          details: { kind: input.kind, homeComuneIstat: input.homeComuneIstat },
        });
        return row.id;
      })
      .catch((error: unknown) => {
        // Two registrations of the same body at once: the unique index decides.
        if ((error as { code?: string }).code === '23505') {
          throw new DomainError('ORGANISATION_ALREADY_REGISTERED', { field: 'codiceFiscale' });
        }
        throw error;
      });
    return this.load(this.dataSource.manager, id);
  }

  /**
   * Public when the organisation is accredited somewhere; otherwise only its members, platform
   * admins and moderators of a territory where it asked for accreditation see it.
   */
  async organisation(user: AuthenticatedUser | null, id: string): Promise<Organisation> {
    const organisation = await this.load(this.dataSource.manager, id);
    if (user && (await this.canManageOrSupervise(user, id))) return organisation;
    const [accredited]: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM organisation_accreditations WHERE organisation_id = $1 AND status = 'accredited' LIMIT 1`,
      [id],
    );
    if (!accredited) throw new DomainError('ORGANISATION_NOT_FOUND', { field: 'id' });
    return publicView(organisation);
  }

  myOrganisations(user: AuthenticatedUser): Promise<Organisation[]> {
    return this.dataSource.query(
      `SELECT ${ORGANISATION_COLUMNS} FROM organisations o
        WHERE o.id IN (SELECT organisation_id FROM user_roles WHERE user_id = $1 AND role = ANY($2))
        ORDER BY o.name, o.id`,
      [user.userId, ORGANISATION_MEMBER_ROLES],
    );
  }

  organisationLoader(request: object): DataLoader<string, Organisation | null> {
    return this.organisations.for(request);
  }

  /** Members, platform admins, and moderators of a territory where the organisation asked for accreditation. */
  async canManageOrSupervise(user: AuthenticatedUser, organisationId: string): Promise<boolean> {
    if (this.access.isPlatformAdmin(user)) return true;
    if (this.access.hasOrganisationRole(user, organisationId, ORGANISATION_MEMBER_ROLES)) return true;
    const scope = this.access.scope(user, [Role.COMUNE_MODERATOR, Role.COMUNE_OPERATOR]);
    const params: unknown[] = [organisationId];
    const condition = this.access.territoryCondition(scope, 'territory_id', params);
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM organisation_accreditations WHERE organisation_id = $1 AND ${condition} LIMIT 1`,
      params,
    );
    return rows.length > 0;
  }

  async load(manager: EntityManager, id: string): Promise<Organisation> {
    const [row]: Organisation[] = await manager.query(
      `SELECT ${ORGANISATION_COLUMNS} FROM organisations o WHERE o.id = $1`,
      [id],
    );
    if (!row) throw new DomainError('ORGANISATION_NOT_FOUND', { field: 'organisationId' });
    return row;
  }

  /** Locks the organisation row (serialises membership changes) and answers its name. */
  async lock(manager: EntityManager, organisationId: string): Promise<string> {
    const [row]: { name: string }[] = await manager.query(
      `SELECT name FROM organisations WHERE id = $1 FOR UPDATE`,
      [organisationId],
    );
    if (!row) throw new DomainError('ORGANISATION_NOT_FOUND', { field: 'organisationId' });
    return row.name;
  }
}

/** A person's codice fiscale (a sole trader's) tells birth date and place: not for the public. */
export function publicView(organisation: Organisation): Organisation {
  return organisation.codiceFiscale?.length === 16 ? { ...organisation, codiceFiscale: null } : organisation;
}

/** A contact number may be a landline (unlike sign-up numbers, it never receives our SMS). */
function parseContactPhone(input: string): string {
  const parsed = parsePhoneNumberFromString(input.trim().replace(/^00/, '+'), 'IT');
  if (!parsed || !parsed.isValid()) throw new DomainError('FIELD_INVALID', { field: 'contactPhone' });
  return parsed.number;
}
