import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, AuthenticatedUser, COMUNE_STAFF_ROLES, Role } from '@prossimo/identity';
import { NotificationsService } from '@prossimo/notifications';
import {
  afterCursorCondition,
  CursorAt,
  cursorAtColumn,
  DomainError,
  Page,
  PageArgs,
  registerMessages,
  toPage,
  writeAudit,
} from '@prossimo/platform';
import { NeedLifecycleService } from '@prossimo/requests';
import { firstTerritoryOf } from '@prossimo/territory';
import { DataSource, EntityManager } from 'typeorm';
import {
  confirmGroupIfComplete,
  householdUserIds,
  LockedCareGroup,
  lockCareGroup,
  removeHousehold,
  setMemberStatus,
} from './care-group-records';
import { CareWeeklySlot } from './care-grouping';
import {
  CareGroup,
  CareGroupMemberInput,
  CareGroupMemberStatus,
  CareGroupQuote,
  CareGroupStatus,
  LeaveCareGroupInput,
  OrganisationCareGroupsArgs,
  TerritoryCareGroupsArgs,
} from './care-groups.types';

registerMessages({
  CARE_GROUP_NOT_FOUND: {
    it: 'Gruppo di badante condivisa non trovato.',
    en: 'Shared carer group not found.',
  },
  CARE_GROUP_MEMBER_NOT_FOUND: {
    it: 'Questa richiesta non fa parte del gruppo ({field}).',
    en: 'This need is not part of the group ({field}).',
  },
  CARE_GROUP_NOT_PROPOSED: {
    it: 'Il gruppo non attende più conferme (stato: {status}).',
    en: 'The group is no longer waiting for confirmations (status: {status}).',
  },
});

const ORGANISATION_MEMBER_ROLES = [Role.ORGANISATION_ADMIN, Role.ORGANISATION_OPERATOR] as const;

interface GroupRow {
  id: string;
  status: CareGroupStatus;
  comuneIstat: string;
  sharedSchedule: CareWeeklySlot[];
  weeklyMinutes: number;
  createdAt: Date;
  confirmedAt: Date | null;
  dissolvedAt: Date | null;
  offerId: string;
  offerTitle: string;
  organisationId: string;
  organisationName: string;
}

interface MemberRow {
  groupId: string;
  needId: string;
  status: CareGroupMemberStatus;
  priceCentsPerHour: number;
  individualPriceCentsPerHour: number;
  weeklyCents: number;
  individualWeeklyCents: number;
  joinedAt: Date;
  confirmedAt: Date | null;
  leftAt: Date | null;
  mine: boolean;
}

const GROUP_COLUMNS = `g.id, g.status, g.comune_istat::text AS "comuneIstat", g.shared_schedule AS "sharedSchedule",
  g.weekly_minutes AS "weeklyMinutes", g.created_at AS "createdAt", g.confirmed_at AS "confirmedAt",
  g.dissolved_at AS "dissolvedAt", o.id AS "offerId", o.title AS "offerTitle",
  g.organisation_id AS "organisationId", org.name AS "organisationName"`;
const GROUP_FROM = `care_groups g JOIN service_offers o ON o.id = g.offer_id JOIN organisations org ON org.id = g.organisation_id`;
/** The household's people: the citizen author or the beneficiary's own account ($1 = the user). */
const IS_MINE = `((n.source = 'citizen' AND n.author_user_id = $1) OR b.user_id = $1)`;

function toQuote(row: MemberRow): CareGroupQuote {
  return {
    needId: row.needId,
    status: row.status,
    priceCentsPerHour: row.priceCentsPerHour,
    individualPriceCentsPerHour: row.individualPriceCentsPerHour,
    savingCentsPerHour: row.individualPriceCentsPerHour - row.priceCentsPerHour,
    weeklyCents: row.weeklyCents,
    individualWeeklyCents: row.individualWeeklyCents,
    weeklySavingCents: row.individualWeeklyCents - row.weeklyCents,
    joinedAt: row.joinedAt,
    confirmedAt: row.confirmedAt,
    leftAt: row.leftAt,
  };
}

/**
 * Shared-caregiver groups for the API: each household sees its own quote and confirms or
 * leaves; Comune staff see the groups of their territory and the organisation sees its own,
 * with every household's quote (need ids and prices only, no names).
 */
