import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthenticatedUser } from '@prossimo/identity';
import { NotificationsService } from '@prossimo/notifications';
import { APP_CONFIG, AppConfig, DomainError, recordStatusChange, writeAudit } from '@prossimo/platform';
import { ReviewRequestService, ReviewService } from '@prossimo/reputation';
import { NeedLifecycleService, NeedStatus } from '@prossimo/requests';
import { firstTerritoryOf } from '@prossimo/territory';
import { DataSource, EntityManager } from 'typeorm';
import {
  CompleteEngagementInput,
  Engagement,
  EngagementActionInput,
  RateEngagementInput,
} from '../matching.types';
import { ENGAGEMENT_HISTORY_ENTITY, formatWhen, NeedForMatching, whenOf } from '../needs/need-for-matching';
import { NeedReadsRepository } from '../needs/need-reads.repository';
import { EngagementParties, EngagementParty, EngagementPartyRole } from './engagement-parties.service';
import { canEngagementTransition, earliestStart, EngagementStatus, maxLoggedHours } from './engagement-rules';
import { EngagementsRepository } from './engagements.repository';
import { EngagementsService } from './engagements.service';

/**
 * An engagement's lifecycle: the citizen confirms or declines the helper who accepted, the helper
 * starts and completes, any party cancels, the citizen reports a no-show. Each step moves the need too.
 */
