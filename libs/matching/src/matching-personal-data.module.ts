import { Module } from '@nestjs/common';
import { EngagementExport } from './engagements/engagement-export';

/** Matching's personal data handlers, for both the api and the worker (which builds the exports). */
@Module({ providers: [EngagementExport] })
export class MatchingPersonalDataModule {}
