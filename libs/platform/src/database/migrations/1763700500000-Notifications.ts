import { MigrationInterface, QueryRunner } from 'typeorm';

/** Notification preferences, in-app read state, gateway receipts and SMS reply codes. */
export class Notifications1763700500000 implements MigrationInterface {
  name = 'Notifications1763700500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE notification_preferences (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        language text CHECK (language IN ('it', 'en')),
        channels jsonb NOT NULL DEFAULT '{}'::jsonb,
        quiet_start time NOT NULL DEFAULT '21:00',
        quiet_end time NOT NULL DEFAULT '08:00',
        family_name text,
        family_phone text,
        family_consent_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    // Which gateway took the message (primary or fallback), for receipts; when an in-app one was read.
    await db.query(`ALTER TABLE notifications ADD COLUMN gateway text`);
    await db.query(`ALTER TABLE notifications ADD COLUMN read_at timestamptz`);
    await db.query(`ALTER TABLE notifications ADD COLUMN delivered_at timestamptz`);
    await db.query(`ALTER TABLE notifications ADD COLUMN reply_code text`);
    // What a scheduled notification is about (e.g. 'engagement:<id>'), so a change can cancel it.
    await db.query(`ALTER TABLE notifications ADD COLUMN ref text`);
    await db.query(`CREATE INDEX notifications_ref_idx ON notifications (ref) WHERE ref IS NOT NULL`);
    await db.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_status_check`);
    await db.query(`
      ALTER TABLE notifications ADD CONSTRAINT notifications_status_check
        CHECK (status IN ('pending', 'sending', 'sent', 'delivered', 'failed', 'failed_permanent', 'cancelled'))`);
    await db.query(
      `CREATE INDEX notifications_gateway_message_idx ON notifications (gateway_message_id) WHERE gateway_message_id IS NOT NULL`,
    );
    await db.query(
      `CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE channel = 'in_app' AND read_at IS NULL`,
    );
    await db.query(
      `CREATE INDEX notifications_failed_idx ON notifications (updated_at, id) WHERE status IN ('failed', 'failed_permanent')`,
    );

    // Short codes that let someone answer an SMS with "SI <code>" / "NO <code>".
    await db.query(`
      CREATE TABLE sms_reply_codes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL,
        recipient_phone text NOT NULL,
        target_type text NOT NULL,
        target_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        answer text CHECK (answer IN ('yes', 'no'))
      )`);
    // A code is unambiguous per phone while it can still be used.
    await db.query(
      `CREATE UNIQUE INDEX sms_reply_codes_open_idx ON sms_reply_codes (recipient_phone, code) WHERE used_at IS NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS sms_reply_codes`);
    await db.query(`DROP INDEX IF EXISTS notifications_failed_idx`);
    await db.query(`DROP INDEX IF EXISTS notifications_unread_idx`);
    await db.query(`DROP INDEX IF EXISTS notifications_gateway_message_idx`);
    await db.query(`DROP INDEX IF EXISTS notifications_ref_idx`);
    await db.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_status_check`);
    await db.query(`DELETE FROM notifications WHERE status = 'cancelled'`);
    await db.query(`
      ALTER TABLE notifications ADD CONSTRAINT notifications_status_check
        CHECK (status IN ('pending', 'sending', 'sent', 'delivered', 'failed', 'failed_permanent'))`);
    for (const column of ['gateway', 'read_at', 'delivered_at', 'reply_code', 'ref']) {
      await db.query(`ALTER TABLE notifications DROP COLUMN IF EXISTS ${column}`);
    }
    await db.query(`DROP TABLE IF EXISTS notification_preferences`);
  }
}
