import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Queryable } from '@prossimo/platform';

/** The user_blocks table: which helpers a citizen blocked. */
@Injectable()
export class HelperBlocksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Blocking twice is one block. */
  async insertBlock(manager: Queryable, blockerUserId: string, blockedUserId: string): Promise<void> {
    await manager.query(
      `INSERT INTO user_blocks (blocker_user_id, blocked_user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [blockerUserId, blockedUserId],
    );
  }

  async deleteBlock(blockerUserId: string, blockedUserId: string): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM user_blocks WHERE blocker_user_id = $1 AND blocked_user_id = $2`,
      [blockerUserId, blockedUserId],
    );
  }

  /** "Download my data": the helpers the person blocked. */
  blockedBy(manager: Queryable, userId: string): Promise<Record<string, unknown>[]> {
    return manager.query(
      `SELECT blocked_user_id AS "userId", created_at AS "createdAt" FROM user_blocks WHERE blocker_user_id = $1`,
      [userId],
    );
  }

  /** Account erasure: the person's blocks and the blocks of them. */
  async deleteAllOf(manager: Queryable, userId: string): Promise<void> {
    await manager.query(`DELETE FROM user_blocks WHERE blocker_user_id = $1 OR blocked_user_id = $1`, [
      userId,
    ]);
  }
}
