import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * App IO as a notification channel (issue 20). An IO notification's recipient is the user id (the
 * codice fiscale is read, decrypted, only when sending). The person's next channel is written at the
 * same time as a 'held' notification (no job) that the IO one points to: released when IO cannot
 * reach the person (not on IO, sender not allowed, refused), cancelled once IO took the message.
 */
export class AppIoChannel1763702860000 implements MigrationInterface {
  name = 'AppIoChannel1763702860000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE notifications DROP CONSTRAINT IF EXISTS notifications_channel_check`);
    await db.query(
      `ALTER TABLE notifications ADD CONSTRAINT notifications_channel_check
         CHECK (channel IN ('sms', 'email', 'in_app', 'io'))`,
    );
    await db.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_status_check`);
    await db.query(`
      ALTER TABLE notifications ADD CONSTRAINT notifications_status_check
        CHECK (status IN ('pending', 'held', 'sending', 'sent', 'delivered', 'failed', 'failed_permanent',
                          'cancelled', 'unknown'))`);
    await db.query(
      `ALTER TABLE notifications ADD COLUMN fallback_id uuid REFERENCES notifications (id) ON DELETE SET NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE notifications DROP COLUMN fallback_id`);
    await db.query(`UPDATE notifications SET status = 'cancelled' WHERE status = 'held'`);
    await db.query(`DELETE FROM notifications WHERE channel = 'io'`);
    await db.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_status_check`);
    await db.query(`
      ALTER TABLE notifications ADD CONSTRAINT notifications_status_check
        CHECK (status IN ('pending', 'sending', 'sent', 'delivered', 'failed', 'failed_permanent', 'cancelled', 'unknown'))`);
    await db.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_channel_check`);
    await db.query(
      `ALTER TABLE notifications ADD CONSTRAINT notifications_channel_check CHECK (channel IN ('sms', 'email', 'in_app'))`,
    );
  }
}
