import { Module } from '@nestjs/common';
import { VolunteerExport } from './volunteers/volunteer-export';
import { VolunteerPersonalDataRepository } from './volunteers/volunteer-personal-data.repository';

/** Community's personal data handlers, for both the api and the worker (which builds the exports). */
@Module({
  providers: [VolunteerExport, VolunteerPersonalDataRepository],
  exports: [VolunteerPersonalDataRepository],
})
export class CommunityPersonalDataModule {}
