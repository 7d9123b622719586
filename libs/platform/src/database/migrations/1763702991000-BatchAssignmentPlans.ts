import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A batch assignment an operator looks at before it goes out: a run asked with publish = false
 * stops at 'planned' with its plan stored (one row per need of the slot: the helper chosen, or
 * none), and 'publishing' applies that plan when the operator publishes it. Scheduled runs and runs
 * asked with publish = true go on as before (planned and applied in one job).
 */
export class BatchAssignmentPlans1763702991000 implements MigrationInterface {
  name = 'BatchAssignmentPlans1763702991000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE batch_assignment_runs DROP CONSTRAINT batch_assignment_runs_status_check`);
    await db.query(
      `ALTER TABLE batch_assignment_runs ADD CONSTRAINT batch_assignment_runs_status_check
         CHECK (status IN ('queued', 'running', 'planned', 'publishing', 'completed', 'failed'))`,
    );
    await db.query(`ALTER TABLE batch_assignment_runs ADD COLUMN publish boolean NOT NULL DEFAULT true`);
    await db.query(`ALTER TABLE batch_assignment_runs ADD COLUMN planned_at timestamptz`);
    await db.query(`ALTER TABLE batch_assignment_runs ADD COLUMN published_at timestamptz`);
    await db.query(
      `ALTER TABLE batch_assignment_runs ADD COLUMN published_by_user_id uuid REFERENCES users(id) ON DELETE SET NULL`,
    );
    // The target is the candidate as the engine ranked it (ids, distance, score): what the
    // proposal is written from at publication. Ids and numbers only, no personal text.
    await db.query(`
      CREATE TABLE batch_assignment_plan_rows (
        run_id uuid NOT NULL REFERENCES batch_assignment_runs(id) ON DELETE CASCADE,
        need_id uuid NOT NULL REFERENCES needs(id) ON DELETE CASCADE,
        window_start timestamptz NOT NULL,
        helper_user_id uuid REFERENCES users(id) ON DELETE CASCADE,
        volunteer_id uuid,
        organisation_id uuid,
        meters integer,
        already_asked boolean NOT NULL DEFAULT false,
        target jsonb,
        PRIMARY KEY (run_id, need_id),
        CHECK ((helper_user_id IS NULL) = (target IS NULL))
      )`);
    await db.query(
      `CREATE INDEX batch_assignment_plan_rows_page_idx ON batch_assignment_plan_rows (run_id, window_start, need_id)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE batch_assignment_plan_rows`);
    await db.query(
      `UPDATE batch_assignment_runs SET status = 'failed' WHERE status IN ('planned', 'publishing')`,
    );
    await db.query(`ALTER TABLE batch_assignment_runs DROP COLUMN published_by_user_id`);
    await db.query(`ALTER TABLE batch_assignment_runs DROP COLUMN published_at`);
    await db.query(`ALTER TABLE batch_assignment_runs DROP COLUMN planned_at`);
    await db.query(`ALTER TABLE batch_assignment_runs DROP COLUMN publish`);
    await db.query(`ALTER TABLE batch_assignment_runs DROP CONSTRAINT batch_assignment_runs_status_check`);
    await db.query(
      `ALTER TABLE batch_assignment_runs ADD CONSTRAINT batch_assignment_runs_status_check
         CHECK (status IN ('queued', 'running', 'completed', 'failed'))`,
    );
  }
}
