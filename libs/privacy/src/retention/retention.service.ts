import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IdentityRetention } from '@prossimo/identity';
import { NotificationsRetention } from '@prossimo/notifications';
import { APP_CONFIG, AppConfig, writeAudit } from '@prossimo/platform';
import { NeedsRetention } from '@prossimo/requests';
import { DataSource } from 'typeorm';
import { RetentionRepository } from './retention.repository';

export interface PurgeCounts {
  exportsExpired: number;
  sensitiveNotesPurged: number;
  phoneVerificationsDeleted: number;
  sessionsDeleted: number;
  notificationsDeleted: number;
  oidcRequestsDeleted: number;
}

const CLOSED_NEED_STATUSES = ['completed', 'cancelled', 'expired', 'rejected'];

/**
 * Retention: what is kept only for a while is deleted on schedule (the maintenance `purge` job).
 * Every step is one idempotent statement, so a retried or concurrent run is harmless. Each library
 * purges its own tables (requests' NeedsRetention, identity's IdentityRetention, notifications'
 * NotificationsRetention); privacy keeps the order and the audit entry.
 */
@Injectable()
export class RetentionService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly retention: RetentionRepository,
    private readonly needs: NeedsRetention,
    private readonly identity: IdentityRetention,
    private readonly notifications: NotificationsRetention,
  ) {}

  async purge(): Promise<PurgeCounts> {
    const counts: PurgeCounts = {
      exportsExpired: await this.retention.expireExports(),
      sensitiveNotesPurged: await this.needs.purgeHealthNotesOfClosedNeeds(
        CLOSED_NEED_STATUSES,
        this.config.SENSITIVE_NOTES_RETENTION_DAYS,
      ),
      phoneVerificationsDeleted: await this.identity.deletePhoneVerifications(this.config.OTP_RETENTION_DAYS),
      sessionsDeleted: await this.identity.deleteSessions(this.config.SESSION_RETENTION_DAYS),
      notificationsDeleted: await this.notifications.deleteNotifications(
        this.config.NOTIFICATION_RETENTION_DAYS,
      ),
      oidcRequestsDeleted: await this.identity.deleteExpiredOidcRequests(),
    };
    if (Object.values(counts).some((count) => count > 0)) {
      await writeAudit(this.dataSource.manager, {
        actorUserId: null,
        action: 'retention.purged',
        entityType: 'retention',
        details: { ...counts },
      });
    }
    return counts;
  }
}
