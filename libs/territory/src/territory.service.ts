import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AccessService,
  AuthenticatedUser,
  COMUNE_STAFF_ROLES,
  PhoneVerificationService,
  Role,
} from '@prossimo/identity';
import {
  decodeCursor,
  DomainError,
  manyByKey,
  Page,
  RequestLoader,
  toPage,
  writeAudit,
} from '@prossimo/platform';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { DataSource, EntityManager } from 'typeorm';
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

const COMUNE_COLUMNS = `istat, name, province_code AS "provinceCode", province, region, lat, lon,
  coordinates_precision AS "coordinatesPrecision"`;
const COMUNE_COLUMNS_OF_C = `c.istat, c.name, c.province_code AS "provinceCode", c.province, c.region, c.lat, c.lon,
  c.coordinates_precision AS "coordinatesPrecision"`;

const TERRITORY_COLUMNS = `t.id, t.kind, t.name, t.desk_phone AS "deskPhone", t.desk_hours AS "deskHours"`;

@Injectable()
export class TerritoryService {
  private readonly comuniLoader = new RequestLoader<string, Comune[]>(async (territoryIds) => {
    const rows: (Comune & { territoryId: string })[] = await this.dataSource.query(
      `SELECT tc.territory_id AS "territoryId", ${COMUNE_COLUMNS_OF_C}
         FROM territory_comuni tc JOIN comuni c ON c.istat = tc.comune_istat
        WHERE tc.territory_id = ANY($1::uuid[]) ORDER BY c.name`,
      [territoryIds],
    );
    return manyByKey(territoryIds, rows, (row) => row.territoryId).map((comuni) =>
      comuni.map(({ territoryId: _territoryId, ...comune }) => comune),
    );
  });

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly phones: PhoneVerificationService,
  ) {}

  async searchComuni(args: {
    search?: string;
    provinceCode?: string;
    first: number;
    after?: string;
  }): Promise<Page<Comune>> {
    const params: unknown[] = [];
    const conditions: string[] = [];
    if (args.search?.trim()) {
      params.push(`%${args.search.trim().toLowerCase()}%`);
      conditions.push(`unaccent(lower(name)) LIKE unaccent($${params.length})`);
    }
    if (args.provinceCode) {
      params.push(args.provinceCode);
      conditions.push(`province_code = $${params.length}`);
    }
    const cursor = decodeCursor(args.after, 2);
    if (cursor) {
      params.push(cursor[0], cursor[1]);
      conditions.push(`(name, istat) > ($${params.length - 1}, $${params.length})`);
    }
    params.push(args.first + 1);
    const rows: Comune[] = await this.dataSource.query(
      `SELECT ${COMUNE_COLUMNS} FROM comuni ${conditions.length ? 'WHERE ' + conditions.join(' AND ') : ''}
        ORDER BY name, istat LIMIT $${params.length}`,
      params,
    );
    return toPage(rows, args.first, (row) => [row.name, row.istat]);
  }

  async comune(istat: string): Promise<Comune> {
    const [row]: Comune[] = await this.dataSource.query(
      `SELECT ${COMUNE_COLUMNS} FROM comuni WHERE istat = $1`,
      [istat],
    );
    if (!row) throw new DomainError('COMUNE_NOT_FOUND', { field: 'comuneIstat' });
    return row;
  }

  /** The Comune whose centre is nearest to a point (a GiST nearest-neighbour search). */
  async nearestComune(lat: number, lon: number): Promise<Comune> {
    const [row]: Comune[] = await this.dataSource.query(
      `SELECT ${COMUNE_COLUMNS} FROM comuni ORDER BY ll_to_earth(lat, lon) <-> ll_to_earth($1, $2) LIMIT 1`,
      [lat, lon],
    );
    return row;
  }

  async territories(user: AuthenticatedUser): Promise<Territory[]> {
    const scope = this.access.scope(user, [Role.COMUNE_OPERATOR, Role.COMUNE_MODERATOR]);
    const params: unknown[] = [];
    const condition = this.access.territoryCondition(scope, 't.id', params);
    const rows: Territory[] = await this.dataSource.query(
      `SELECT ${TERRITORY_COLUMNS} FROM territories t WHERE ${condition} ORDER BY name`,
      params,
    );
    return rows;
  }

  /** Every territory, by name, a page at a time: platform admins only. */
  async territoryPage(
    user: AuthenticatedUser,
    args: { search?: string; first: number; after?: string },
  ): Promise<Page<Territory>> {
    if (!this.access.isPlatformAdmin(user)) throw new DomainError('FORBIDDEN');
    const params: unknown[] = [];
    const conditions: string[] = [];
    if (args.search?.trim()) {
      params.push(`%${args.search.trim().toLowerCase()}%`);
      conditions.push(`unaccent(lower(t.name)) LIKE unaccent($${params.length})`);
    }
    const cursor = decodeCursor(args.after, 2);
    if (cursor) {
      params.push(cursor[0], cursor[1]);
      conditions.push(`(t.name, t.id) > ($${params.length - 1}, $${params.length}::uuid)`);
    }
    params.push(args.first + 1);
    const rows: Territory[] = await this.dataSource.query(
      `SELECT ${TERRITORY_COLUMNS} FROM territories t
        ${conditions.length ? 'WHERE ' + conditions.join(' AND ') : ''}
        ORDER BY t.name, t.id LIMIT $${params.length}`,
      params,
    );
    return toPage(rows, args.first, (row) => [row.name, row.id]);
  }

  async territoriesOfComune(istat: string): Promise<Territory[]> {
    return this.dataSource.query(
      `SELECT t.id, t.kind, t.name FROM territories t
         JOIN territory_comuni tc ON tc.territory_id = t.id
        WHERE tc.comune_istat = $1 ORDER BY t.name`,
      [istat],
    );
  }

  async territory(id: string): Promise<Territory> {
    const [row]: Territory[] = await this.dataSource.query(
      `SELECT ${TERRITORY_COLUMNS} FROM territories t WHERE id = $1`,
      [id],
    );
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
      const [territory]: { id: string }[] = await manager.query(
        `INSERT INTO territories (kind, name) VALUES ($1, $2) RETURNING id`,
        [input.kind, input.name.trim()],
      );
      await manager.query(
        `INSERT INTO territory_comuni (territory_id, comune_istat) SELECT $1, unnest($2::text[])`,
        [territory.id, codes],
      );
      await writeAudit(manager, {
        actorUserId: user.userId,
        action: 'territory.created',
        entityType: 'territory',
        entityId: territory.id,
        territoryId: territory.id,
        details: { comuni: codes.length },
      });
      return territory.id;
    });
    return this.territory(id);
  }

  /** Replaces the Comuni a territory covers: platform admins only. Audited with what changed. */
  async setTerritoryComuni(user: AuthenticatedUser, input: SetTerritoryComuniInput): Promise<Territory> {
    if (!this.access.isPlatformAdmin(user)) throw new DomainError('FORBIDDEN');
    const territory = await this.territory(input.territoryId);
    const codes = await this.knownComuni(input.comuneIstatCodes, territory.kind);
    await this.dataSource.transaction(async (manager) => {
      const before: { istat: string }[] = await manager.query(
        `SELECT comune_istat AS istat FROM territory_comuni WHERE territory_id = $1 FOR UPDATE`,
        [input.territoryId],
      );
      const had = new Set(before.map((row) => row.istat));
      const added = codes.filter((code) => !had.has(code));
      const removed = [...had].filter((code) => !codes.includes(code));
      await manager.query(
        `DELETE FROM territory_comuni WHERE territory_id = $1 AND comune_istat = ANY($2::text[])`,
        [input.territoryId, removed],
      );
      await manager.query(
        `INSERT INTO territory_comuni (territory_id, comune_istat) SELECT $1, unnest($2::text[])`,
        [input.territoryId, added],
      );
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
    const known: { istat: string }[] = await this.dataSource.query(
      `SELECT istat FROM comuni WHERE istat = ANY($1)`,
      [codes],
    );
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
      await manager.query(`UPDATE territories SET desk_phone = $2, desk_hours = $3 WHERE id = $1`, [
        input.territoryId,
        phone,
        hours,
      ]);
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
      const [row]: { id: string }[] = await manager.query(
        `SELECT id FROM territories WHERE id = $1 FOR UPDATE`,
        [input.territoryId],
      );
      if (!row) throw new DomainError('TERRITORY_NOT_FOUND', { field: 'territoryId' });
      await this.access.requireStepUp(user, { territoryIds: [input.territoryId] }, manager);
      await manager.query(`UPDATE territories SET staff_step_up = $2 WHERE id = $1`, [
        input.territoryId,
        input.required ?? null,
      ]);
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
    const [row]: { setting: boolean | null }[] = await manager.query(
      `SELECT staff_step_up AS setting FROM territories WHERE id = $1`,
      [territoryId],
    );
    if (!row) throw new DomainError('TERRITORY_NOT_FOUND', { field: 'territoryId' });
    const platformDefault = this.access.stepUpDefault;
    return { territoryId, setting: row.setting, platformDefault, required: row.setting ?? platformDefault };
  }

  /** The territory's operators and moderators, by name: its moderators (and platform admins) only. */
  async territoryStaff(user: AuthenticatedUser, territoryId: string): Promise<StaffMember[]> {
    this.access.requireTerritoryRole(user, territoryId, [Role.COMUNE_MODERATOR]);
    await this.territory(territoryId);
    return this.dataSource.query(
      `SELECT u.id AS "userId", u.display_name AS "displayName", u.phone_e164 AS "phoneE164",
              array_agg(r.role ORDER BY r.role) AS roles
         FROM user_roles r JOIN users u ON u.id = r.user_id
        WHERE r.territory_id = $1 AND r.role IN ('comune_operator', 'comune_moderator') AND u.status <> 'erased'
        GROUP BY u.id, u.display_name, u.phone_e164
        ORDER BY u.display_name NULLS LAST, u.id`,
      [territoryId],
    );
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
    const params: unknown[] = [args.territoryId];
    let after = '';
    const cursor = decodeCursor(args.after, 3);
    if (cursor) {
      params.push(cursor[0], cursor[1], cursor[2]);
      after = `AND (u.display_name IS NULL, coalesce(u.display_name, ''), u.id) > ($2::boolean, $3, $4::uuid)`;
    }
    params.push(args.first + 1);
    const rows: (StaffMember & { unnamed: string })[] = await this.dataSource.query(
      `SELECT u.id AS "userId", u.display_name AS "displayName", u.phone_e164 AS "phoneE164",
              array_agg(r.role ORDER BY r.role) AS roles, (u.display_name IS NULL)::text AS unnamed
         FROM user_roles r JOIN users u ON u.id = r.user_id
        WHERE r.territory_id = $1 AND r.role IN ('comune_operator', 'comune_moderator') AND u.status <> 'erased'
              ${after}
        GROUP BY u.id, u.display_name, u.phone_e164
        ORDER BY u.display_name IS NULL, coalesce(u.display_name, ''), u.id LIMIT $${params.length}`,
      params,
    );
    const page = toPage(rows, args.first, (row) => [row.unnamed, row.displayName ?? '', row.userId]);
    return { ...page, items: page.items.map(({ unnamed: _unnamed, ...member }) => member) };
  }

  /** Platform admins grant anywhere; a moderator grants only in their own territory. Audited. */
  async grantStaffRole(user: AuthenticatedUser, input: GrantStaffRoleInput): Promise<StaffGrant> {
    this.access.requireTerritoryRole(user, input.territoryId, [Role.COMUNE_MODERATOR]);
    await this.territory(input.territoryId);
    const phone = this.phones.parse(input.phone);
    return this.dataSource.transaction(async (manager) => {
      const [person]: { id: string }[] = await manager.query(`SELECT id FROM users WHERE phone_e164 = $1`, [
        phone,
      ]);
      if (!person) throw new DomainError('USER_NOT_FOUND', { field: 'phone' });
      await manager.query(
        `INSERT INTO user_roles (user_id, role, territory_id, granted_by_user_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING`,
        [person.id, input.role, input.territoryId, user.userId],
      );
      this.access.forgetCheckedSessions(person.id);
      await writeAudit(manager, {
        actorUserId: user.userId,
        action: 'staff_role.granted',
        entityType: 'user',
        entityId: person.id,
        territoryId: input.territoryId,
        details: { role: input.role },
      });
      return { userId: person.id, role: input.role, territoryId: input.territoryId };
    });
  }

  async revokeStaffRole(user: AuthenticatedUser, input: GrantStaffRoleInput): Promise<boolean> {
    this.access.requireTerritoryRole(user, input.territoryId, [Role.COMUNE_MODERATOR]);
    const phone = this.phones.parse(input.phone);
    const revokedFrom = await this.dataSource.transaction(async (manager) => {
      // TypeORM answers DELETE ... RETURNING with [rows, affected].
      const [removed]: [{ user_id: string }[], number] = await manager.query(
        `DELETE FROM user_roles r USING users u
          WHERE r.user_id = u.id AND u.phone_e164 = $1 AND r.role = $2 AND r.territory_id = $3
          RETURNING r.user_id`,
        [phone, input.role, input.territoryId],
      );
      if (!removed.length) return null;
      await writeAudit(manager, {
        actorUserId: user.userId,
        action: 'staff_role.revoked',
        entityType: 'user',
        entityId: removed[0].user_id,
        territoryId: input.territoryId,
        details: { role: input.role },
      });
      return removed[0].user_id;
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
