import { createSecretKey } from 'node:crypto';
import { Module, OnModuleInit } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG, AppConfig } from '@prossimo/platform';
import { AccessService } from './access/access.service';
import { AuthGuard } from './auth/auth.guard';
import { IdentityResolver } from './auth/identity.resolver';
import { CodiceFiscaleResolver } from './codice-fiscale/codice-fiscale.resolver';
import { CodiceFiscaleRepository } from './codice-fiscale/codice-fiscale.repository';
import { CodiceFiscaleService } from './codice-fiscale/codice-fiscale.service';
import { PhoneVerificationService } from './phone/phone-verification.service';
import { PhoneVerificationsRepository } from './phone/phone-verifications.repository';
import { SessionService } from './sessions/session.service';
import { SessionsRepository } from './sessions/sessions.repository';
import { RelyingPartyService } from './spid-cie/relying-party.service';
import { SpidCieController } from './spid-cie/spid-cie.controller';
import { OidcSignInsRepository } from './spid-cie/oidc-sign-ins.repository';
import { SpidCieResolver } from './spid-cie/spid-cie.resolver';
import { IdentityErasure } from './users/identity-erasure';
import { UsersRepository } from './users/users.repository';
import { UserRolesRepository } from './users/user-roles.repository';
import { AccountSuspensionRepository } from './users/account-suspension.repository';

/**
 * Needs an OTP_SENDER (see ./phone/otp-sender) and a TERRITORY_COVERAGE (./access/territory-coverage)
 * from global modules of the app.
 */
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // A KeyObject, not the string: given a string, jsonwebtoken first tries to parse it as a PEM
        // public or private key (createPublicKey) on every verify and sign, which showed in profiles.
        secret: createSecretKey(Buffer.from(config.JWT_SECRET, 'utf8')),
        signOptions: { algorithm: 'HS256', issuer: 'prossimo' },
        verifyOptions: { algorithms: ['HS256'], issuer: 'prossimo' },
      }),
    }),
  ],
  controllers: [SpidCieController],
  providers: [
    RelyingPartyService,
    SpidCieResolver,
    PhoneVerificationService,
    SessionService,
    AuthGuard,
    AccessService,
    IdentityResolver,
    CodiceFiscaleService,
    CodiceFiscaleResolver,
    CodiceFiscaleRepository,
    PhoneVerificationsRepository,
    SessionsRepository,
    OidcSignInsRepository,
    UsersRepository,
    UserRolesRepository,
    IdentityErasure,
    AccountSuspensionRepository,
  ],
  exports: [
    SessionService,
    AuthGuard,
    AccessService,
    PhoneVerificationService,
    CodiceFiscaleService,
    UserRolesRepository,
    IdentityErasure,
    AccountSuspensionRepository,
  ],
})
export class IdentityModule implements OnModuleInit {
  constructor(private readonly relyingParty: RelyingPartyService) {}

  /** A SPID/CIE key that cannot be read stops the boot, naming the setting. */
  async onModuleInit(): Promise<void> {
    if (this.relyingParty.enabled) await this.relyingParty.loadKeys();
  }
}
