import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { existsSync } from 'node:fs';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** The shared ground of the marketplace: territories, status history, audit log, moderation. */
export class MarketplaceFoundation1763700100000 implements MigrationInterface {
  name = 'MarketplaceFoundation1763700100000';

  async up(db: QueryRunner): Promise<void> {
    // All Italian Comuni (ISTAT), see libs/territory/data/PROVENANCE.md.
    await db.query(`
      CREATE TABLE comuni (
        istat char(6) PRIMARY KEY,
        name text NOT NULL,
        province_code char(2) NOT NULL,
        province text NOT NULL,
        region text NOT NULL,
        lat double precision NOT NULL,
        lon double precision NOT NULL,
        coordinates_precision text NOT NULL
      )`);
    const comuniPath = locateComuniData(__dirname);
    await db.query(
      `INSERT INTO comuni (istat, name, province_code, province, region, lat, lon, coordinates_precision)
       SELECT istat, name, "provinceCode", province, region, lat, lon, precision
         FROM jsonb_to_recordset($1::jsonb) AS c(istat text, name text, "provinceCode" text, province text,
              region text, lat float8, lon float8, precision text)`,
      [readFileSync(comuniPath, 'utf8')],
    );
    await db.query(`CREATE INDEX comuni_name_trgm_idx ON comuni USING gin (lower(name) gin_trgm_ops)`);
    await db.query(`CREATE INDEX comuni_earth_idx ON comuni USING gist (ll_to_earth(lat, lon))`);

    // A territory is the tenant boundary: one Comune, or an ambito/consortium of several.
    await db.query(`
      CREATE TABLE territories (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('comune', 'ambito')),
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE territory_comuni (
        territory_id uuid NOT NULL REFERENCES territories(id) ON DELETE CASCADE,
        comune_istat char(6) NOT NULL REFERENCES comuni(istat),
        PRIMARY KEY (territory_id, comune_istat)
      )`);
    await db.query(`CREATE INDEX territory_comuni_comune_idx ON territory_comuni (comune_istat)`);
    await db.query(
      `ALTER TABLE user_roles ADD CONSTRAINT user_roles_territory_fk FOREIGN KEY (territory_id) REFERENCES territories(id)`,
    );

    // Every status change of every stateful record: who, when, why.
    await db.query(`
      CREATE TABLE status_history (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        entity_type text NOT NULL,
        entity_id uuid NOT NULL,
        from_status text,
        to_status text NOT NULL,
        actor_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        reason text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX status_history_entity_idx ON status_history (entity_type, entity_id, id)`);

    // Append-only audit log: grants, decisions, staff reads of sensitive data, exports.
    await db.query(`
      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        actor_user_id uuid,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id uuid,
        territory_id uuid,
        details jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX audit_log_territory_idx ON audit_log (territory_id, id DESC)`);
    await db.query(`CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id)`);
    await db.query(`
      CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only';
      END $$`);
    await db.query(`
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only()`);

    // Moderation: one item per piece of user content, whatever table holds it.
    await db.query(`
      CREATE TABLE moderation_settings (
        territory_id uuid NOT NULL REFERENCES territories(id) ON DELETE CASCADE,
        content_type text NOT NULL,
        mode text NOT NULL CHECK (mode IN ('pre', 'post')),
        PRIMARY KEY (territory_id, content_type)
      )`);
    await db.query(`
      CREATE TABLE moderation_items (
        content_type text NOT NULL,
        content_id uuid NOT NULL,
        comune_istat char(6) NOT NULL REFERENCES comuni(istat),
        author_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        status text NOT NULL CHECK (status IN ('pending', 'published', 'rejected', 'hidden')),
        needs_review boolean NOT NULL,
        report_count integer NOT NULL DEFAULT 0,
        summary text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        decided_at timestamptz,
        PRIMARY KEY (content_type, content_id)
      )`);
    await db.query(
      `CREATE INDEX moderation_queue_idx ON moderation_items (comune_istat, created_at) WHERE needs_review`,
    );
    await db.query(`
      CREATE TABLE content_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        content_type text NOT NULL,
        content_id uuid NOT NULL,
        reporter_user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        reason text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (content_type, content_id, reporter_user_id),
        FOREIGN KEY (content_type, content_id) REFERENCES moderation_items(content_type, content_id) ON DELETE CASCADE
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'content_reports',
      'moderation_items',
      'moderation_settings',
      'audit_log',
      'status_history',
      'territory_comuni',
    ]) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await db.query(`ALTER TABLE user_roles DROP CONSTRAINT IF EXISTS user_roles_territory_fk`);
    await db.query(`DROP TABLE IF EXISTS territories`);
    await db.query(`DROP TABLE IF EXISTS comuni`);
    await db.query(`DROP FUNCTION IF EXISTS audit_log_is_append_only()`);
  }
}

/** The data file sits in libs/territory/data in the source tree and in the image; dist has no copy. */
function locateComuniData(start: string): string {
  for (let directory = start; directory !== dirname(directory); directory = dirname(directory)) {
    const candidate = join(directory, 'libs', 'territory', 'data', 'comuni.json');
    if (existsSync(candidate)) return candidate;
  }
  throw new Error('libs/territory/data/comuni.json not found above ' + start);
}
