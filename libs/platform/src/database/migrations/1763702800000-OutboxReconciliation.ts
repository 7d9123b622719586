import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * PostgreSQL is the truth for background work (issue 16). An outbox row now records when its job
 * finished (completed, or failed for good): a row dispatched but not finished is work the queue
 * must still hold, and the reconciler enqueues it again (same jobId) when the queue has lost it.
 * A notification whose send may have reached the provider without our knowing is 'unknown': it
 * is never sent again blindly.
 */
export class OutboxReconciliation1763702800000 implements MigrationInterface {
  name = 'OutboxReconciliation1763702800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE outbox ADD COLUMN finished_at timestamptz`);
    // The queue namespace (QUEUE_PREFIX) it went to: a worker reconciles only its own.
    await db.query(`ALTER TABLE outbox ADD COLUMN dispatched_to text`);
    // Rows dispatched before this migration are taken as finished: their jobs' fate is unknown
    // here, and re-running months of side effects would be worse than missing a lost one.
    await db.query(`UPDATE outbox SET finished_at = dispatched_at WHERE dispatched_at IS NOT NULL`);
    await db.query(
      `CREATE INDEX outbox_unfinished_idx ON outbox (seq) WHERE dispatched_at IS NOT NULL AND finished_at IS NULL`,
    );
    await db.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_status_check`);
    await db.query(`
      ALTER TABLE notifications ADD CONSTRAINT notifications_status_check
        CHECK (status IN ('pending', 'sending', 'sent', 'delivered', 'failed', 'failed_permanent', 'cancelled', 'unknown'))`);
    await db.query(`DROP INDEX IF EXISTS notifications_failed_idx`);
    await db.query(
      `CREATE INDEX notifications_failed_idx ON notifications (updated_at, id) WHERE status IN ('failed', 'failed_permanent', 'unknown')`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX IF EXISTS notifications_failed_idx`);
    await db.query(
      `CREATE INDEX notifications_failed_idx ON notifications (updated_at, id) WHERE status IN ('failed', 'failed_permanent')`,
    );
    await db.query(`UPDATE notifications SET status = 'failed' WHERE status = 'unknown'`);
    await db.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_status_check`);
    await db.query(`
      ALTER TABLE notifications ADD CONSTRAINT notifications_status_check
        CHECK (status IN ('pending', 'sending', 'sent', 'delivered', 'failed', 'failed_permanent', 'cancelled'))`);
    await db.query(`DROP INDEX IF EXISTS outbox_unfinished_idx`);
    await db.query(`ALTER TABLE outbox DROP COLUMN finished_at`);
    await db.query(`ALTER TABLE outbox DROP COLUMN dispatched_to`);
  }
}
