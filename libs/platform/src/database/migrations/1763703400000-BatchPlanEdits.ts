import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Operators may change a plan before publishing it (take a need out, give it to another eligible
 * helper): the run counts those changes, so that its page and list say the plan is no longer the
 * engine's alone (who changed what is in the audit log).
 */
export class BatchPlanEdits1763703400000 implements MigrationInterface {
  name = 'BatchPlanEdits1763703400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE batch_assignment_runs ADD COLUMN edits integer NOT NULL DEFAULT 0`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE batch_assignment_runs DROP COLUMN edits`);
  }
}
