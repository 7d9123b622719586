import { Module } from '@nestjs/common';
import { ReviewExport } from './reviews/review-export';
import { ReviewPersonalDataRepository } from './reviews/review-personal-data.repository';

/** Reputation's personal data handlers, for both the api and the worker (which builds the exports). */
@Module({ providers: [ReviewExport, ReviewPersonalDataRepository] })
export class ReputationPersonalDataModule {}
