import { Module } from '@nestjs/common';
import { ModerationExport } from './personal-data/personal-data-export';
import { ModerationPersonalDataRepository } from './personal-data/personal-data.repository';

/** Moderation's personal data handlers, for both the api and the worker (which builds the exports). */
@Module({
  providers: [ModerationExport, ModerationPersonalDataRepository],
  exports: [ModerationPersonalDataRepository],
})
export class ModerationPersonalDataModule {}