@Injectable()
export class CareGroupsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly lifecycle: NeedLifecycleService,
    private readonly notifications: NotificationsService,
  ) {}

  // ----- reading -----

  async myCareGroups(user: AuthenticatedUser, args: PageArgs): Promise<Page<CareGroup>> {
    const params: unknown[] = [user.userId];
    const conditions = [
      `EXISTS (SELECT 1 FROM care_group_members m JOIN needs n ON n.id = m.need_id
                 LEFT JOIN beneficiaries b ON b.id = n.beneficiary_id WHERE m.group_id = g.id AND ${IS_MINE})`,
    ];
    return this.page(user, conditions, params, args, false);
  }

  async territoryCareGroups(
    user: AuthenticatedUser,
    args: TerritoryCareGroupsArgs,
  ): Promise<Page<CareGroup>> {
    this.access.requireRole(user, COMUNE_STAFF_ROLES);
    const params: unknown[] = [user.userId];
    const conditions = [
      this.access.comuneCondition(this.access.scope(user, COMUNE_STAFF_ROLES), 'g.comune_istat', params),
    ];
    if (args.status) {
      params.push(args.status);
      conditions.push(`g.status = $${params.length}`);
    }
    if (args.comuneIstat) {
      params.push(args.comuneIstat);
      conditions.push(`g.comune_istat = $${params.length}`);
    }
    return this.page(user, conditions, params, args, true);
  }

  async organisationCareGroups(
    user: AuthenticatedUser,
    organisationId: string,
    args: OrganisationCareGroupsArgs,
  ): Promise<Page<CareGroup>> {
    this.access.requireOrganisationRole(user, organisationId, ORGANISATION_MEMBER_ROLES);
    const params: unknown[] = [user.userId, organisationId];
    const conditions = [`g.organisation_id = $2`];
    if (args.status) {
      params.push(args.status);
      conditions.push(`g.status = $${params.length}`);
    }
    return this.page(user, conditions, params, args, true);
  }

  /** A household of the group, Comune staff of its territory, or the offering organisation. */
  async careGroup(user: AuthenticatedUser, id: string): Promise<CareGroup> {
    const [row]: GroupRow[] = await this.dataSource.query(
      `SELECT ${GROUP_COLUMNS} FROM ${GROUP_FROM} WHERE g.id = $1`,
      [id],
    );
    if (!row) throw new DomainError('CARE_GROUP_NOT_FOUND', { field: 'id' });
    const seesAll = await this.seesEveryHousehold(user, row);
    const [group] = await this.withMembers(user, [row], seesAll);
    if (!seesAll && group.myQuotes.length === 0)
      throw new DomainError('CARE_GROUP_NOT_FOUND', { field: 'id' });
    return group;
  }

  // ----- households' decisions -----

  /** A household accepts its quote; when every household has, the group starts. */
  async confirm(user: AuthenticatedUser, input: CareGroupMemberInput): Promise<CareGroup> {
    await this.dataSource.transaction(async (manager) => {
      const { group, member } = await this.lockMember(
        manager,
        user,
        input,
        'care_group.confirmed_for_household',
      );
      if (group.status !== CareGroupStatus.PROPOSED) {
        throw new DomainError('CARE_GROUP_NOT_PROPOSED', {
          field: 'groupId',
          params: { status: group.status },
        });
      }
      if (member.status === CareGroupMemberStatus.CONFIRMED) return; // a repeated click changes nothing
      await setMemberStatus(manager, member, CareGroupMemberStatus.CONFIRMED, user.userId, 'quote accepted');
      await confirmGroupIfComplete(manager, this.lifecycle, this.notifications, group, user.userId);
    });
    return this.careGroup(user, input.groupId);
  }

  /**
   * A household leaves. The others are re-priced on the band for their new size and told; with
   * one household left the group dissolves. Needs matched through the group go back on the
   * market; the household that left is not grouped again automatically.
   */
  async leave(user: AuthenticatedUser, input: LeaveCareGroupInput): Promise<CareGroup> {
    await this.dataSource.transaction(async (manager) => {
      const { group, member } = await this.lockMember(manager, user, input, 'care_group.left_for_household');
      await removeHousehold(manager, this.lifecycle, this.notifications, group, member, {
        actorUserId: user.userId,
        reason: input.reason?.trim() || 'left the group',
        leftReason: 'left',
      });
    });
    return this.careGroup(user, input.groupId);
  }

  // ----- internals -----

  /**
   * Locks the group and finds the household's live membership. A household's own people act for
   * it; a Comune operator of the territory may act for someone at the desk (audited).
   */
  private async lockMember(
    manager: EntityManager,
    user: AuthenticatedUser,
    input: CareGroupMemberInput,
    auditAction: string,
  ): Promise<{
    group: LockedCareGroup;
    member: { id: string; needId: string; status: CareGroupMemberStatus };
  }> {
    const group = await lockCareGroup(manager, input.groupId);
    if (!group) throw new DomainError('CARE_GROUP_NOT_FOUND', { field: 'groupId' });
    const isHousehold = (await householdUserIds(manager, input.needId)).includes(user.userId);
    if (!isHousehold) {
      try {
        await this.access.requireComuneRole(user, group.comuneIstat, [Role.COMUNE_OPERATOR], manager);
      } catch {
        // Strangers learn nothing about the group.
        throw new DomainError('CARE_GROUP_NOT_FOUND', { field: 'groupId' });
      }
    }
    const [member]: { id: string; needId: string; status: CareGroupMemberStatus }[] = await manager.query(
      `SELECT id, need_id AS "needId", status FROM care_group_members
        WHERE group_id = $1 AND need_id = $2 AND left_at IS NULL`,
      [group.id, input.needId],
    );
    if (!member) throw new DomainError('CARE_GROUP_MEMBER_NOT_FOUND', { field: 'needId' });
    if (!isHousehold) {
      const territoryId = await firstTerritoryOf(manager, group.comuneIstat);
      await writeAudit(manager, {
        actorUserId: user.userId,
        action: auditAction,
        entityType: 'care_group',
        entityId: group.id,
        territoryId,
        details: { needId: input.needId },
      });
    }
    return { group, member };
  }

  private async seesEveryHousehold(user: AuthenticatedUser, row: GroupRow): Promise<boolean> {
    if (this.access.hasOrganisationRole(user, row.organisationId, ORGANISATION_MEMBER_ROLES)) return true;
    try {
      await this.access.requireComuneRole(user, row.comuneIstat, COMUNE_STAFF_ROLES);
      return true;
    } catch {
      return false;
    }
  }

  private async page(
    user: AuthenticatedUser,
    conditions: string[],
    params: unknown[],
    args: PageArgs,
    seesAll: boolean,
  ): Promise<Page<CareGroup>> {
    conditions.push(...afterCursorCondition(args.after, '(g.created_at, g.id)', 'DESC', params));
    params.push(args.first + 1);
    // $1 is always the caller (used by IS_MINE in the members query, harmless here).
    const rows: (GroupRow & CursorAt)[] = await this.dataSource.query(
      `SELECT ${GROUP_COLUMNS}, ${cursorAtColumn('g.created_at')} FROM ${GROUP_FROM}
        WHERE $1::uuid IS NOT NULL AND ${conditions.join(' AND ')}
        ORDER BY g.created_at DESC, g.id DESC LIMIT $${params.length}`,
      params,
    );
    const page = toPage(rows, args.first, (row) => [row.cursorAt, row.id]);
    return { items: await this.withMembers(user, page.items, seesAll), pageInfo: page.pageInfo };
  }

  private async withMembers(
    user: AuthenticatedUser,
    rows: GroupRow[],
    seesAll: boolean,
  ): Promise<CareGroup[]> {
    if (rows.length === 0) return [];
    const members: MemberRow[] = await this.dataSource.query(
      `SELECT m.group_id AS "groupId", m.need_id AS "needId", m.status,
              m.price_cents_per_hour AS "priceCentsPerHour",
              m.individual_price_cents_per_hour AS "individualPriceCentsPerHour",
              m.weekly_cents AS "weeklyCents", m.individual_weekly_cents AS "individualWeeklyCents",
              m.joined_at AS "joinedAt", m.confirmed_at AS "confirmedAt", m.left_at AS "leftAt",
              ${IS_MINE} AS mine
         FROM care_group_members m JOIN needs n ON n.id = m.need_id
         LEFT JOIN beneficiaries b ON b.id = n.beneficiary_id
        WHERE m.group_id = ANY($2::uuid[]) ORDER BY m.joined_at, m.need_id`,
      [user.userId, rows.map((row) => row.id)],
    );
    return rows.map((row) => {
      const own = members.filter((member) => member.groupId === row.id);
      return {
        id: row.id,
        status: row.status,
        comuneIstat: row.comuneIstat,
        offer: {
          id: row.offerId,
          title: row.offerTitle,
          organisationId: row.organisationId,
          organisationName: row.organisationName,
        },
        sharedSchedule: row.sharedSchedule,
        weeklyMinutes: row.weeklyMinutes,
        householdCount: own.filter((member) => member.leftAt === null).length,
        myQuotes: own.filter((member) => member.mine).map(toQuote),
        members: seesAll ? own.map(toQuote) : null,
        createdAt: row.createdAt,
        confirmedAt: row.confirmedAt,
        dissolvedAt: row.dissolvedAt,
      };
    });
  }
}
