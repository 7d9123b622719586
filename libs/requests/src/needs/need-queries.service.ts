import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, AuthenticatedUser, COMUNE_STAFF_ROLES, Role } from '@prossimo/identity';
import { ContentType, ModerationService } from '@prossimo/moderation';
import { DomainError, Page, PageArgs, readStatusHistory, toKeysetPage } from '@prossimo/platform';
import { isUUID } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { NEED_HISTORY_ENTITY } from '../lifecycle/need-lifecycle.service';
import { NeedRow, toNeed } from './need-rows';
import { NEED_HELPERS, NeedHelpersSource } from './need-helpers';
import { NeedsRepository } from './needs.repository';
import { Need, NeedAccess, NeedSource, NeedStatusChange, TerritoryNeedsArgs } from '../requests.types';

/**
 * Reading needs, for those they concern: who may see a need and how much of it (the caller's
 * access: owner, staff of its territory, its helper, or none), one need or a page of them.
 */
@Injectable()
export class NeedQueriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly moderation: ModerationService,
    private readonly needs: NeedsRepository,
    @Inject(NEED_HELPERS) private readonly helpers: NeedHelpersSource,
  ) {}

  /**
   * One need, for those it concerns: the author and the person it is for, Comune staff of its
   * territory, the platform's admins (without personal fields), and the helpers it was proposed to
   * (while the proposal is open or accepted) or who took it on. Anyone else gets NEED_NOT_FOUND,
   * open or not: its destination, place and times can be health data. Personal fields depend on
   * who asks (see the field resolvers).
   */
  async need(user: AuthenticatedUser, id: string): Promise<Need> {
    const row = await this.findNeed(this.dataSource.manager, id);
    const access = await this.accessFor(user, row);
    const visible =
      access !== 'none' ||
      row.authorUserId === user.userId ||
      this.access.isPlatformAdmin(user) ||
      (await this.isProposedHelper(row.id, user.userId));
    if (!visible) throw new DomainError('NEED_NOT_FOUND', { field: 'id' });
    return toNeed(row, user, access);
  }

  /** Needs the citizen posted or that are for them, newest first. */
  async myNeeds(user: AuthenticatedUser, args: PageArgs): Promise<Page<Need>> {
    const rows = await this.needs.findMyNeedsPage(this.publishedCondition(), user.userId, args);
    const page = toKeysetPage(rows, args.first);
    return { items: await this.toNeeds(page.items, user), pageInfo: page.pageInfo };
  }

  /** Comune staff: needs of their territories, oldest first; unmatchedForHours finds the forgotten ones. */
  async territoryNeeds(user: AuthenticatedUser, args: TerritoryNeedsArgs): Promise<Page<Need>> {
    this.access.requireRole(user, COMUNE_STAFF_ROLES);
    const scope = this.access.scope(user, COMUNE_STAFF_ROLES);
    const params: unknown[] = [];
    const inScope = this.access.comuneCondition(scope, 'n.comune_istat', params);
    const rows = await this.needs.findTerritoryNeedsPage(this.publishedCondition(), inScope, params, args);
    const page = toKeysetPage(rows, args.first);
    return { items: await this.toNeeds(page.items, user), pageInfo: page.pageInfo };
  }

  /** Status changes of a need, oldest first: for its author, the person it is for, and Comune staff. */
  async needHistory(user: AuthenticatedUser, needId: string): Promise<NeedStatusChange[]> {
    const need = await this.need(user, needId);
    const allowed =
      need.access === 'owner' ||
      need.access === 'staff' ||
      need.authorUserId === user.userId ||
      this.access.isPlatformAdmin(user);
    if (!allowed) throw new DomainError('FORBIDDEN');
    return readStatusHistory<NeedStatusChange>(this.dataSource, NEED_HISTORY_ENTITY, needId);
  }

  /**
   * Hook for matching: the helper whose engagement on this need is confirmed (or under way) may
   * read its address and sensitive notes. Engagements are matching's table; only this read is here.
   */
  protected async isConfirmedHelper(needId: string, userId: string): Promise<boolean> {
    return (await this.confirmedHelperOf([needId], userId)).has(needId);
  }

  /**
   * Whether the need was proposed to this user (as a volunteer, or to an organisation they belong
   * to) and the proposal is open or accepted, or they are the helper of an engagement on it.
   * Proposals and engagements are matching's tables; only this read is here.
   */
  private async isProposedHelper(needId: string, userId: string): Promise<boolean> {
    return this.helpers.isProposedHelper(needId, userId);
  }

  /**
   * Of these needs, those on which the user is the confirmed helper: the volunteer, or a member of
   * the organisation that took it (whoever of its people goes needs the address, not only the
   * contact the proposal was sent to). One query for a whole page.
   */
  private async confirmedHelperOf(needIds: string[], userId: string): Promise<Set<string>> {
    if (!needIds.length) return new Set();
    return new Set(await this.helpers.needsConfirmedHelperOf(needIds, userId));
  }

  private publishedCondition(): string {
    return this.moderation.publishedCondition(ContentType.NEED, 'n.id');
  }

  private async findNeed(manager: EntityManager, id: string): Promise<NeedRow> {
    if (!isUUID(id)) throw new DomainError('NEED_NOT_FOUND', { field: 'id' });
    const row = await this.needs.findNeed(manager, this.publishedCondition(), id);
    if (!row) throw new DomainError('NEED_NOT_FOUND', { field: 'id' });
    return row;
  }

  /** Locks the need (for a status change in the caller's transaction), then reads it. */
  async lockNeed(manager: EntityManager, id: string): Promise<NeedRow> {
    const locked = await this.needs.lockNeed(manager, id);
    if (!locked) throw new DomainError('NEED_NOT_FOUND', { field: 'needId' });
    return this.findNeed(manager, id);
  }

  /**
   * Comuni where the user holds a real staff grant. Platform admins run the platform; they are
   * not the Comune's social services, so their role alone opens no personal data.
   */
  private async staffComuni(user: AuthenticatedUser): Promise<Set<string>> {
    const grants = { ...user, roles: user.roles.filter((grant) => grant.role !== Role.PLATFORM_ADMIN) };
    const scope = this.access.scope(grants, COMUNE_STAFF_ROLES);
    if (scope.all || !scope.territoryIds.length) return new Set();
    return new Set(await this.needs.findComuniOfTerritories(scope.territoryIds));
  }

  private async accessFor(
    user: AuthenticatedUser,
    row: NeedRow,
    staffComuni?: Set<string>,
    helping?: Set<string>,
  ): Promise<NeedAccess> {
    if (row.beneficiaryUserId === user.userId) return 'owner';
    if (row.source === NeedSource.CITIZEN && row.authorUserId === user.userId) return 'owner';
    if ((staffComuni ?? (await this.staffComuni(user))).has(row.comuneIstat)) return 'staff';
    if (helping ? helping.has(row.id) : await this.isConfirmedHelper(row.id, user.userId)) return 'helper';
    return 'none';
  }

  /** A page of needs as the caller may see them, with a fixed number of queries whatever its size. */
  private async toNeeds(rows: NeedRow[], user: AuthenticatedUser): Promise<Need[]> {
    const [staffComuni, helping] = await Promise.all([
      this.staffComuni(user),
      this.confirmedHelperOf(
        rows.map((row) => row.id),
        user.userId,
      ),
    ]);
    return Promise.all(
      rows.map(async (row) => toNeed(row, user, await this.accessFor(user, row, staffComuni, helping))),
    );
  }
}
