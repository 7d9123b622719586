import { Injectable } from '@nestjs/common';
import { AccountErasureArea, AccountErasureStep } from '@prossimo/platform';
import { HelperBlocksRepository } from './helper-blocks.repository';

/** Account erasure, matching's part here: the helpers the person blocked, and blocks of them. */
@Injectable()
export class HelperBlocksErasure extends AccountErasureArea {
  readonly area = 'matching';

  constructor(private readonly blocks: HelperBlocksRepository) {
    super();
  }

  protected async erase({ manager, userId }: AccountErasureStep): Promise<Record<string, number>> {
    await this.blocks.deleteAllOf(manager, userId);
    return {};
  }
}
