import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig, writeAudit } from '@prossimo/platform';
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
 * Every step is one idempotent statement, so a retried or concurrent run is harmless.
 */
@Injectable()
export class RetentionService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly retention: RetentionRepository,
  ) {}

  async purge(): Promise<PurgeCounts> {
    const counts: PurgeCounts = {
      exportsExpired: await this.retention.expireExports(),
      sensitiveNotesPurged: await this.retention.purgeSensitiveNotes(
        CLOSED_NEED_STATUSES,
        this.config.SENSITIVE_NOTES_RETENTION_DAYS,
      ),
      phoneVerificationsDeleted: await this.retention.deletePhoneVerifications(
        this.config.OTP_RETENTION_DAYS,
      ),
      sessionsDeleted: await this.retention.deleteSessions(this.config.SESSION_RETENTION_DAYS),
      notificationsDeleted: await this.retention.deleteNotifications(this.config.NOTIFICATION_RETENTION_DAYS),
      // SPID/CIE sign-ins never finished (the person left at the provider): their state, nonce and
      // PKCE verifier are refused once expired, so nothing is lost by deleting them then.
      oidcRequestsDeleted: await this.retention.deleteExpiredOidcRequests(),
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
