import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A message written by SMS from a number without an account (a person registered at the desk, or
 * the family contact of the person helped) keeps the name the other party knows the writer by,
 * encrypted like the text.
 */
export class EngagementMessageSenderName1763702720000 implements MigrationInterface {
  name = 'EngagementMessageSenderName1763702720000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE engagement_messages ADD COLUMN sender_name_encrypted text`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE engagement_messages DROP COLUMN sender_name_encrypted`);
  }
}
