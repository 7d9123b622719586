import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a call's publisher writes to the volunteers it accepted (where to meet, what to bring):
 * the words encrypted as other free text is, how many volunteers it went to, newest first per call.
 */
export class CallMessages1763703800000 implements MigrationInterface {
  name = 'CallMessages1763703800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE call_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        call_id uuid NOT NULL REFERENCES calls_to_action(id) ON DELETE CASCADE,
        sender_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        body_encrypted text NOT NULL,
        recipient_count integer NOT NULL CHECK (recipient_count >= 0),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE INDEX call_messages_call_idx ON call_messages (call_id, created_at DESC, id DESC)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS call_messages`);
  }
}
