import { Injectable, Module } from '@nestjs/common';
import { PhoneVerificationsRepository } from './phone/phone-verifications.repository';
import { SessionsRepository } from './sessions/sessions.repository';
import { OidcSignInsRepository } from './spid-cie/oidc-sign-ins.repository';

/**
 * Identity's part of the retention purge (privacy's maintenance `purge` job, in the worker): one
 * idempotent statement each, called by privacy in its order.
 */
@Injectable()
export class IdentityRetention {
  constructor(
    private readonly phoneVerifications: PhoneVerificationsRepository,
    private readonly sessions: SessionsRepository,
    private readonly signIns: OidcSignInsRepository,
  ) {}

  /** SMS codes sent `days` ago or earlier; returns how many. */
  deletePhoneVerifications(days: number): Promise<number> {
    return this.phoneVerifications.deleteOlderThan(days);
  }

  /** Sessions ended `days` ago or earlier; returns how many. */
  deleteSessions(days: number): Promise<number> {
    return this.sessions.deleteEndedBefore(days);
  }

  /**
   * SPID/CIE sign-ins never finished (the person left at the provider): their state, nonce and
   * PKCE verifier are refused once expired, so nothing is lost by deleting them then.
   */
  deleteExpiredOidcRequests(): Promise<number> {
    return this.signIns.deleteExpiredAuthorizationRequests();
  }
}

/**
 * The retention step alone, for the worker (which loads no IdentityModule: no resolvers, no
 * SPID/CIE keys).
 */
@Module({
  providers: [IdentityRetention, PhoneVerificationsRepository, SessionsRepository, OidcSignInsRepository],
  exports: [IdentityRetention],
})
export class IdentityRetentionModule {}
