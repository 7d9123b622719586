import { Module } from '@nestjs/common';
import { VolunteerExport } from './volunteers/volunteer-export';

/** Community's personal data handlers, for both the api and the worker (which builds the exports). */
@Module({ providers: [VolunteerExport] })
export class CommunityPersonalDataModule {}
