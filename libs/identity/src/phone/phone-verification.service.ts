import { randomInt } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  APP_CONFIG,
  AppConfig,
  constantTimeEqual,
  DomainError,
  hmacSha256,
  isLanguage,
  Language,
  recordNoticeAcceptance,
  RequestContext,
  withAdvisoryLocks,
} from '@prossimo/platform';
import { DataSource, EntityManager } from 'typeorm';
import { Role } from '../users/role';
import { IssuedTokens, SessionService } from '../sessions/session.service';
import { OTP_SENDER, OtpSender } from './otp-sender';
import { parsePhoneNumber } from './phone-number';

export interface VerificationChallenge {
  phone: string;
  expiresAt: Date;
  resendAfterSeconds: number;
}

interface SendCounts {
  seconds_since_last: number | null;
  last_15_min: number;
  last_day: number;
  ip_last_hour: number;
}

/**
 * Runs inside the transaction that verifies a phone (sign-up and every sign-in), so that what
 * waited for that number (an invitation to an organisation) is attached atomically with it.
 */
export type PhoneVerifiedListener = (
  manager: EntityManager,
  person: { userId: string; phone: string; created: boolean },
) => Promise<void>;

type VerifyOutcome =
  { tokens: IssuedTokens; created: boolean } | { error: string; attemptsRemaining?: number };

/**
 * Sign-up and sign-in by SMS code. Codes come from a CSPRNG and are stored only as an HMAC;
 * every send and check for one number (and one client IP) is serialised with advisory locks,
 * so limits hold under concurrent requests and GraphQL aliases.
 */
