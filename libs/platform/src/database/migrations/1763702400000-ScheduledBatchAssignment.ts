import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Batch assignment on a schedule: a territory may opt in, and every evening the worker starts one
 * run for the next day's rides there. The unique index makes the scheduled run of a territory,
 * category and window exist once, however often the repeatable job fires or is retried.
 */
export class ScheduledBatchAssignment1763702400000 implements MigrationInterface {
  name = 'ScheduledBatchAssignment1763702400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE territory_matching_settings ADD COLUMN scheduled_batch_assignment boolean NOT NULL DEFAULT false`,
    );
    await db.query(`ALTER TABLE batch_assignment_runs ADD COLUMN scheduled boolean NOT NULL DEFAULT false`);
    await db.query(
      `CREATE UNIQUE INDEX batch_assignment_runs_scheduled_key
         ON batch_assignment_runs (territory_id, category, window_start, window_end) WHERE scheduled`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX batch_assignment_runs_scheduled_key`);
    await db.query(`ALTER TABLE batch_assignment_runs DROP COLUMN scheduled`);
    await db.query(`ALTER TABLE territory_matching_settings DROP COLUMN scheduled_batch_assignment`);
  }
}
