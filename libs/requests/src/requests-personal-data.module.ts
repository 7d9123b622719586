import { Module } from '@nestjs/common';
import { NeedExport } from './personal-data/need-export';
import { NeedsRetention } from './personal-data/needs-retention';
import { RequestsPersonalDataRepository } from './personal-data/requests-personal-data.repository';

/**
 * Requests' personal data handlers, for both the api and the worker (which builds the exports), and
 * its retention step (NeedsRetention, for privacy's purge in the worker).
 */
@Module({
  providers: [NeedExport, NeedsRetention, RequestsPersonalDataRepository],
  exports: [NeedsRetention],
})
export class RequestsPersonalDataModule {}
