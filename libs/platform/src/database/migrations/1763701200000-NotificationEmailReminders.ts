import { MigrationInterface, QueryRunner } from 'typeorm';

/** An optional e-mail address for the EMAIL channel, and the reminders already sent (once each). */
export class NotificationEmailReminders1763701200000 implements MigrationInterface {
  name = 'NotificationEmailReminders1763701200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE notification_preferences ADD COLUMN email text`);
    // A reminder job that runs twice (a crash after its commit) finds its row and sends nothing;
    // a rescheduled engagement has a new start, hence new rows.
    await db.query(`
      CREATE TABLE engagement_reminders (
        engagement_id uuid NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('day_before', 'hour_before')),
        starts_at timestamptz NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (engagement_id, kind, starts_at)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS engagement_reminders`);
    await db.query(`ALTER TABLE notification_preferences DROP COLUMN IF EXISTS email`);
  }
}
