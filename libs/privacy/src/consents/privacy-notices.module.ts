import { Global, Module } from '@nestjs/common';
import { PRIVACY_NOTICES } from '@prossimo/identity';
import { ConsentsRepository } from './consents.repository';

/**
 * Gives identity its PRIVACY_NOTICES wherever IdentityModule is used: import once in each app's
 * root module (as territory's TerritoryCoverageModule).
 */
@Global()
@Module({
  providers: [ConsentsRepository, { provide: PRIVACY_NOTICES, useExisting: ConsentsRepository }],
  exports: [PRIVACY_NOTICES],
})
export class PrivacyNoticesModule {}