@Injectable()
export class EngagementLifecycleService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly parties: EngagementParties,
    private readonly engagements: EngagementsService,
    private readonly lifecycle: NeedLifecycleService,
    private readonly notifications: NotificationsService,
    private readonly reviews: ReviewService,
    private readonly reviewRequests: ReviewRequestService,
    private readonly needReads: NeedReadsRepository,
    private readonly engagementRows: EngagementsRepository,
  ) {}

  /** The citizen (or Comune staff of the territory) confirms the helper who accepted. */
  async confirmEngagement(user: AuthenticatedUser, input: EngagementActionInput): Promise<Engagement> {
    return this.step(user, input.engagementId, ['citizen', 'staff'], async (manager, party, role) => {
      requireAwaiting(party);
      await this.move(manager, party, EngagementStatus.CONFIRMED, user.userId, input.reason ?? 'confirmed');
      await this.engagementRows.markConfirmed(manager, party.id);
      await this.tellHelper(manager, party, 'engagement_confirmed', (need) => ({ place: need.comuneName }));
      if (role === 'staff') await this.auditStaff(manager, user, party, 'engagement.confirmed_by_staff');
    });
  }

  /**
   * The citizen (or Comune staff) declines the helper who accepted: the engagement is cancelled
   * and the need goes back to matching (that helper is not asked again for it).
   */
  async declineEngagement(user: AuthenticatedUser, input: EngagementActionInput): Promise<Engagement> {
    return this.step(user, input.engagementId, ['citizen', 'staff'], async (manager, party, role) => {
      requireAwaiting(party);
      await this.move(
        manager,
        party,
        EngagementStatus.CANCELLED,
        user.userId,
        input.reason ?? 'declined by the citizen',
      );
      await this.tellHelper(manager, party, 'engagement_declined');
      await this.reopen(manager, party.needId, user.userId, 'helper declined at confirmation');
      if (role === 'staff') await this.auditStaff(manager, user, party, 'engagement.declined_by_staff');
    });
  }

  /**
   * The helper starts, from ENGAGEMENT_START_LEAD_MINUTES before the slot: the engagement and the
   * need go in progress.
   */
  async startEngagement(user: AuthenticatedUser, input: EngagementActionInput): Promise<Engagement> {
    return this.step(user, input.engagementId, ['helper'], async (manager, party) => {
      const earliest = earliestStart(party.startsAt, this.config.ENGAGEMENT_START_LEAD_MINUTES);
      if (party.status === EngagementStatus.CONFIRMED && Date.now() < earliest.getTime()) {
        throw new DomainError('ENGAGEMENT_TOO_EARLY', {
          field: 'engagementId',
          params: { from: formatWhen(earliest) },
        });
      }
      await this.move(manager, party, EngagementStatus.IN_PROGRESS, user.userId, input.reason ?? null);
      await this.engagementRows.markStarted(manager, party.id);
      await this.lifecycle.transition(
        manager,
        party.needId,
        NeedStatus.IN_PROGRESS,
        user.userId,
        'helper started',
      );
    });
  }

  /**
   * The helper finishes (once started: the transition rules allow completion only from in progress)
   * and logs the hours given, at most the slot's length plus ENGAGEMENT_HOURS_MARGIN_MINUTES.
   */
  async completeEngagement(user: AuthenticatedUser, input: CompleteEngagementInput): Promise<Engagement> {
    return this.step(user, input.engagementId, ['helper'], async (manager, party) => {
      const maxHours = maxLoggedHours(
        { start: party.startsAt, end: party.endsAt },
        this.config.ENGAGEMENT_HOURS_MARGIN_MINUTES,
      );
      if (party.status === EngagementStatus.IN_PROGRESS && input.hoursLogged > maxHours) {
        throw new DomainError('HOURS_LOGGED_TOO_MANY', {
          field: 'hoursLogged',
          params: { max: String(maxHours) },
        });
      }
      await this.engagementRows.markCompleted(manager, party.id, input.hoursLogged);
      await this.move(manager, party, EngagementStatus.COMPLETED, user.userId, `${input.hoursLogged} hours`);
      await this.lifecycle.transition(
        manager,
        party.needId,
        NeedStatus.COMPLETED,
        user.userId,
        'helper completed',
      );
      await this.reviewRequests.requestReviews(manager, party.id);
    });
  }

  /**
   * The helper, the citizen or Comune staff cancel. Before it started the need goes back on the
   * market (and matching tries again); once started the need is cancelled with it.
   */
  async cancelEngagement(user: AuthenticatedUser, input: EngagementActionInput): Promise<Engagement> {
    return this.step(
      user,
      input.engagementId,
      ['helper', 'citizen', 'staff'],
      async (manager, party, role) => {
        const before = party.status;
        await this.move(manager, party, EngagementStatus.CANCELLED, user.userId, input.reason ?? null);
        if (before === EngagementStatus.CONFIRMED || before === EngagementStatus.AWAITING_CONFIRMATION) {
          await this.reopen(manager, party.needId, user.userId, 'engagement cancelled');
        } else {
          await this.lifecycle.transition(
            manager,
            party.needId,
            NeedStatus.CANCELLED,
            user.userId,
            'engagement cancelled',
          );
        }
        if (role === 'staff') await this.auditStaff(manager, user, party, 'engagement.cancelled_by_staff');
      },
    );
  }

  /** The citizen or Comune staff report that the helper did not come: the need is matched again. */
  async reportNoShow(user: AuthenticatedUser, input: EngagementActionInput): Promise<Engagement> {
    return this.step(user, input.engagementId, ['citizen', 'staff'], async (manager, party, role) => {
      await this.move(manager, party, EngagementStatus.NO_SHOW, user.userId, input.reason ?? null);
      await this.reopen(manager, party.needId, user.userId, 'helper did not show up');
      if (role === 'staff') await this.auditStaff(manager, user, party, 'engagement.no_show_by_staff');
    });
  }

  /**
   * Deprecated: the citizen's single-star rating, kept for older clients. It writes the citizen's
   * review of the helper with the same stars on each criterion (see writeReview).
   */
  async rateEngagement(user: AuthenticatedUser, input: RateEngagementInput): Promise<Engagement> {
    const manager = this.dataSource.manager;
    await this.parties.requireParty(
      manager,
      user,
      await this.parties.engagementParty(manager, input.engagementId, false),
      ['citizen'],
    );
    await this.reviews.writeReview(user, {
      engagementId: input.engagementId,
      punctuality: input.stars,
      respect: input.stars,
      helpQuality: input.stars,
    });
    return this.engagements.engagement(user, input.engagementId);
  }

  /**
   * One step of the lifecycle, in a transaction: the engagement locked and the caller checked as one
   * of `roles` (their role is passed on), then the step; answers the engagement as the caller sees it.
   */
  private async step(
    user: AuthenticatedUser,
    engagementId: string,
    roles: EngagementPartyRole[],
    step: (manager: EntityManager, party: EngagementParty, role: EngagementPartyRole) => Promise<void>,
  ): Promise<Engagement> {
    await this.dataSource.transaction(async (manager) => {
      const party = await this.parties.engagementParty(manager, engagementId, true);
      const role = await this.parties.requireParty(manager, user, party, roles);
      await step(manager, party, role);
    });
    return this.engagements.engagement(user, engagementId);
  }

  private async reopen(
    manager: EntityManager,
    needId: string,
    actorUserId: string,
    reason: string,
  ): Promise<void> {
    // The lifecycle enqueues match-need for every need that becomes OPEN again.
    await this.lifecycle.transition(manager, needId, NeedStatus.OPEN, actorUserId, reason);
  }

  private async move(
    manager: EntityManager,
    party: EngagementParty,
    to: EngagementStatus,
    actorUserId: string,
    reason: string | null,
  ): Promise<void> {
    if (!canEngagementTransition(party.status, to)) {
      throw new DomainError('ENGAGEMENT_TRANSITION_INVALID', {
        field: 'engagementId',
        params: { from: party.status, to },
      });
    }
    await this.engagementRows.updateStatus(manager, party.id, to);
    await recordStatusChange(manager, {
      entityType: ENGAGEMENT_HISTORY_ENTITY,
      entityId: party.id,
      from: party.status,
      to,
      actorUserId,
      reason,
    });
    // Withdraws reminders that no longer apply; pickup and drop-off news for the family (libs/notifications).
    await this.notifications.engagementChanged(manager, party.id);
  }

  /** Tells the engagement's helper what the citizen's side decided, with the need's summary and time. */
  private async tellHelper(
    manager: EntityManager,
    party: EngagementParty,
    event: 'engagement_confirmed' | 'engagement_declined',
    moreParams: (need: NeedForMatching) => Record<string, string> = () => ({}),
  ): Promise<void> {
    const need = (await this.needReads.loadNeedForMatching(manager, party.needId)) as NeedForMatching;
    await this.notifications.notifyUser(manager, {
      userId: party.helperUserId,
      event,
      params: {
        summary: need.description,
        when: whenOf(need, this.config.MATCHING_RIDE_BUFFER_MINUTES),
        ...moreParams(need),
      },
      ref: `engagement:${party.id}`,
    });
  }

  private async auditStaff(
    manager: EntityManager,
    user: AuthenticatedUser,
    party: EngagementParty,
    action: string,
  ): Promise<void> {
    await writeAudit(manager, {
      actorUserId: user.userId,
      action,
      entityType: 'engagement',
      entityId: party.id,
      territoryId: await firstTerritoryOf(manager, party.comuneIstat),
      details: { needId: party.needId },
    });
  }
}

function requireAwaiting(party: EngagementParty): void {
  if (party.status !== EngagementStatus.AWAITING_CONFIRMATION) {
    throw new DomainError('ENGAGEMENT_NOT_AWAITING', { field: 'engagementId' });
  }
}
