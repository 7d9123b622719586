import { Module } from '@nestjs/common';
import { OrganisationExport } from './organisations/organisation-export';

/** The directory's personal data handlers, for both the api and the worker (which builds the exports). */
@Module({ providers: [OrganisationExport] })
export class DirectoryPersonalDataModule {}
