import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AccessService,
  AuthenticatedUser,
  COMUNE_STAFF_ROLES,
  IdentityErasure,
  Role,
  SessionService,
} from '@prossimo/identity';
import { NotificationsErasure } from '@prossimo/notifications';
import { EngagementsErasure } from '@prossimo/matching';
import {
  AccountErasureHandlers,
  blankStatusReasonsWrittenBy,
  DomainError,
  ERASED_TEXT,
  writeAudit,
} from '@prossimo/platform';
import { NeedsErasure, NeedStatus } from '@prossimo/requests';
import { DataSource, EntityManager } from 'typeorm';
import { comuniOfPerson, staffTerritoryCovering } from '../staff-scope/staff-scope.repository';
import { AccountErasure, EraseAccountInput, StaffErasureReason } from '../privacy.types';
import { COUNTERPARTS_OF_PERSON, ErasureRepository } from './erasure.repository';
import { ERASURE_REASON, ErasureSteps } from './erasure-steps';

/**
 * The libraries that keep personal data in tables of their own and erase it with a handler
 * (AccountErasureHandlers). Checked at boot: an erasure that silently skipped one would leave the
 * person's data behind.
 */
const ERASURE_AREAS = ['community', 'directory', 'identity', 'matching', 'moderation', 'reputation'];
/** Roles whose holders only a platform admin may erase (staff cannot erase each other). */
const STAFF_ROLES: string[] = [Role.PLATFORM_ADMIN, Role.COMUNE_OPERATOR, Role.COMUNE_MODERATOR];

/** Who asked for an erasure made by staff, and why (for the audit log). */
interface StaffRequest {
  actorUserId: string;
  reason: StaffErasureReason;
  /** The staff member's territory that covers the person (null for a platform admin). */
  territoryId: string | null;
}

/**
 * "Delete my account". In one transaction: open engagements are cancelled and the other parties
 * told; live needs are cancelled; personal data is deleted, or blanked where a record must stay
 * for the indicators (needs, engagements, hours, ratings keep their ids, categories, Comuni,
 * dates and numbers, and the account row stays as an anonymous key with status ERASED). Sessions
 * end. What remains is a record of the erasure without personal data.
 */
