import { Injectable } from '@nestjs/common';
import { Queryable } from '@prossimo/platform';

/** Suspending an account (users and sessions), in the caller's transaction: moderation's decision. */
@Injectable()
export class AccountSuspensionRepository {
  /** Suspends the account if it is active; whether it was. */
  async suspendActiveUser(db: Queryable, userId: string): Promise<boolean> {
    const [updated]: [unknown[], number] = await db.query(
      `UPDATE users SET status = 'suspended', updated_at = now() WHERE id = $1 AND status = 'active' RETURNING id`,
      [userId],
    );
    return updated.length > 0;
  }

  /** Revokes every live session of the account. */
  async revokeSessions(db: Queryable, userId: string): Promise<void> {
    await db.query(`UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [
      userId,
    ]);
  }
}
