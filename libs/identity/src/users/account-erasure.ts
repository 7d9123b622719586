import { Injectable } from '@nestjs/common';
import { AccountErasureArea, AccountErasureStep } from '@prossimo/platform';
import { UsersRepository } from './users.repository';

/**
 * Account erasure, identity's part: sessions ended, roles gone, and the account itself blanked
 * (number, name, codice fiscale) and marked erased; its id stays as the anonymous key that needs,
 * engagements and hours keep.
 */
@Injectable()
export class IdentityAccountErasure extends AccountErasureArea {
  readonly area = 'identity';

  constructor(private readonly users: UsersRepository) {
    super();
  }

  protected async erase({ manager, userId }: AccountErasureStep): Promise<Record<string, number>> {
    const sessionsRevoked = await this.users.deleteSessions(manager, userId);
    await this.users.deleteRoles(manager, userId);
    await this.users.blankErasedAccount(manager, userId);
    return { sessionsRevoked };
  }
}
