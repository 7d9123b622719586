import { Module } from '@nestjs/common';
import { OrganisationExport } from './organisations/organisation-export';
import { OrganisationPersonalDataRepository } from './organisations/organisation-personal-data.repository';

/** The directory's personal data handlers, for both the api and the worker (which builds the exports). */
@Module({ providers: [OrganisationExport, OrganisationPersonalDataRepository] })
export class DirectoryPersonalDataModule {}
