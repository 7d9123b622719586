import { Injectable, OnModuleInit } from '@nestjs/common';
import { AccountErasureHandlers, AccountErasureStep } from '@prossimo/platform';

/** Account erasure, matching's part here: the helpers the person blocked, and blocks of them. */
@Injectable()
export class HelperBlocksErasure implements OnModuleInit {
  constructor(private readonly handlers: AccountErasureHandlers) {}

  onModuleInit(): void {
    this.handlers.register('matching', (step) => this.erase(step));
  }

  private async erase({ manager, userId }: AccountErasureStep): Promise<Record<string, number>> {
    await manager.query(`DELETE FROM user_blocks WHERE blocker_user_id = $1 OR blocked_user_id = $1`, [
      userId,
    ]);
    return {};
  }
}