@Injectable()
export class PhoneVerificationService {
  private readonly verifiedListeners: PhoneVerifiedListener[] = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(OTP_SENDER) private readonly otpSender: OtpSender,
    private readonly sessions: SessionService,
  ) {}

  parse(phone: string): string {
    return parsePhoneNumber(
      phone,
      this.config.PHONE_DEFAULT_COUNTRY,
      this.config.PHONE_ALLOWED_COUNTRY_CODES,
    );
  }

  /** Other modules register here (at module init) what must happen when a phone is verified. */
  onPhoneVerified(listener: PhoneVerifiedListener): void {
    this.verifiedListeners.push(listener);
  }

  /**
   * A keyed digest of a number, for records that must be found by phone without storing it in
   * clear (invitations to numbers that have not signed up yet).
   */
  phoneLookupHmac(phone: string): Buffer {
    return hmacSha256(this.config.OTP_HMAC_SECRET, `phone:${phone}`);
  }

  async requestVerification(rawPhone: string, requestedLanguage?: string): Promise<VerificationChallenge> {
    const phone = this.parse(rawPhone);
    const ipHmac = hmacSha256(
      this.config.OTP_HMAC_SECRET,
      `ip:${RequestContext.current()?.clientIp ?? 'unknown'}`,
    );
    const code = randomInt(0, 1_000_000).toString().padStart(6, '0');

    return withAdvisoryLocks(
      this.dataSource,
      [`otp:phone:${phone}`, `otp:ip:${ipHmac.toString('hex')}`],
      async (manager) => {
        const [counts]: SendCounts[] = await manager.query(
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
        this.enforceSendLimits(counts);

        await manager.query(
          `UPDATE phone_verifications SET superseded_at = now()
          WHERE phone_e164 = $1 AND consumed_at IS NULL AND superseded_at IS NULL`,
          [phone],
        );
        const [row]: { expires_at: Date }[] = await manager.query(
          `INSERT INTO phone_verifications (phone_e164, code_hmac, requester_ip_hmac, expires_at)
         VALUES ($1, $2, $3, now() + make_interval(secs => $4)) RETURNING expires_at`,
          [phone, this.codeHmac(phone, code), ipHmac, this.config.OTP_TTL_SECONDS],
        );
        const [existingUser]: { id: string; language: string }[] = await manager.query(
          `SELECT id, language FROM users WHERE phone_e164 = $1`,
          [phone],
        );
        const language: Language = isLanguage(requestedLanguage)
          ? requestedLanguage
          : isLanguage(existingUser?.language)
            ? existingUser.language
            : RequestContext.language();
        await this.otpSender.queueInTransaction(manager, {
          userId: existingUser?.id ?? null,
          phone,
          code,
          validForMinutes: Math.round(this.config.OTP_TTL_SECONDS / 60),
          language,
        });
        return {
          phone,
          expiresAt: row.expires_at,
          resendAfterSeconds: this.config.OTP_RESEND_INTERVAL_SECONDS,
        };
      },
    );
  }

  async verify(
    rawPhone: string,
    code: string,
    requestedLanguage?: string,
    privacyNoticeVersion?: string,
  ): Promise<IssuedTokens> {
    const phone = this.parse(rawPhone);
    if (!/^\d{6}$/.test(code)) throw new DomainError('FIELD_INVALID', { field: 'code' });
    // Checked before the code is spent: an unknown version is the client's mistake, not a wrong code.
    if (privacyNoticeVersion !== undefined) await this.requireNoticeVersion(privacyNoticeVersion);

    const outcome = await this.dataSource.transaction(async (manager): Promise<VerifyOutcome> => {
      const [latest]: {
        id: string;
        code_hmac: Buffer;
        failed_checks: number;
        consumed_at: Date | null;
        expired: boolean;
      }[] = await manager.query(
        `SELECT id, code_hmac, failed_checks, consumed_at, expires_at <= now() AS expired
           FROM phone_verifications WHERE phone_e164 = $1
          ORDER BY created_at DESC LIMIT 1 FOR UPDATE`,
        [phone],
      );
      if (!latest) return { error: 'OTP_NOT_REQUESTED' };
      if (latest.consumed_at) return { error: 'OTP_ALREADY_USED' };
      if (latest.failed_checks >= this.config.OTP_MAX_CHECKS) return { error: 'OTP_LOCKED' };
      if (latest.expired) return { error: 'OTP_EXPIRED' };
      if (!constantTimeEqual(this.codeHmac(phone, code), latest.code_hmac)) {
        // The failed check must be counted even though the request fails: commit it.
        const failedChecks = latest.failed_checks + 1;
        await manager.query(`UPDATE phone_verifications SET failed_checks = $2 WHERE id = $1`, [
          latest.id,
          failedChecks,
        ]);
        const attemptsRemaining = this.config.OTP_MAX_CHECKS - failedChecks;
        return attemptsRemaining > 0 ? { error: 'OTP_INVALID', attemptsRemaining } : { error: 'OTP_LOCKED' };
      }
      await manager.query(`UPDATE phone_verifications SET consumed_at = now() WHERE id = $1`, [latest.id]);

      const language = isLanguage(requestedLanguage) ? requestedLanguage : RequestContext.language();
      const [user]: { id: string; status: string; created: boolean }[] = await manager.query(
        `INSERT INTO users (phone_e164, language, phone_verified_at) VALUES ($1, $2, now())
         ON CONFLICT (phone_e164) DO UPDATE
           SET phone_verified_at = coalesce(users.phone_verified_at, now()), updated_at = now()
         RETURNING id, status, (xmax = 0) AS created`,
        [phone, language],
      );
      if (user.status !== 'active') return { error: 'ACCOUNT_SUSPENDED' };
      await manager.query(`INSERT INTO user_roles (user_id, role) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
        user.id,
        Role.CITIZEN,
      ]);
      this.sessions.forgetCheckedSessions(user.id);
      if (privacyNoticeVersion !== undefined) {
        await recordNoticeAcceptance(manager, user.id, privacyNoticeVersion);
      }
      for (const listener of this.verifiedListeners) {
        await listener(manager, { userId: user.id, phone, created: user.created });
      }
      return { tokens: await this.sessions.issue(manager, user.id), created: user.created };
    });

    if ('error' in outcome) {
      throw new DomainError(outcome.error, {
        field: outcome.error === 'ACCOUNT_SUSPENDED' ? 'phone' : 'code',
        params:
          outcome.attemptsRemaining !== undefined
            ? { attemptsRemaining: outcome.attemptsRemaining }
            : undefined,
      });
    }
    return outcome.tokens;
  }

  private async requireNoticeVersion(version: string): Promise<void> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM privacy_notices WHERE version = $1 AND published_at <= now() LIMIT 1`,
      [version],
    );
    if (!rows.length) throw new DomainError('PRIVACY_NOTICE_UNKNOWN', { field: 'privacyNoticeVersion' });
  }

  private enforceSendLimits(counts: SendCounts): void {
    const limits = this.config;
    const tooSoon =
      counts.seconds_since_last !== null && counts.seconds_since_last < limits.OTP_RESEND_INTERVAL_SECONDS;
    if (tooSoon) {
      throw this.rateLimited(limits.OTP_RESEND_INTERVAL_SECONDS - (counts.seconds_since_last ?? 0));
    }
    if (counts.last_15_min >= limits.OTP_MAX_SENDS_PER_15_MIN) throw this.rateLimited(15 * 60);
    if (counts.last_day >= limits.OTP_MAX_SENDS_PER_DAY) throw this.rateLimited(24 * 3600);
    if (counts.ip_last_hour >= limits.OTP_MAX_SENDS_PER_IP_PER_HOUR) throw this.rateLimited(3600);
  }

  private rateLimited(retryAfterSeconds: number): DomainError {
    return new DomainError('RATE_LIMITED', {
      field: 'phone',
      params: { retryAfterSeconds: Math.max(1, retryAfterSeconds) },
    });
  }

  private codeHmac(phone: string, code: string): Buffer {
    return hmacSha256(this.config.OTP_HMAC_SECRET, `otp:${phone}:${code}`);
  }
}
