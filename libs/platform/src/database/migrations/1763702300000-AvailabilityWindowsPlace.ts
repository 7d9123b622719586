import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each availability window carries a copy of its volunteer's home and categories, kept by
 * triggers, and one GiST index per help category over (home, the window's times). The matching
 * engine's candidate search then walks the windows free at the need's time nearest first (box
 * and time both index conditions) instead of every helper's home in the box, checking each
 * home's windows: a need few or none are free for walked every helper of the category in its
 * box (bench:matching: up to 875 drivers, the p95 tail). The unmatched reason's counts ask the
 * same index whether anyone near is free then before counting.
 *
 * The copy is exact, never a cache: a window takes its volunteer's values on every insert or
 * update (under a share lock on the volunteer's row, so that a concurrent move of the home
 * waits for the new window, or the new window for the move), and a change of home or categories
 * rewrites the volunteer's windows in the same transaction. The categories are those of
 * migration 1763701400000; for a category added later the engine walks the homes as before.
 */
const CATEGORIES = [
  'rides_and_accompaniment',
  'shared_caregiver',
  'home_help',
  'shopping_and_delivery',
  'companionship',
  'digital_help',
  'childcare',
  'housing',
  'job_inclusion',
  'other',
];

export class AvailabilityWindowsPlace1763702300000 implements MigrationInterface {
  name = 'AvailabilityWindowsPlace1763702300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE availability_windows ADD COLUMN home_lat float8, ADD COLUMN home_lon float8,
      ADD COLUMN categories text[]`);
    await db.query(`
      CREATE FUNCTION availability_window_take_place() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT v.home_lat, v.home_lon, v.categories INTO NEW.home_lat, NEW.home_lon, NEW.categories
          FROM volunteer_profiles v WHERE v.id = NEW.volunteer_id FOR SHARE;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER availability_windows_take_place
        BEFORE INSERT OR UPDATE ON availability_windows
        FOR EACH ROW EXECUTE FUNCTION availability_window_take_place()`);
    await db.query(`
      CREATE FUNCTION volunteer_profile_move_windows() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE availability_windows SET home_lat = NEW.home_lat, home_lon = NEW.home_lon, categories = NEW.categories
         WHERE volunteer_id = NEW.id;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER volunteer_profiles_move_windows
        AFTER UPDATE OF home_lat, home_lon, categories ON volunteer_profiles
        FOR EACH ROW
        WHEN (OLD.home_lat IS DISTINCT FROM NEW.home_lat OR OLD.home_lon IS DISTINCT FROM NEW.home_lon
              OR OLD.categories IS DISTINCT FROM NEW.categories)
        EXECUTE FUNCTION volunteer_profile_move_windows()`);
    await db.query(`UPDATE availability_windows SET volunteer_id = volunteer_id`);
    await db.query(`ALTER TABLE availability_windows ALTER COLUMN home_lat SET NOT NULL,
      ALTER COLUMN home_lon SET NOT NULL, ALTER COLUMN categories SET NOT NULL`);
    // The window's id next to the volunteer in the covering index (migration 1763702000000): the
    // search counts a helper with several windows free then once, at the first by id, and asks so
    // from the index alone.
    await db.query(
      `CREATE INDEX availability_windows_volunteer_window_times_idx ON availability_windows (volunteer_id, id)
         INCLUDE (kind, during, week_span, validity)`,
    );
    await db.query(`DROP INDEX availability_windows_volunteer_times_idx`);
    for (const category of CATEGORIES) {
      await db.query(
        `CREATE INDEX availability_windows_place_${category}_idx ON availability_windows
           USING gist (ll_to_earth(home_lat, home_lon), during, week_span, validity)
           WHERE '${category}'::text = ANY(categories)`,
      );
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const category of CATEGORIES) {
      await db.query(`DROP INDEX IF EXISTS availability_windows_place_${category}_idx`);
    }
    await db.query(
      `CREATE INDEX availability_windows_volunteer_times_idx ON availability_windows (volunteer_id)
         INCLUDE (kind, during, week_span, validity)`,
    );
    await db.query(`DROP INDEX availability_windows_volunteer_window_times_idx`);
    await db.query(`DROP TRIGGER volunteer_profiles_move_windows ON volunteer_profiles`);
    await db.query(`DROP FUNCTION volunteer_profile_move_windows()`);
    await db.query(`DROP TRIGGER availability_windows_take_place ON availability_windows`);
    await db.query(`DROP FUNCTION availability_window_take_place()`);
    await db.query(
      `ALTER TABLE availability_windows DROP COLUMN home_lat, DROP COLUMN home_lon, DROP COLUMN categories`,
    );
  }
}
