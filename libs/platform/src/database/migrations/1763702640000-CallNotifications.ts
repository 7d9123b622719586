import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A targeted call to action tells the volunteers who fit it. Each volunteer told is a row (one per
 * call and volunteer: a repeated job tells nobody twice), which is also what the weekly cap per
 * volunteer counts; the call records when its volunteers were told, so that it happens once.
 */
export class CallNotifications1763702640000 implements MigrationInterface {
  name = 'CallNotifications1763702640000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE calls_to_action ADD COLUMN volunteers_notified_at timestamptz`);
    await db.query(`
      CREATE TABLE call_notifications (
        call_id uuid NOT NULL REFERENCES calls_to_action(id) ON DELETE CASCADE,
        volunteer_user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (call_id, volunteer_user_id)
      )`);
    await db.query(
      `CREATE INDEX call_notifications_volunteer_idx ON call_notifications (volunteer_user_id, created_at)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE call_notifications`);
    await db.query(`ALTER TABLE calls_to_action DROP COLUMN volunteers_notified_at`);
  }
}
