import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { firstRow, onlyRow, Queryable } from '@prossimo/platform';
import { DataSource } from 'typeorm';

/** The recent sends to a number (and from a client IP), for the send limits. */
export interface SendCounts {
  seconds_since_last: number | null;
  last_15_min: number;
  last_day: number;
  ip_last_hour: number;
}

/** The latest code sent to a number, as a check finds it. */
export interface LatestVerification {
  id: string;
  code_hmac: Buffer;
  failed_checks: number;
  consumed_at: Date | null;
  expired: boolean;
}

/** The account of a verified number: created now, or found (then its status decides). */
export interface VerifiedUser {
  id: string;
  status: string;
  created: boolean;
}

/**
 * phone_verifications (the SMS codes, stored as HMACs) and the accounts they sign in to. Methods
 * that take `db` run in the caller's transaction (under its advisory locks).
 */
@Injectable()
export class PhoneVerificationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Retention: codes sent `days` ago or earlier; returns how many. */
  async deleteOlderThan(days: number): Promise<number> {
    const [, deleted]: [unknown[], number] = await this.dataSource.query(
      `DELETE FROM phone_verifications WHERE created_at <= now() - make_interval(days => $1)`,
      [days],
    );
    return deleted;
  }

  /** Every code sent to the number (an account erasure). */
  async deleteAllOf(db: Queryable, phone: string): Promise<void> {
    await db.query(`DELETE FROM phone_verifications WHERE phone_e164 = $1`, [phone]);
  }

  async countRecentSends(db: Queryable, phone: string, ipHmac: Buffer): Promise<SendCounts> {
    return onlyRow<SendCounts>(
      db,
      `SELECT
           (SELECT extract(epoch FROM now() - max(created_at))::int FROM phone_verifications WHERE phone_e164 = $1)
             AS seconds_since_last,
           (SELECT count(*)::int FROM phone_verifications WHERE phone_e164 = $1 AND created_at > now() - interval '15 minutes')
             AS last_15_min,
           (SELECT count(*)::int FROM phone_verifications WHERE phone_e164 = $1 AND created_at > now() - interval '1 day')
             AS last_day,
           (SELECT count(*)::int FROM phone_verifications WHERE requester_ip_hmac = $2 AND created_at > now() - interval '1 hour')
             AS ip_last_hour`,
      [phone, ipHmac],
    );
  }

  /** The number's open codes stop counting (a new one is sent). */
  async supersedeOpenCodes(db: Queryable, phone: string): Promise<void> {
    await db.query(
      `UPDATE phone_verifications SET superseded_at = now()
          WHERE phone_e164 = $1 AND consumed_at IS NULL AND superseded_at IS NULL`,
      [phone],
    );
  }

  /** Stores a code sent; answers when it expires. */
  async insertVerification(
    db: Queryable,
    phone: string,
    codeHmac: Buffer,
    ipHmac: Buffer,
    ttlSeconds: number,
  ): Promise<Date> {
    const row = await onlyRow<{ expires_at: Date }>(
      db,
      `INSERT INTO phone_verifications (phone_e164, code_hmac, requester_ip_hmac, expires_at)
         VALUES ($1, $2, $3, now() + make_interval(secs => $4)) RETURNING expires_at`,
      [phone, codeHmac, ipHmac, ttlSeconds],
    );
    return row.expires_at;
  }

  async findUserByPhone(db: Queryable, phone: string): Promise<{ id: string; language: string } | undefined> {
    return firstRow<{ id: string; language: string }>(
      db,
      `SELECT id, language FROM users WHERE phone_e164 = $1`,
      [phone],
    );
  }

  /** The latest code sent to the number, locked. */
  async lockLatest(db: Queryable, phone: string): Promise<LatestVerification | undefined> {
    return firstRow<LatestVerification>(
      db,
      `SELECT id, code_hmac, failed_checks, consumed_at, expires_at <= now() AS expired
           FROM phone_verifications WHERE phone_e164 = $1
          ORDER BY created_at DESC LIMIT 1 FOR UPDATE`,
      [phone],
    );
  }

  async recordFailedChecks(db: Queryable, id: string, failedChecks: number): Promise<void> {
    await db.query(`UPDATE phone_verifications SET failed_checks = $2 WHERE id = $1`, [id, failedChecks]);
  }

  async markConsumed(db: Queryable, id: string): Promise<void> {
    await db.query(`UPDATE phone_verifications SET consumed_at = now() WHERE id = $1`, [id]);
  }

  /** The number's account, created (in `language`) or marked verified. */
  async upsertVerifiedUser(db: Queryable, phone: string, language: string): Promise<VerifiedUser> {
    return onlyRow<VerifiedUser>(
      db,
      `INSERT INTO users (phone_e164, language, phone_verified_at) VALUES ($1, $2, now())
         ON CONFLICT (phone_e164) DO UPDATE
           SET phone_verified_at = coalesce(users.phone_verified_at, now()), updated_at = now()
         RETURNING id, status, (xmax = 0) AS created`,
      [phone, language],
    );
  }
}
