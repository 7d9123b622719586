import { Module } from '@nestjs/common';
import { HelperBlocksErasure } from './blocks/helper-blocks-erasure';
import { HelperBlocksRepository } from './blocks/helper-blocks.repository';
import { EngagementExport } from './engagements/engagement-export';
import { MatchingPersonalDataRepository } from './engagements/personal-data.repository';

/**
 * Matching's personal data handlers (export and erasure), for the api and the worker (which builds
 * the exports). Only the handlers: no resolvers.
 */
@Module({
  providers: [HelperBlocksErasure, EngagementExport, HelperBlocksRepository, MatchingPersonalDataRepository],
})
export class MatchingPersonalDataModule {}
