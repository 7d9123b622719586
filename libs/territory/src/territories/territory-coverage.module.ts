import { Global, Module } from '@nestjs/common';
import { TERRITORY_COVERAGE } from '@prossimo/identity';
import { TerritoryCoverageRepository } from './territory-coverage.repository';

/**
 * Gives identity its TERRITORY_COVERAGE wherever IdentityModule is used: import once in each app's
 * root module (as notifications' OtpSenderModule). No imports: the methods run on the caller's db.
 */
@Global()
@Module({
  providers: [{ provide: TERRITORY_COVERAGE, useClass: TerritoryCoverageRepository }],
  exports: [TERRITORY_COVERAGE],
})
export class TerritoryCoverageModule {}
