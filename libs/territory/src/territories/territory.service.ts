import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AccessService,
  AuthenticatedUser,
  COMUNE_STAFF_ROLES,
  PhoneVerificationService,
  Role,
  UserRolesRepository,
} from '@prossimo/identity';
import {
  decodeCursor,
  DomainError,
  manyByKey,
  mapPage,
  Page,
  RequestLoader,
  toPage,
  writeAudit,
} from '@prossimo/platform';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { DataSource, EntityManager } from 'typeorm';
import { ComuniRepository } from '../comuni/comuni.repository';
import { TerritoriesRepository } from './territories.repository';
import {
  Comune,
  CreateTerritoryInput,
  GrantStaffRoleInput,
  SetTerritoryComuniInput,
  SetTerritoryDeskInput,
  SetTerritoryStaffStepUpInput,
  StaffGrant,
  StaffMember,
  Territory,
  TerritoryKind,
  TerritoryStaffStepUp,
} from './territory.types';

@Injectable()
export class TerritoryService {
  private readonly comuniLoader = new RequestLoader<string, Comune[]>(async (territoryIds) => {
    const rows = await this.territoriesTable.comuniOfTerritories(territoryIds);
    return manyByKey(territoryIds, rows, (row) => row.territoryId).map((comuni) =>
      comuni.map(({ territoryId: _territoryId, ...comune }) => comune),
    );
  });

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly phones: PhoneVerificationService,
    private readonly comuni: ComuniRepository,
    private readonly territoriesTable: TerritoriesRepository,
    private readonly staff: UserRolesRepository,
  ) {}

  async searchComuni(args: {
    search?: string;
    provinceCode?: string;
    first: number;
    after?: string;
  }): Promise<Page<Comune>> {
    const rows = await this.comuni.page({
      search: args.search?.trim().toLowerCase(),
      provinceCode: args.provinceCode,
      cursor: decodeCursor(args.after, 2),
      limit: args.first + 1,
    });
    return toPage(rows, args.first, (row) => [row.name, row.istat]);
  }

  async comune(istat: string): Promise<Comune> {
    const row = await this.comuni.byIstat(istat);
    if (!row) throw new DomainError('COMUNE_NOT_FOUND', { field: 'comuneIstat' });
    return row;
  }

  /** The Comune whose centre is nearest to a point (a GiST nearest-neighbour search). */
  async nearestComune(lat: number, lon: number): Promise<Comune> {
    return this.comuni.nearest(lat, lon);
  }

  async territories(user: AuthenticatedUser): Promise<Territory[]> {
    const scope = this.access.scope(user, [Role.COMUNE_OPERATOR, Role.COMUNE_MODERATOR]);
    const params: unknown[] = [];
    const condition = this.access.territoryCondition(scope, 't.id', params);
    return this.territoriesTable.visible(condition, params);
  }

  /** Every territory, by name, a page at a time: platform admins only. */
  async territoryPage(
    user: AuthenticatedUser,
    args: { search?: string; first: number; after?: string },
  ): Promise<Page<Territory>> {
    if (!this.access.isPlatformAdmin(user)) throw new DomainError('FORBIDDEN');
    const rows = await this.territoriesTable.page({
      search: args.search?.trim().toLowerCase(),
      cursor: decodeCursor(args.after, 2),
      limit: args.first + 1,
    });
    return toPage(rows, args.first, (row) => [row.name, row.id]);
  }

  async territoriesOfComune(istat: string): Promise<Territory[]> {
    return this.territoriesTable.ofComune(istat);
  }

  async territory(id: string): Promise<Territory> {
    const row = await this.territoriesTable.byId(id);
    if (!row) throw new DomainError('TERRITORY_NOT_FOUND', { field: 'territoryId' });
    return row;
  }

  /** The Comuni of a territory, batched per request (a list of territories costs one query). */
  comuniOf(territoryId: string, request: object): Promise<Comune[]> {
    return this.comuniLoader.for(request).load(territoryId);
  }

  async createTerritory(user: AuthenticatedUser, input: CreateTerritoryInput): Promise<Territory> {
    if (!this.access.isPlatformAdmin(user)) throw new DomainError('FORBIDDEN');
    const codes = await this.knownComuni(input.comuneIstatCodes, input.kind);
    const id = await this.dataSource.transaction(async (manager) => {
      const territoryId = await this.territoriesTable.insert(manager, input.kind, input.name.trim());
      await this.territoriesTable.addComuni(manager, territoryId, codes);
      await writeAudit(manager, {
        actorUserId: user.userId,
        action: 'territory.created',
        entityType: 'territory',
        entityId: territoryId,
        territoryId,
        details: { comuni: codes.length },
      });
      return territoryId;
    });
    return this.territory(id);
  }

  /** Replaces the Comuni a territory covers: platform admins only. Audited with what changed. */
  async setTerritoryComuni(user: AuthenticatedUser, input: SetTerritoryComuniInput): Promise<Territory> {
    if (!this.access.isPlatformAdmin(user)) throw new DomainError('FORBIDDEN');
    const territory = await this.territory(input.territoryId);
    const codes = await this.knownComuni(input.comuneIstatCodes, territory.kind);
    await this.dataSource.transaction(async (manager) => {
      const had = new Set(await this.territoriesTable.lockComuni(manager, input.territoryId));
      const added = codes.filter((code) => !had.has(code));
      const removed = [...had].filter((code) => !codes.includes(code));
      await this.territoriesTable.removeComuni(manager, input.territoryId, removed);
      await this.territoriesTable.addComuni(manager, input.territoryId, added);
      await writeAudit(manager, {
        actorUserId: user.userId,
        action: 'territory.comuni_set',
        entityType: 'territory',
        entityId: input.territoryId,
        territoryId: input.territoryId,
        details: { added, removed },
      });
    });
    return territory;
  }

  /** The distinct codes, each a known Comune; a territory of kind COMUNE has exactly one. */
  private async knownComuni(input: string[], kind: TerritoryKind): Promise<string[]> {
    const codes = [...new Set(input)];
    if (kind === TerritoryKind.COMUNE && codes.length !== 1) {
      throw new DomainError('TERRITORY_COMUNE_NEEDS_ONE', { field: 'comuneIstatCodes' });
    }
    const known = await this.comuni.knownIstats(codes);
    if (known.length !== codes.length)
      throw new DomainError('COMUNE_NOT_FOUND', { field: 'comuneIstatCodes' });
    return codes;
  }

  /**
   * The desk's number and hours, which messages give ("Per cambiare chiama lo sportello al ...").
   * Platform admins, or moderators of the territory. Audited.
   */
  async setTerritoryDesk(user: AuthenticatedUser, input: SetTerritoryDeskInput): Promise<Territory> {
    this.access.requireTerritoryRole(user, input.territoryId, [Role.COMUNE_MODERATOR]);
    await this.territory(input.territoryId);
    const phone = input.phone?.trim() ? deskPhone(input.phone) : null;
    const hours = input.hours?.trim() || null;
    if (hours && !phone) throw new DomainError('DESK_HOURS_WITHOUT_PHONE', { field: 'hours' });
    await this.dataSource.transaction(async (manager) => {
      await this.territoriesTable.updateDesk(manager, input.territoryId, phone, hours);
      await writeAudit(manager, {
        actorUserId: user.userId,
        action: 'territory.desk_set',
        entityType: 'territory',
        entityId: input.territoryId,
        territoryId: input.territoryId,
        details: { phone: phone !== null, hours: hours !== null },
      });
    });
    return this.territory(input.territoryId);
  }

  /** Staff of the territory (and platform admins): whether step-up is asked of them there. */
  async staffStepUp(user: AuthenticatedUser, territoryId: string): Promise<TerritoryStaffStepUp> {
    this.access.requireTerritoryRole(user, territoryId, COMUNE_STAFF_ROLES);
    return this.readStaffStepUp(this.dataSource.manager, territoryId);
  }

  /**
   * Moderators of the territory (and platform admins) turn step-up on or off there, or back to the
   * platform default. Where it is in effect, changing it needs a stepped-up session itself: an SMS
   * code alone cannot switch the protection off. Audited.
   */
  async setStaffStepUp(
    user: AuthenticatedUser,
    input: SetTerritoryStaffStepUpInput,
  ): Promise<TerritoryStaffStepUp> {
    this.access.requireTerritoryRole(user, input.territoryId, [Role.COMUNE_MODERATOR]);
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.territoriesTable.lock(manager, input.territoryId)))
        throw new DomainError('TERRITORY_NOT_FOUND', { field: 'territoryId' });
      await this.access.requireStepUp(user, { territoryIds: [input.territoryId] }, manager);
      await this.territoriesTable.updateStaffStepUp(manager, input.territoryId, input.required ?? null);
      await writeAudit(manager, {
        actorUserId: user.userId,
        action: 'territory.staff_step_up_set',
        entityType: 'territory',
        entityId: input.territoryId,
        territoryId: input.territoryId,
        details: { setting: input.required ?? null },
      });
      return this.readStaffStepUp(manager, input.territoryId);
    });
  }

  private async readStaffStepUp(manager: EntityManager, territoryId: string): Promise<TerritoryStaffStepUp> {
    const row = await this.territoriesTable.staffStepUpSetting(manager, territoryId);
    if (!row) throw new DomainError('TERRITORY_NOT_FOUND', { field: 'territoryId' });
    const platformDefault = this.access.stepUpDefault;
    return { territoryId, setting: row.setting, platformDefault, required: row.setting ?? platformDefault };
  }

  /** The territory's operators and moderators, by name: its moderators (and platform admins) only. */
  async territoryStaff(user: AuthenticatedUser, territoryId: string): Promise<StaffMember[]> {
    this.access.requireTerritoryRole(user, territoryId, [Role.COMUNE_MODERATOR]);
    await this.territory(territoryId);
    return this.staff.staffOf(territoryId);
  }

  /**
   * The same staff a page at a time, named first (by name, then by id), for the admin's staff page.
   * The sort key is (has no name, name, id): nameless people come last, as in territoryStaff.
   */
  async territoryStaffPage(
    user: AuthenticatedUser,
    args: { territoryId: string; first: number; after?: string },
  ): Promise<Page<StaffMember>> {
    this.access.requireTerritoryRole(user, args.territoryId, [Role.COMUNE_MODERATOR]);
    await this.territory(args.territoryId);
    const rows = await this.staff.staffPage(args.territoryId, decodeCursor(args.after, 3), args.first + 1);
    const page = toPage(rows, args.first, (row) => [row.unnamed, row.displayName ?? '', row.userId]);
    return mapPage(page, ({ unnamed: _unnamed, ...member }) => member);
  }

  /** Platform admins grant anywhere; a moderator grants only in their own territory. Audited. */
  async grantStaffRole(user: AuthenticatedUser, input: GrantStaffRoleInput): Promise<StaffGrant> {
    this.access.requireTerritoryRole(user, input.territoryId, [Role.COMUNE_MODERATOR]);
    await this.territory(input.territoryId);
    const phone = this.phones.parse(input.phone);
    return this.dataSource.transaction(async (manager) => {
      const personId = await this.staff.userIdByPhone(manager, phone);
      if (!personId) throw new DomainError('USER_NOT_FOUND', { field: 'phone' });
      await this.staff.grantTerritoryRole(manager, personId, input.role, input.territoryId, user.userId);
      this.access.forgetCheckedSessions(personId);
      await writeAudit(manager, {
        actorUserId: user.userId,
        action: 'staff_role.granted',
        entityType: 'user',
        entityId: personId,
        territoryId: input.territoryId,
        details: { role: input.role },
      });
      return { userId: personId, role: input.role, territoryId: input.territoryId };
    });
  }

  async revokeStaffRole(user: AuthenticatedUser, input: GrantStaffRoleInput): Promise<boolean> {
    this.access.requireTerritoryRole(user, input.territoryId, [Role.COMUNE_MODERATOR]);
    const phone = this.phones.parse(input.phone);
    const revokedFrom = await this.dataSource.transaction(async (manager) => {
      const removedFrom = await this.staff.revokeTerritoryRoleByPhone(
        manager,
        phone,
        input.role,
        input.territoryId,
      );
      if (!removedFrom) return null;
      await writeAudit(manager, {
        actorUserId: user.userId,
        action: 'staff_role.revoked',
        entityType: 'user',
        entityId: removedFrom,
        territoryId: input.territoryId,
        details: { role: input.role },
      });
      return removedFrom;
    });
    if (!revokedFrom) return false;
    // Committed: the person's recently checked tokens must not keep the revoked role.
    this.access.forgetCheckedSessions(revokedFrom);
    return true;
  }
}

/** A desk's number in E.164: any valid Italian number, landlines too (people call it). */
function deskPhone(input: string): string {
  const parsed = parsePhoneNumberFromString(input.trim().replace(/^00/, '+'), 'IT');
  if (!parsed?.isValid()) throw new DomainError('PHONE_INVALID', { field: 'phone' });
  return parsed.number;
}
