import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthenticatedUser } from '@prossimo/identity';
import { DomainError } from '@prossimo/platform';
import { DataSource } from 'typeorm';
import { BlockHelperInput } from '../matching.types';

/** Citizens' blocks: the candidate query leaves out every helper a need's citizen blocked. */
@Injectable()
export class HelperBlocksService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A citizen blocks a helper: matching never proposes them for the citizen's needs again. */
  async blockHelper(user: AuthenticatedUser, input: BlockHelperInput): Promise<boolean> {
    if (input.helperUserId === user.userId) throw new DomainError('BLOCK_SELF', { field: 'helperUserId' });
    await this.dataSource.transaction(async (manager) => {
      const [exists]: unknown[] = await manager.query(`SELECT 1 FROM users WHERE id = $1`, [
        input.helperUserId,
      ]);
      if (!exists) throw new DomainError('USER_NOT_FOUND', { field: 'helperUserId' });
      await manager.query(
        `INSERT INTO user_blocks (blocker_user_id, blocked_user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
        [user.userId, input.helperUserId],
      );
    });
    return true;
  }

  async unblockHelper(user: AuthenticatedUser, input: BlockHelperInput): Promise<boolean> {
    await this.dataSource.query(
      `DELETE FROM user_blocks WHERE blocker_user_id = $1 AND blocked_user_id = $2`,
      [user.userId, input.helperUserId],
    );
    return true;
  }
}
