import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the impact indicators (libs/insights), checked with EXPLAIN ANALYZE on a year of
 * Piedmont-scale data (npm run bench:indicators, BENCH_EXPLAIN=1).
 */
export class InsightsIndexes1763701100000 implements MigrationInterface {
  name = 'InsightsIndexes1763701100000';

  async up(db: QueryRunner): Promise<void> {
    // Needs of a few Comuni over a period: a range scan instead of reading the region's needs
    // (needs_territory_idx puts status before the date).
    await db.query(
      `CREATE INDEX needs_insights_scope_idx ON needs (comune_istat, created_at)
         INCLUDE (category, source, status, opened_at, beneficiary_id)`,
    );
    // The person a need is for (its beneficiary, or the need itself for a flag without one): a
    // person's earlier help, to tell new people from returning ones.
    await db.query(`CREATE INDEX needs_person_idx ON needs ((coalesce(beneficiary_id, id)))`);
    // Help completed in a period.
    await db.query(
      `CREATE INDEX engagements_completed_idx ON engagements (completed_at)
         INCLUDE (need_id, helper_user_id, volunteer_id, hours_logged) WHERE status = 'completed'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX IF EXISTS engagements_completed_idx`);
    await db.query(`DROP INDEX IF EXISTS needs_person_idx`);
    await db.query(`DROP INDEX IF EXISTS needs_insights_scope_idx`);
  }
}
