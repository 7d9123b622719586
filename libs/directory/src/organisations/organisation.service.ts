import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AccessService,
  AuthenticatedUser,
  ORGANISATION_ROLES,
  Role,
  UserRolesRepository,
} from '@prossimo/identity';
import { DomainError, oneByKey, Queryable, RequestLoader, writeAudit } from '@prossimo/platform';
import { TerritoryService } from '@prossimo/territory';
import DataLoader from 'dataloader';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { DataSource } from 'typeorm';
import { Organisation, OrganisationKind, RegisterOrganisationInput } from '../directory.types';
import { validateCodiceFiscale } from '../validation/codice-fiscale';
import { validatePartitaIva } from '../validation/partita-iva';
import { OrganisationsRepository } from './organisations.repository';

export { ORGANISATION_COLUMNS } from './organisations.repository';

@Injectable()
export class OrganisationService {
  /** Per request, so that lists load organisations (and their accreditations) in one query. */
  private readonly organisations = new RequestLoader<string, Organisation | null>(async (ids) => {
    const rows = await this.repository.findOrganisations(ids);
    // Lists reach the public (the catalogue), so they carry the public view.
    return oneByKey(ids, rows, (row) => row.id, null, publicView);
  });

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly territories: TerritoryService,
    private readonly repository: OrganisationsRepository,
    private readonly roles: UserRolesRepository,
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
        if (await this.repository.isCodiceFiscaleRegistered(manager, codiceFiscale.value)) {
          throw new DomainError('ORGANISATION_ALREADY_REGISTERED', { field: 'codiceFiscale' });
        }
        const id = await this.repository.insertOrganisation(manager, {
          kind: input.kind,
          runtsSection: input.runtsSection ?? null,
          runtsNumber: input.runtsNumber?.trim() || null,
          name: input.name.trim(),
          codiceFiscale: codiceFiscale.value,
          partitaIva,
          contactPhone,
          contactEmail: input.contactEmail?.trim().toLowerCase() || null,
          description: input.description.trim(),
          homeComuneIstat: input.homeComuneIstat,
          createdByUserId: user.userId,
        });
        // The person who registers an organisation becomes its admin.
        await this.roles.grantOrganisationRole(manager, {
          userId: user.userId,
          role: Role.ORGANISATION_ADMIN,
          organisationId: id,
          grantedByUserId: user.userId,
        });
        this.access.forgetCheckedSessions(user.userId);
        await writeAudit(manager, {
          actorUserId: user.userId,
          action: 'organisation.registered',
          entityType: 'organisation',
          entityId: id,
          details: { kind: input.kind, homeComuneIstat: input.homeComuneIstat },
        });
        return id;
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
    if (!(await this.repository.isAccreditedSomewhere(id)))
      throw new DomainError('ORGANISATION_NOT_FOUND', { field: 'id' });
    return publicView(organisation);
  }

  myOrganisations(user: AuthenticatedUser): Promise<Organisation[]> {
    return this.repository.findOrganisationsOfMember(user.userId, ORGANISATION_ROLES);
  }

  organisationLoader(request: object): DataLoader<string, Organisation | null> {
    return this.organisations.for(request);
  }

  /** Members, platform admins, and moderators of a territory where the organisation asked for accreditation. */
  async canManageOrSupervise(user: AuthenticatedUser, organisationId: string): Promise<boolean> {
    if (this.access.isPlatformAdmin(user)) return true;
    if (this.access.isOrganisationMember(user, organisationId)) return true;
    const scope = this.access.scope(user, [Role.COMUNE_MODERATOR, Role.COMUNE_OPERATOR]);
    return this.repository.hasAccreditationIn(organisationId, (column, params) =>
      this.access.territoryCondition(scope, column, params),
    );
  }

  async load(manager: Queryable, id: string): Promise<Organisation> {
    const row = await this.repository.findOrganisation(manager, id);
    if (!row) throw new DomainError('ORGANISATION_NOT_FOUND', { field: 'organisationId' });
    return row;
  }

  /** Locks the organisation row (serialises membership changes) and answers its name. */
  async lock(manager: Queryable, organisationId: string): Promise<string> {
    const name = await this.repository.lockOrganisationName(manager, organisationId);
    if (name === undefined) throw new DomainError('ORGANISATION_NOT_FOUND', { field: 'organisationId' });
    return name;
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
