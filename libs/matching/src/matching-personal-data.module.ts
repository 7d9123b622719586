import { Module } from '@nestjs/common';
import { HelperBlocksErasure } from './blocks/helper-blocks-erasure';
import { EngagementExport } from './engagements/engagement-export';

/**
 * Matching's personal data handlers (export and erasure), for the api and the worker (which builds
 * the exports). Only the handlers: no resolvers.
 */
@Module({ providers: [HelperBlocksErasure, EngagementExport] })
export class MatchingPersonalDataModule {}
