import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Messages between the parties of an engagement, so that helper and person helped can reach each
 * other without either number being shown. The text is encrypted (it may speak of health); a
 * message written by SMS from a number without an account (a person registered at the desk) has no
 * sender user. relayed_at says when the other parties were told (a held message: once approved).
 */
export class EngagementMessages1763702680000 implements MigrationInterface {
  name = 'EngagementMessages1763702680000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE engagement_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        engagement_id uuid NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
        sender_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        sender_side text NOT NULL CHECK (sender_side IN ('helper', 'citizen', 'staff')),
        via text NOT NULL CHECK (via IN ('app', 'sms')),
        body_encrypted text NOT NULL,
        relayed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE INDEX engagement_messages_thread_idx ON engagement_messages (engagement_id, created_at DESC, id DESC)`,
    );
    // The per-sender hourly limit counts these.
    await db.query(
      `CREATE INDEX engagement_messages_sender_idx ON engagement_messages (sender_user_id, created_at)
        WHERE sender_user_id IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM moderation_items WHERE content_type = 'engagement_message'`);
    await db.query(`DROP TABLE engagement_messages`);
  }
}
