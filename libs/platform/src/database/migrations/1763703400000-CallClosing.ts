import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The publisher closes a call before its last day (enough volunteers, the event cancelled): who
 * and when are kept on the call itself, so that the organisation's list can say it without
 * reading the status history.
 */
export class CallClosing1763703400000 implements MigrationInterface {
  name = 'CallClosing1763703400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE calls_to_action
      ADD COLUMN closed_at timestamptz,
      ADD COLUMN closed_by_user_id uuid REFERENCES users(id) ON DELETE SET NULL`);
    await db.query(`ALTER TABLE calls_to_action ADD CONSTRAINT calls_to_action_closed_check
      CHECK ((status = 'closed') = (closed_at IS NOT NULL))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE calls_to_action DROP CONSTRAINT calls_to_action_closed_check`);
    await db.query(`ALTER TABLE calls_to_action DROP COLUMN closed_by_user_id, DROP COLUMN closed_at`);
  }
}
