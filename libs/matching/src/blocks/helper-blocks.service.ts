import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthenticatedUser, UserRolesRepository } from '@prossimo/identity';
import { DomainError } from '@prossimo/platform';
import { DataSource } from 'typeorm';
import { BlockHelperInput } from '../matching.types';
import { HelperBlocksRepository } from './helper-blocks.repository';

/** Citizens' blocks: the candidate query leaves out every helper a need's citizen blocked. */
@Injectable()
export class HelperBlocksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly blocks: HelperBlocksRepository,
    private readonly accounts: UserRolesRepository,
  ) {}

  /** A citizen blocks a helper: matching never proposes them for the citizen's needs again. */
  async blockHelper(user: AuthenticatedUser, input: BlockHelperInput): Promise<boolean> {
    if (input.helperUserId === user.userId) throw new DomainError('BLOCK_SELF', { field: 'helperUserId' });
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.accounts.userExists(manager, input.helperUserId)))
        throw new DomainError('USER_NOT_FOUND', { field: 'helperUserId' });
      await this.blocks.insertBlock(manager, user.userId, input.helperUserId);
    });
    return true;
  }

  async unblockHelper(user: AuthenticatedUser, input: BlockHelperInput): Promise<boolean> {
    await this.blocks.deleteBlock(user.userId, input.helperUserId);
    return true;
  }
}
