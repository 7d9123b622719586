import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JOBS, OnJob, PayloadOf } from '@prossimo/platform';
import { DataSource } from 'typeorm';
import { NotificationsService } from '../delivery/notifications.service';
import {
  ENGAGEMENT_NOTICES,
  EngagementNoticeSource,
  engagementTime,
  REMINDER_EVENTS,
  reminderRef,
} from './engagement-notices';
import { EngagementRemindersRepository } from './engagement-reminders.repository';

/**
 * A reminder's delayed job fires: it sends only if the engagement is still confirmed for the same
 * start (a cancelled, no-show or rescheduled engagement makes it a no-op), and only once (a row
 * per engagement, kind and start, written in the same transaction as the notifications).
 */
@Injectable()
export class EngagementReminderProcessor {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly reminders: EngagementRemindersRepository,
    @Inject(ENGAGEMENT_NOTICES) private readonly engagementNotices: EngagementNoticeSource,
  ) {}

  @OnJob(JOBS.engagementReminder)
  async remind({ engagementId, kind, startsAt }: PayloadOf<typeof JOBS.engagementReminder>): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      // A share lock: a cancellation in flight waits for this, then withdraws what it queued.
      const engagement = await this.engagementNotices.load(manager, engagementId, true);
      if (!engagement || engagement.status !== 'confirmed') return 'engagement-changed';
      if (engagement.startsAt.getTime() !== new Date(startsAt).getTime()) return 'rescheduled';
      const claimed = await this.reminders.claimReminder(manager, engagementId, kind, engagement.startsAt);
      if (!claimed) return 'already-sent';
      const common = {
        event: REMINDER_EVENTS[kind],
        // One hour before is too late to wait for the end of the quiet hours.
        urgent: kind === 'hour_before',
        ref: reminderRef(engagementId),
      };
      const params = {
        time: engagementTime(engagement),
        summary: engagement.summary,
        place: engagement.place,
        contact: engagement.contact,
      };
      await this.notifications.notifyUser(manager, {
        ...common,
        userId: engagement.helperUserId,
        params: { ...params, who: engagement.citizenName },
      });
      for (const citizen of engagement.citizenUserIds) {
        await this.notifications.notifyUser(manager, {
          ...common,
          userId: citizen,
          params: { ...params, who: engagement.helperName },
        });
      }
      return 'sent';
    });
  }
}
