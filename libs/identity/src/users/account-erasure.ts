import { Injectable, OnModuleInit } from '@nestjs/common';
import { AccountErasureHandlers, AccountErasureStep } from '@prossimo/platform';

/**
 * Account erasure, identity's part: sessions ended, roles gone, and the account itself blanked
 * (number, name, codice fiscale) and marked erased; its id stays as the anonymous key that needs,
 * engagements and hours keep.
 */
@Injectable()
export class IdentityAccountErasure implements OnModuleInit {
  constructor(private readonly handlers: AccountErasureHandlers) {}

  onModuleInit(): void {
    this.handlers.register('identity', (step) => this.erase(step));
  }

  private async erase({ manager, userId }: AccountErasureStep): Promise<Record<string, number>> {
    const [, sessionsRevoked]: [unknown[], number] = await manager.query(
      `DELETE FROM sessions WHERE user_id = $1`,
      [userId],
    );
    await manager.query(`DELETE FROM user_roles WHERE user_id = $1`, [userId]);
    await manager.query(
      `UPDATE users SET phone_e164 = NULL, display_name = NULL, phone_verified_at = NULL, status = 'erased',
              codice_fiscale_encrypted = NULL, codice_fiscale_hmac = NULL, updated_at = now() WHERE id = $1`,
      [userId],
    );
    return { sessionsRevoked };
  }
}
