import { Module } from '@nestjs/common';
import { ModerationExport } from './personal-data-export';

/** Moderation's personal data handlers, for both the api and the worker (which builds the exports). */
@Module({ providers: [ModerationExport] })
export class ModerationPersonalDataModule {}
