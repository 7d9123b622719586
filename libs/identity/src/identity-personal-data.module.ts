import { Module } from '@nestjs/common';
import { IdentityAccountErasure } from './users/account-erasure';
import { AccountExport } from './users/account-export';
import { UsersRepository } from './users/users.repository';

/**
 * Identity's personal data handlers (export and erasure), for the api and the worker (which builds
 * the exports). Only the handlers: no resolvers.
 */
@Module({ providers: [IdentityAccountErasure, AccountExport, UsersRepository] })
export class IdentityPersonalDataModule {}
