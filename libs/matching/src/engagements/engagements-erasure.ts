import { Injectable } from '@nestjs/common';
import { ContentType, deleteModerationRecords } from '@prossimo/moderation';
import { NotificationsService } from '@prossimo/notifications';
import { recordStatusChange } from '@prossimo/platform';
import { NeedLifecycleService, NeedStatus } from '@prossimo/requests';
import { EntityManager } from 'typeorm';
import { ENGAGEMENT_HISTORY_ENTITY, formatWhen } from '../needs/need-for-matching';
import { EngagementsErasureRepository, OpenEngagement } from './engagements-erasure.repository';

export type { OpenEngagement } from './engagements-erasure.repository';

/**
 * Matching's part of the erasures (of an account, of a person without one): engagements handed over
 * or cancelled (the other side told), proposals withdrawn, the person's engagement messages, the
 * matching runs waited for. In the erasure's transaction; privacy calls the steps in its order,
 * between other libraries' steps.
 */
@Injectable()
export class EngagementsErasure {
  constructor(
    private readonly erasure: EngagementsErasureRepository,
    private readonly notifications: NotificationsService,
    private readonly lifecycle: NeedLifecycleService,
  ) {}

  /**
   * Waits for the matching runs on these needs (matching-engine.service.ts, lockForMatching): a run
   * that read a need commits its messages first, a later one finds the need closed.
   */
  async waitForMatchingRuns(manager: EntityManager, needIds: string[]): Promise<void> {
    if (!needIds.length) return;
    await this.erasure.waitForMatchingRuns(manager, needIds);
  }

  /** The person's organisation engagements pass to another admin or operator of it; returns how many. */
  handOverOrganisationEngagements(manager: EntityManager, userId: string): Promise<number> {
    return this.erasure.handOverOrganisationEngagements(manager, userId);
  }

  /** Open engagements where the person helps or is helped, locked. */
  openEngagementsOfPerson(manager: EntityManager, userId: string): Promise<OpenEngagement[]> {
    return this.erasure.lockOpenEngagementsOfPerson(manager, userId);
  }

  /** Open engagements on these needs, locked. */
  openEngagementsOfNeeds(manager: EntityManager, needIds: string[]): Promise<OpenEngagement[]> {
    return this.erasure.lockOpenEngagementsOfNeeds(manager, needIds);
  }

  /** Cancels one engagement, moves its need on and tells the people listed. */
  async cancelEngagement(
    manager: EntityManager,
    engagement: OpenEngagement,
    needTo: NeedStatus,
    historyReason: string,
    tell: { userId: string; summary: string; reason: string }[],
  ): Promise<void> {
    await this.erasure.cancelEngagement(manager, engagement.id);
    await recordStatusChange(manager, {
      entityType: ENGAGEMENT_HISTORY_ENTITY,
      entityId: engagement.id,
      from: engagement.status,
      to: 'cancelled',
      actorUserId: null,
      reason: historyReason,
    });
    await this.notifications.cancelScheduled(manager, `engagement:${engagement.id}`);
    await this.lifecycle.transition(manager, engagement.needId, needTo, null, historyReason);
    for (const person of tell) {
      await this.notifications.notifyUser(manager, {
        userId: person.userId,
        event: 'engagement_cancelled',
        params: { summary: person.summary, when: formatWhen(engagement.startsAt), reason: person.reason },
        urgent: engagement.startsAt.getTime() - Date.now() < 24 * 3600_000,
      });
    }
  }

  /** Helpers asked about these needs, and the person's own pending proposals (userId null: none), are withdrawn. */
  async withdrawPendingProposals(
    manager: EntityManager,
    needIds: string[],
    userId: string | null,
  ): Promise<void> {
    await this.erasure.withdrawPendingProposals(manager, needIds, userId);
  }

  /** Notification refs about the person's needs, engagements and proposals (others' messages quote them). */
  async relatedRefs(manager: EntityManager, userId: string | null, needIds: string[]): Promise<string[]> {
    const rows = await this.erasure.findRelatedRefs(manager, userId, needIds);
    return rows.map((row) => row.ref);
  }

  /** The person's messages on engagements, and those their family contact wrote for them on their needs. */
  eraseMessagesOfPerson(
    manager: EntityManager,
    userId: string,
    needIds: string[],
  ): Promise<{ engagementMessagesDeleted: number }> {
    return this.eraseEngagementMessages(
      manager,
      `sender_user_id = $1 OR (sender_user_id IS NULL AND sender_side = 'citizen'
           AND engagement_id IN (SELECT id FROM engagements WHERE need_id = ANY($2::uuid[])))`,
      [userId, needIds],
    );
  }

  /** What a person without an account wrote by SMS to their helpers on these needs (no sender user). */
  eraseSmsMessagesOnNeeds(
    manager: EntityManager,
    needIds: string[],
  ): Promise<{ engagementMessagesDeleted: number }> {
    return this.eraseEngagementMessages(
      manager,
      `sender_user_id IS NULL AND sender_side = 'citizen'
           AND engagement_id IN (SELECT id FROM engagements WHERE need_id = ANY($1::uuid[]))`,
      [needIds],
    );
  }

  /**
   * The messages go, with their moderation records and the reports about them; what the other
   * parties wrote stays for them (their relayed copies to the person go with the person's
   * notifications).
   */
  private async eraseEngagementMessages(
    manager: EntityManager,
    condition: string,
    params: unknown[],
  ): Promise<{ engagementMessagesDeleted: number }> {
    const ids = (await this.erasure.deleteEngagementMessages(manager, condition, params)).map(
      (row) => row.id,
    );
    await deleteModerationRecords(manager, ContentType.ENGAGEMENT_MESSAGE, ids);
    return { engagementMessagesDeleted: ids.length };
  }
}
