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
import { IssuedTokens, SessionService } from '../sessions/session.service';
import { OTP_SENDER, OtpSender } from './otp-sender';
import { PRIVACY_NOTICES, PrivacyNotices } from './privacy-notices';
import { UsersRepository } from '../users/users.repository';
import { parsePhoneNumber } from './phone-number';
import { PhoneVerificationsRepository, SendCounts } from './phone-verifications.repository';

export interface VerificationChallenge {
  phone: string;
  expiresAt: Date;
  resendAfterSeconds: number;
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
    @Inject(PRIVACY_NOTICES) private readonly notices: PrivacyNotices,
    private readonly sessions: SessionService,
    private readonly verifications: PhoneVerificationsRepository,
    private readonly users: UsersRepository,
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
        const counts = await this.verifications.countRecentSends(manager, phone, ipHmac);
        this.enforceSendLimits(counts);

        await this.verifications.supersedeOpenCodes(manager, phone);
        const expiresAt = await this.verifications.insertVerification(
          manager,
          phone,
          this.codeHmac(phone, code),
          ipHmac,
          this.config.OTP_TTL_SECONDS,
        );
        const existingUser = await this.verifications.findUserByPhone(manager, phone);
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
          expiresAt,
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
      const latest = await this.verifications.lockLatest(manager, phone);
      if (!latest) return { error: 'OTP_NOT_REQUESTED' };
      if (latest.consumed_at) return { error: 'OTP_ALREADY_USED' };
      if (latest.failed_checks >= this.config.OTP_MAX_CHECKS) return { error: 'OTP_LOCKED' };
      if (latest.expired) return { error: 'OTP_EXPIRED' };
      if (!constantTimeEqual(this.codeHmac(phone, code), latest.code_hmac)) {
        // The failed check must be counted even though the request fails: commit it.
        const failedChecks = latest.failed_checks + 1;
        await this.verifications.recordFailedChecks(manager, latest.id, failedChecks);
        const attemptsRemaining = this.config.OTP_MAX_CHECKS - failedChecks;
        return attemptsRemaining > 0 ? { error: 'OTP_INVALID', attemptsRemaining } : { error: 'OTP_LOCKED' };
      }
      await this.verifications.markConsumed(manager, latest.id);

      const language = isLanguage(requestedLanguage) ? requestedLanguage : RequestContext.language();
      const user = await this.verifications.upsertVerifiedUser(manager, phone, language);
      if (user.status !== 'active') return { error: 'ACCOUNT_SUSPENDED' };
      await this.users.grantCitizenRole(manager, user.id);
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
    if (!(await this.notices.isPublished(version)))
      throw new DomainError('PRIVACY_NOTICE_UNKNOWN', { field: 'privacyNoticeVersion' });
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
