import { Module } from '@nestjs/common';
import { ReviewExport } from './reviews/review-export';

/** Reputation's personal data handlers, for both the api and the worker (which builds the exports). */
@Module({ providers: [ReviewExport] })
export class ReputationPersonalDataModule {}
