import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/**
 * The retention purge's statements, one idempotent statement each. Privacy's own table
 * (personal_data_exports) and, until their owners take them in a purge step of their own, other
 * libraries' tables: requests' needs (health notes), identity's phone_verifications, sessions and
 * oidc_authorization_requests, notifications' notifications.
 */
@Injectable()
export class RetentionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  expireExports(): Promise<number> {
    return this.run(
      `UPDATE personal_data_exports SET status = 'expired', content_encrypted = NULL
          WHERE status = 'ready' AND expires_at <= now()`,
      [],
    );
  }

  /** A terminal need is not updated again, so updated_at is when it closed. */
  purgeSensitiveNotes(closedStatuses: string[], days: number): Promise<number> {
    return this.run(
      `UPDATE needs SET sensitive_notes_encrypted = NULL
          WHERE sensitive_notes_encrypted IS NOT NULL AND status = ANY($1::text[])
            AND updated_at <= now() - make_interval(days => $2)`,
      [closedStatuses, days],
    );
  }

  deletePhoneVerifications(days: number): Promise<number> {
    return this.run(`DELETE FROM phone_verifications WHERE created_at <= now() - make_interval(days => $1)`, [
      days,
    ]);
  }

  deleteSessions(days: number): Promise<number> {
    return this.run(
      `DELETE FROM sessions
          WHERE least(expires_at, coalesce(revoked_at, expires_at)) <= now() - make_interval(days => $1)`,
      [days],
    );
  }

  /** Messages still waiting to go out are never deleted, however old. */
  deleteNotifications(days: number): Promise<number> {
    return this.run(
      `DELETE FROM notifications
          WHERE created_at <= now() - make_interval(days => $1) AND status NOT IN ('pending', 'sending')`,
      [days],
    );
  }

  deleteExpiredOidcRequests(): Promise<number> {
    return this.run(`DELETE FROM oidc_authorization_requests WHERE expires_at <= now()`, []);
  }

  private async run(sql: string, params: unknown[]): Promise<number> {
    const [, affected]: [unknown[], number] = await this.dataSource.query(sql, params);
    return affected;
  }
}
