import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the exact incremental year rows need (libs/insights/src/snapshots/indicator-year-deltas.ts):
 * need_facts as it was at a refresh's watermark, for the needs written since.
 *
 * Every count of people and every need-level sum of demand, unmatched, reach and activity is additive
 * over a partition of the people (or of the helpers, or of the organisations), so a stored row moves
 * by the live statement over the changed entities' facts now minus the same statement over their
 * facts as they were at the watermark. The latter are rebuilt from this log: a statement-level
 * trigger on need_facts keeps the old image of every row it changes (null for a row it inserts:
 * the need did not exist), with the writer's transaction id. For a need, the image of its earliest
 * entry (by id) whose transaction the watermark does not include is the row as it was at the
 * watermark: writers of one need_facts row take turns on its row lock, so a later writer's entry
 * has a later id, and every writer before it is in the watermark. Needs with no such entry are as
 * they were. Images are jsonb (not the row type), so that need_facts can still gain columns; entries
 * every watermark includes are deleted with indicator_changes (pruneChanges).
 *
 * Indexes: the changed people's, helpers' and organisations' needs are read by those columns.
 * Watermarks are dropped: changes before this migration have no image, so every node's next
 * refresh is a full one.
 */
export class IndicatorFactImages1763703600000 implements MigrationInterface {
  name = 'IndicatorFactImages1763703600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE indicator_fact_images (
        id bigserial PRIMARY KEY,
        xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
        need_id uuid NOT NULL,
        -- The need_facts row before the write; null: it did not exist.
        image jsonb
      )`);
    const triggers = [
      ['insert', 'NEW TABLE AS new_rows', `SELECT n.need_id, NULL::jsonb FROM new_rows n`, 'new_rows'],
      [
        'update',
        'OLD TABLE AS old_rows NEW TABLE AS new_rows',
        `SELECT o.need_id, to_jsonb(o) FROM old_rows o`,
        'old_rows',
      ],
      ['delete', 'OLD TABLE AS old_rows', `SELECT o.need_id, to_jsonb(o) FROM old_rows o`, 'old_rows'],
    ] as const;
    for (const [event, referencing, images, rows] of triggers) {
      // need_facts' upsert fires its INSERT and its UPDATE statement triggers, one of them on nothing.
      await db.query(`
        CREATE FUNCTION indicator_fact_images_${event}() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
          IF NOT EXISTS (SELECT FROM ${rows}) THEN RETURN NULL; END IF;
          INSERT INTO indicator_fact_images (need_id, image) ${images};
          RETURN NULL;
        END $fn$`);
      await db.query(`
        CREATE TRIGGER indicator_fact_images_${event} AFTER ${event.toUpperCase()} ON need_facts
          REFERENCING ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION indicator_fact_images_${event}()`);
    }
    await db.query(`CREATE INDEX need_facts_person_all_idx ON need_facts (person)`);
    await db.query(`CREATE INDEX need_facts_helper_idx ON need_facts (helper_user_id) WHERE served`);
    await db.query(`CREATE INDEX need_facts_organisation_idx ON need_facts (organisation_id) WHERE served`);
    await db.query(`DELETE FROM indicator_snapshot_watermarks`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const event of ['insert', 'update', 'delete']) {
      await db.query(`DROP TRIGGER IF EXISTS indicator_fact_images_${event} ON need_facts`);
      await db.query(`DROP FUNCTION IF EXISTS indicator_fact_images_${event}()`);
    }
    await db.query(`DROP INDEX IF EXISTS need_facts_organisation_idx`);
    await db.query(`DROP INDEX IF EXISTS need_facts_helper_idx`);
    await db.query(`DROP INDEX IF EXISTS need_facts_person_all_idx`);
    await db.query(`DROP TABLE indicator_fact_images`);
  }
}
