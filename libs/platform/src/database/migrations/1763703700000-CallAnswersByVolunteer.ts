import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A volunteer's own answers to calls (myCallAnswers), newest first: call_answers was indexed by
 * call only, so finding one volunteer's answers read the whole table.
 */
export class CallAnswersByVolunteer1763703700000 implements MigrationInterface {
  name = 'CallAnswersByVolunteer1763703700000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX call_answers_volunteer_idx ON call_answers (volunteer_id, created_at DESC, id DESC)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX IF EXISTS call_answers_volunteer_idx`);
  }
}
