import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indicator snapshots: the result of each indicator table for a whole territory node above the
 * Comune (an ambito, or the platform) and a calendar year, per granularity (week, month, the year)
 * and grouping, as the live statements returned it when the maintenance job last ran. Region-wide
 * exact people counts take seconds; reading a stored result takes milliseconds. `node` is the
 * territory's id or 'platform'; no foreign key, so a territory can be deleted without waiting for
 * the job (its snapshots can no longer be asked for, and the next run removes them).
 */
export class IndicatorSnapshots1763702100000 implements MigrationInterface {
  name = 'IndicatorSnapshots1763702100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE indicator_snapshots (
        node text NOT NULL,
        year int NOT NULL,
        granularity text NOT NULL CHECK (granularity IN ('week', 'month', 'period')),
        by_comune boolean NOT NULL,
        by_category boolean NOT NULL,
        table_name text NOT NULL,
        -- md5 of the node's sorted ISTAT codes when computed (null for the platform): a snapshot of
        -- a territory whose Comuni changed since is not used.
        comuni_digest text,
        as_of timestamptz NOT NULL,
        -- The statement's rows, compactly (StoredResult in libs/insights/src/snapshots/indicator-snapshots.ts).
        result json NOT NULL,
        PRIMARY KEY (node, year, granularity, by_comune, by_category, table_name)
      )`);
    // Stored uncompressed: a region's largest result is ~5 MB, and decompressing it on every read
    // cost more than copying it.
    await db.query(`ALTER TABLE indicator_snapshots ALTER COLUMN result SET STORAGE EXTERNAL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE indicator_snapshots`);
  }
}
