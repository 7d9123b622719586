import { Module } from '@nestjs/common';
import { NotificationsModule } from '@prossimo/notifications';
import { RequestsModule } from '@prossimo/requests';
import { HelperBlocksErasure } from './blocks/helper-blocks-erasure';
import { HelperBlocksRepository } from './blocks/helper-blocks.repository';
import { EngagementExport } from './engagements/engagement-export';
import { EngagementsErasure } from './engagements/engagements-erasure';
import { EngagementsErasureRepository } from './engagements/engagements-erasure.repository';
import { MatchingPersonalDataRepository } from './engagements/personal-data.repository';

/**
 * Matching's personal data handlers (export and erasure), for the api and the worker (which builds
 * the exports). Only the handlers: no resolvers.
 */
@Module({
  providers: [HelperBlocksErasure, EngagementExport, HelperBlocksRepository, MatchingPersonalDataRepository],
})
export class MatchingPersonalDataModule {}

/**
 * Matching's steps of the erasures (engagements, proposals, messages), for privacy's ErasureService
 * and BeneficiaryErasureService, which call them in their order inside their transaction (api only:
 * the worker erases nothing).
 */
@Module({
  imports: [NotificationsModule, RequestsModule],
  providers: [EngagementsErasure, EngagementsErasureRepository],
  exports: [EngagementsErasure],
})
export class MatchingErasureModule {}