@Injectable()
export class ErasureService implements OnApplicationBootstrap {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsErasure,
    private readonly sessions: SessionService,
    private readonly access: AccessService,
    private readonly identity: IdentityErasure,
    private readonly handlers: AccountErasureHandlers,
    private readonly steps: ErasureSteps,
    private readonly needs: NeedsErasure,
    private readonly engagements: EngagementsErasure,
    private readonly erasure: ErasureRepository,
  ) {}

  onApplicationBootstrap(): void {
    const missing = ERASURE_AREAS.filter((area) => !this.handlers.areas().includes(area));
    if (missing.length) throw new Error(`Account erasure handlers missing for: ${missing.join(', ')}`);
  }

  async eraseMyAccount(user: AuthenticatedUser): Promise<AccountErasure> {
    const erasure = await this.dataSource.transaction((manager) => this.erase(manager, user.userId, 'self'));
    // Committed (sessions deleted, account erased): no recently checked token of theirs stays trusted.
    this.sessions.forgetCheckedSessions(user.userId);
    return erasure;
  }

  /**
   * Staff erase an account on the person's behalf (someone who asks at the desk, cannot use the
   * app, or has died): a platform admin anywhere; a Comune operator or moderator when one of
   * their territories covers a Comune where the person has a need or a volunteer profile. Staff
   * accounts can only be erased by a platform admin. Audited with the actor and the reason.
   */
  async eraseAccountAsStaff(staff: AuthenticatedUser, input: EraseAccountInput): Promise<AccountErasure> {
    this.access.requireRole(staff, COMUNE_STAFF_ROLES);
    if (input.userId === staff.userId) throw new DomainError('FORBIDDEN', { field: 'input.userId' });
    const erasure = await this.dataSource.transaction(async (manager) => {
      const target = await this.identity.accountWithRoles(manager, input.userId);
      if (!target || target.status === 'erased') {
        throw new DomainError('ACCOUNT_NOT_FOUND', { field: 'input.userId' });
      }
      if (!this.access.isPlatformAdmin(staff) && target.roles.some((role) => STAFF_ROLES.includes(role))) {
        throw new DomainError('FORBIDDEN', { field: 'input.userId' });
      }
      const comuni = await comuniOfPerson(manager, input.userId);
      const territoryId = await staffTerritoryCovering(this.access, manager, staff, comuni, 'input.userId');
      // Authorised for the person's Comuni: the step-up of their territories applies (issue 20).
      await this.access.requireStepUp(staff, { comuneIstats: comuni.map((comune) => comune.istat) }, manager);
      return this.erase(manager, input.userId, 'staff', {
        actorUserId: staff.userId,
        reason: input.reason,
        territoryId,
      });
    });
    // Committed: no recently checked token of the person's stays trusted (as eraseMyAccount).
    this.sessions.forgetCheckedSessions(input.userId);
    return erasure;
  }

  async erase(
    manager: EntityManager,
    userId: string,
    requestedBy: 'self' | 'staff',
    staffRequest?: StaffRequest,
  ): Promise<AccountErasure> {
    const account = await this.identity.lockAccount(manager, userId);
    if (!account || account.status === 'erased') throw new DomainError('UNAUTHENTICATED');
    const phone = account.phone_e164;

    const ownNeedIds = (
      await this.steps.lockNeedsAfterMatchingRuns(manager, (lock) =>
        this.needs.needsOfPerson(manager, userId, lock),
      )
    ).map((row) => row.id);

    const engagementsHandedOver = await this.engagements.handOverOrganisationEngagements(manager, userId);
    const engagementsCancelled = await this.cancelOpenEngagements(manager, userId);
    const needsCancelled = await this.steps.cancelLiveNeeds(manager, userId, ownNeedIds);
    const related = await this.engagements.relatedRefs(manager, userId, ownNeedIds);
    // Messages to the people the person dealt with that name them (found by privacy: the names and
    // the counterparts are in other libraries' tables).
    const mentionsBlanked = await this.notifications.blankMentions(
      manager,
      userId,
      phone,
      await this.erasure.findNamesOfPerson(manager, userId),
      COUNTERPARTS_OF_PERSON,
    );
    const summary = {
      engagementsCancelled,
      engagementsHandedOver,
      needsCancelled,
      mentionsBlanked,
      ...(await this.eraseMessages(manager, userId, phone, related)),
      // The person's messages, and those their family contact wrote for them.
      ...(await this.engagements.eraseMessagesOfPerson(manager, userId, ownNeedIds)),
      ...(await this.anonymiseNeeds(manager, userId, ownNeedIds)),
      ...(await this.deletePersonalRows(manager, userId)),
      // What the other libraries hold in their own tables (the account itself, sessions and roles;
      // volunteering, reviews, moderation, ...).
      ...(await this.handlers.eraseAccount({ manager, userId, phone })),
    };

    const record = await this.erasure.insertAccountErasure(manager, userId, requestedBy, summary);
    await writeAudit(manager, {
      actorUserId: requestedBy === 'self' ? userId : (staffRequest?.actorUserId ?? null),
      action: 'account.erased',
      entityType: 'user',
      entityId: userId,
      territoryId: staffRequest?.territoryId ?? null,
      details: { erasureId: record.id, requestedBy, reason: staffRequest?.reason ?? null, ...summary },
    });
    return {
      id: record.id,
      erasedAt: record.erasedAt,
      engagementsCancelled,
      needsCancelled,
      engagementsHandedOver,
    };
  }

  /**
   * Engagements not yet finished, as helper or as the person helped: cancelled, the other side
   * told. An organisation's engagement still on the person here had nobody to pass to.
   */
  private async cancelOpenEngagements(manager: EntityManager, userId: string): Promise<number> {
    const open = await this.engagements.openEngagementsOfPerson(manager, userId);
    for (const engagement of open) {
      const helperLeft = engagement.helperUserId === userId;
      // The helper left before starting: the need goes back on the market. Otherwise it ends here.
      const to = helperLeft && engagement.status !== 'in_progress' ? NeedStatus.OPEN : NeedStatus.CANCELLED;
      const reason = !helperLeft
        ? 'la persona ha chiuso il suo account'
        : engagement.organisationId
          ? "l'organizzazione non ha più un referente su Prossimo"
          : 'il volontario ha chiuso il suo account';
      const others = helperLeft
        ? engagement.citizenUserIds.filter((id) => id !== userId)
        : [engagement.helperUserId];
      await this.engagements.cancelEngagement(
        manager,
        engagement,
        to,
        ERASURE_REASON,
        others.map((other) => ({
          userId: other,
          summary: helperLeft ? engagement.description : ERASED_TEXT,
          reason,
        })),
      );
    }
    return open.length;
  }

  private async eraseMessages(
    manager: EntityManager,
    userId: string,
    phone: string | null,
    relatedRefs: string[],
  ): Promise<Record<string, number>> {
    const messages = await this.notifications.eraseMessagesOf(manager, userId, phone, relatedRefs);
    if (phone) await this.identity.deletePhoneVerificationsOf(manager, phone);
    await this.notifications.deletePreferencesOf(manager, userId);
    return messages;
  }

  /**
   * Needs stay for the indicators (category, Comune, dates, status, who was reached as an
   * anonymous id); what describes the person goes: text, address, notes, the relative's name
   * and phone, and the exact places become ones rounded to about a kilometre.
   */
  private async anonymiseNeeds(
    manager: EntityManager,
    userId: string,
    needIds: string[],
  ): Promise<Record<string, number>> {
    const needsAnonymised = await this.needs.blankNeeds(manager, needIds);
    // Relatives the person entered: the name is required by the table, so it becomes the placeholder.
    await this.needs.blankRelativesEnteredBy(manager, userId);
    // Free-text reasons the person wrote.
    await blankStatusReasonsWrittenBy(manager, userId);
    return { needsAnonymised };
  }

  /** The privacy library's own rows about the person: consents and exports. */
  private async deletePersonalRows(manager: EntityManager, userId: string): Promise<Record<string, number>> {
    await this.erasure.deleteConsentsOf(manager, userId);
    await this.erasure.deleteExportsOf(manager, userId);
    return {};
  }
}
