import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig, writeAudit } from '@prossimo/platform';
import { DataSource } from 'typeorm';

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
  ) {}

  async purge(): Promise<PurgeCounts> {
    const run = async (sql: string, params: unknown[]): Promise<number> => {
      const [, affected]: [unknown[], number] = await this.dataSource.query(sql, params);
      return affected;
    };
    const counts: PurgeCounts = {
      exportsExpired: await run(
        `UPDATE personal_data_exports SET status = 'expired', content_encrypted = NULL
          WHERE status = 'ready' AND expires_at <= now()`,
        [],
      ),
      // A terminal need is not updated again, so updated_at is when it closed.
      sensitiveNotesPurged: await run(
        `UPDATE needs SET sensitive_notes_encrypted = NULL
          WHERE sensitive_notes_encrypted IS NOT NULL AND status = ANY($1::text[])
            AND updated_at <= now() - make_interval(days => $2)`,
        [CLOSED_NEED_STATUSES, this.config.SENSITIVE_NOTES_RETENTION_DAYS],
      ),
      phoneVerificationsDeleted: await run(
        `DELETE FROM phone_verifications WHERE created_at <= now() - make_interval(days => $1)`,
        [this.config.OTP_RETENTION_DAYS],
      ),
      sessionsDeleted: await run(
        `DELETE FROM sessions
          WHERE least(expires_at, coalesce(revoked_at, expires_at)) <= now() - make_interval(days => $1)`,
        [this.config.SESSION_RETENTION_DAYS],
      ),
      // Messages still waiting to go out are never deleted, however old.
      notificationsDeleted: await run(
        `DELETE FROM notifications
          WHERE created_at <= now() - make_interval(days => $1) AND status NOT IN ('pending', 'sending')`,
        [this.config.NOTIFICATION_RETENTION_DAYS],
      ),
      // SPID/CIE sign-ins never finished (the person left at the provider): their state, nonce and
      // PKCE verifier are refused once expired, so nothing is lost by deleting them then.
      oidcRequestsDeleted: await run(`DELETE FROM oidc_authorization_requests WHERE expires_at <= now()`, []),
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
