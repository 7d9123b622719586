import { Injectable, OnModuleInit } from '@nestjs/common';
import { AccountErasureHandlers, AccountErasureStep } from '@prossimo/platform';
import { HelperBlocksRepository } from './helper-blocks.repository';

/** Account erasure, matching's part here: the helpers the person blocked, and blocks of them. */
@Injectable()
export class HelperBlocksErasure implements OnModuleInit {
  constructor(
    private readonly handlers: AccountErasureHandlers,
    private readonly blocks: HelperBlocksRepository,
  ) {}

  onModuleInit(): void {
    this.handlers.register('matching', (step) => this.erase(step));
  }

  private async erase({ manager, userId }: AccountErasureStep): Promise<Record<string, number>> {
    await this.blocks.deleteAllOf(manager, userId);
    return {};
  }
}
