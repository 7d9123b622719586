import { Module } from '@nestjs/common';
import { AccountExport } from './users/account-export';

/** Identity's personal data handlers, for both the api and the worker (which builds the exports). */
@Module({ providers: [AccountExport] })
export class IdentityPersonalDataModule {}
