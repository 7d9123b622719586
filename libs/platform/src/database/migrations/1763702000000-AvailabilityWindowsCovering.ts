import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Matching asks, for each nearby helper in turn, "is one of your windows free then?". With the
 * window's times in the index itself the answer comes from the index alone (once vacuumed), without
 * visiting each window's row: the check that rejects most helpers when nobody is free at that hour.
 */
export class AvailabilityWindowsCovering1763702000000 implements MigrationInterface {
  name = 'AvailabilityWindowsCovering1763702000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX availability_windows_volunteer_times_idx ON availability_windows (volunteer_id)
         INCLUDE (kind, during, week_span, validity)`,
    );
    await db.query(`DROP INDEX availability_windows_volunteer_idx`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX availability_windows_volunteer_idx ON availability_windows (volunteer_id)`);
    await db.query(`DROP INDEX availability_windows_volunteer_times_idx`);
  }
}
