import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, AuthenticatedUser, COMUNE_STAFF_ROLES, Role } from '@prossimo/identity';
import { NotificationsService } from '@prossimo/notifications';
import {
  CursorAt,
  DomainError,
  Page,
  PageArgs,
  registerMessages,
  toKeysetPage,
  writeAudit,
} from '@prossimo/platform';
import { NeedLifecycleService } from '@prossimo/requests';
import { firstTerritoryOf } from '@prossimo/territory';
import { DataSource, EntityManager } from 'typeorm';
import {
  confirmGroupIfComplete,
  householdUserIds,
  LockedCareGroup,
  removeHousehold,
  setMemberStatus,
} from './care-group-records';
import { CareGroupsRepository, GroupRow, MemberRow } from './care-groups.repository';
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
    private readonly rows: CareGroupsRepository,
  ) {}

  // ----- reading -----

  async myCareGroups(user: AuthenticatedUser, args: PageArgs): Promise<Page<CareGroup>> {
    const rows = await this.rows.findHouseholdGroupsPage(user.userId, args);
    return this.page(user, rows, args, false);
  }

  async territoryCareGroups(
    user: AuthenticatedUser,
    args: TerritoryCareGroupsArgs,
  ): Promise<Page<CareGroup>> {
    this.access.requireRole(user, COMUNE_STAFF_ROLES);
    const params: unknown[] = [user.userId];
    const scope = this.access.comuneCondition(
      this.access.scope(user, COMUNE_STAFF_ROLES),
      'g.comune_istat',
      params,
    );
    const rows = await this.rows.findTerritoryGroupsPage(scope, params, args);
    return this.page(user, rows, args, true);
  }

  async organisationCareGroups(
    user: AuthenticatedUser,
    organisationId: string,
    args: OrganisationCareGroupsArgs,
  ): Promise<Page<CareGroup>> {
    this.access.requireOrganisationMember(user, organisationId);
    const rows = await this.rows.findOrganisationGroupsPage(user.userId, organisationId, args);
    return this.page(user, rows, args, true);
  }

  /** A household of the group, Comune staff of its territory, or the offering organisation. */
  async careGroup(user: AuthenticatedUser, id: string): Promise<CareGroup> {
    const row = await this.rows.findGroup(id);
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
      await setMemberStatus(
        this.rows,
        manager,
        member,
        CareGroupMemberStatus.CONFIRMED,
        user.userId,
        'quote accepted',
      );
      await confirmGroupIfComplete(
        this.rows,
        manager,
        this.lifecycle,
        this.notifications,
        group,
        user.userId,
      );
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
      await removeHousehold(this.rows, manager, this.lifecycle, this.notifications, group, member, {
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
    const group = await this.rows.lockCareGroup(manager, input.groupId);
    if (!group) throw new DomainError('CARE_GROUP_NOT_FOUND', { field: 'groupId' });
    const isHousehold = (await householdUserIds(this.rows, manager, input.needId)).includes(user.userId);
    if (!isHousehold) {
      try {
        await this.access.requireComuneRole(user, group.comuneIstat, [Role.COMUNE_OPERATOR], manager);
      } catch {
        // Strangers learn nothing about the group.
        throw new DomainError('CARE_GROUP_NOT_FOUND', { field: 'groupId' });
      }
    }
    const member = await this.rows.findLiveMembership(manager, group.id, input.needId);
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
    if (this.access.isOrganisationMember(user, row.organisationId)) return true;
    try {
      await this.access.requireComuneRole(user, row.comuneIstat, COMUNE_STAFF_ROLES);
      return true;
    } catch {
      return false;
    }
  }

  private async page(
    user: AuthenticatedUser,
    rows: (GroupRow & CursorAt)[],
    args: PageArgs,
    seesAll: boolean,
  ): Promise<Page<CareGroup>> {
    const page = toKeysetPage(rows, args.first);
    return { items: await this.withMembers(user, page.items, seesAll), pageInfo: page.pageInfo };
  }

  private async withMembers(
    user: AuthenticatedUser,
    rows: GroupRow[],
    seesAll: boolean,
  ): Promise<CareGroup[]> {
    if (rows.length === 0) return [];
    const members = await this.rows.findMembersOfGroups(
      user.userId,
      rows.map((row) => row.id),
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
