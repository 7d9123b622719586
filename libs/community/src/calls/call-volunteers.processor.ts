import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotificationsService } from '@prossimo/notifications';
import { APP_CONFIG, AppConfig, JOBS, OnJob, PayloadOf } from '@prossimo/platform';
import { DataSource } from 'typeorm';
import { CallNoticesRepository } from './call-notices.repository';

/** The SMS notice of a call takes "SI <code>" as an answer to it. */
export const CALL_REPLY_TARGET = 'call_to_action';

/**
 * A targeted call was published (at once, or approved by a moderator): the volunteers who fit it
 * hear of it on their channels and in their language. Once per call (volunteers_notified_at, under
 * the call's row lock), within CALL_NOTIFY_MAX_PER_CALL and CALL_NOTIFY_MAX_PER_VOLUNTEER_PER_WEEK.
 */
@Injectable()
export class CallVolunteersProcessor {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly notifications: NotificationsService,
    private readonly notices: CallNoticesRepository,
  ) {}

  @OnJob(JOBS.notifyCallVolunteers)
  async tellVolunteers({ callId }: PayloadOf<typeof JOBS.notifyCallVolunteers>): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      await this.notices.takeTellingTurn(manager);
      const call = await this.notices.lockCallToTell(manager, callId);
      if (!call?.telling) return 'nothing-to-tell';
      const volunteers = await this.notices.findFittingVolunteers(
        manager,
        callId,
        this.config.CALL_NOTIFY_MAX_PER_VOLUNTEER_PER_WEEK,
        this.config.CALL_NOTIFY_MAX_PER_CALL,
      );
      await this.notices.recordTold(
        manager,
        callId,
        volunteers.map((volunteer) => volunteer.userId),
      );
      const params = {
        summary: call.title,
        place: call.places,
        when: call.endsOn ? `${call.startsOn} - ${call.endsOn}` : call.startsOn,
      };
      for (const volunteer of volunteers) {
        await this.notifications.notifyUser(manager, {
          userId: volunteer.userId,
          event: 'call_to_action_new',
          params,
          ref: `call:${callId}`,
          // Until the call's last day (a week for one without), "SI <code>" answers it.
          replyTarget: { type: CALL_REPLY_TARGET, id: callId, ttlHours: call.replyHours },
        });
      }
      return `told ${volunteers.length}`;
    });
  }
}
