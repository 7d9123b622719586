import { Injectable, OnModuleInit } from '@nestjs/common';
import { AccountErasureHandlers, AccountErasureStep } from '@prossimo/platform';
import { UsersRepository } from './users.repository';

/**
 * Account erasure, identity's part: sessions ended, roles gone, and the account itself blanked
 * (number, name, codice fiscale) and marked erased; its id stays as the anonymous key that needs,
 * engagements and hours keep.
 */
@Injectable()
export class IdentityAccountErasure implements OnModuleInit {
  constructor(
    private readonly handlers: AccountErasureHandlers,
    private readonly users: UsersRepository,
  ) {}

  onModuleInit(): void {
    this.handlers.register('identity', (step) => this.erase(step));
  }

  private async erase({ manager, userId }: AccountErasureStep): Promise<Record<string, number>> {
    const sessionsRevoked = await this.users.deleteSessions(manager, userId);
    await this.users.deleteRoles(manager, userId);
    await this.users.blankErasedAccount(manager, userId);
    return { sessionsRevoked };
  }
}
