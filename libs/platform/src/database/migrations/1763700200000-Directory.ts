import { MigrationInterface, QueryRunner } from 'typeorm';

/** Organisations (ETS and providers), their accreditation per territory, and their service offers. */
export class Directory1763700200000 implements MigrationInterface {
  name = 'Directory1763700200000';

  async up(db: QueryRunner): Promise<void> {
    // unaccent() is only STABLE (its dictionary could change), so it cannot appear in an index;
    // this wrapper pins the dictionary and is declared IMMUTABLE so expression indexes can use it.
    await db.query(`
      CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$`);

    await db.query(`
      CREATE TABLE organisations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('ets', 'social_cooperative', 'company', 'public_body')),
        runts_section char(1) CHECK (runts_section IN ('a', 'b', 'c', 'd', 'e', 'f', 'g')),
        runts_number text,
        name text NOT NULL,
        codice_fiscale text NOT NULL,
        partita_iva text,
        contact_phone text,
        contact_email text,
        description text NOT NULL,
        home_comune_istat char(6) NOT NULL REFERENCES comuni(istat),
        created_by_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (kind <> 'ets' OR runts_section IS NOT NULL)
      )`);
    // One record per body: the codice fiscale identifies it with the Agenzia delle Entrate.
    await db.query(`CREATE UNIQUE INDEX organisations_codice_fiscale_idx ON organisations (codice_fiscale)`);
    // No foreign key from user_roles: other libraries' tests grant organisation roles on their own.
    await db.query(
      `CREATE INDEX user_roles_organisation_idx ON user_roles (organisation_id) WHERE organisation_id IS NOT NULL`,
    );

    await db.query(`
      CREATE TABLE organisation_accreditations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        territory_id uuid NOT NULL REFERENCES territories(id) ON DELETE CASCADE,
        status text NOT NULL
          CHECK (status IN ('submitted', 'under_review', 'accredited', 'rejected', 'suspended')),
        reason text,
        requested_by_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        decided_by_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        decided_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organisation_id, territory_id)
      )`);
    await db.query(
      `CREATE INDEX organisation_accreditations_queue_idx ON organisation_accreditations (territory_id, status, created_at)`,
    );

    await db.query(`
      CREATE TABLE service_offers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        title text NOT NULL,
        category text NOT NULL,
        target_groups text[] NOT NULL DEFAULT '{}',
        description text NOT NULL,
        -- The area is either a list of Comuni or a circle around a point.
        area_comuni char(6)[],
        radius_km double precision CHECK (radius_km > 0),
        -- The home Comune (first of the list, or nearest to the centre) decides moderation and
        -- accreditation; the point (that Comune's centre, or the circle's) decides distances.
        comune_istat char(6) NOT NULL REFERENCES comuni(istat),
        lat double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
        lon double precision NOT NULL CHECK (lon BETWEEN -180 AND 180),
        schedule jsonb NOT NULL DEFAULT '[]'::jsonb,
        capacity integer CHECK (capacity > 0),
        accessibility_notes text,
        languages text[] NOT NULL DEFAULT '{}',
        price_model text NOT NULL CHECK (price_model IN ('free', 'fixed', 'shared')),
        price_unit text CHECK (price_unit IN ('hour', 'service')),
        price_cents integer CHECK (price_cents >= 0),
        price_bands jsonb,
        -- The lowest hourly price a person can pay (0 when free; null when not priced per hour).
        min_cents_per_hour integer,
        vouchers_accepted boolean NOT NULL DEFAULT false,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
        created_by_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((area_comuni IS NULL) <> (radius_km IS NULL))
      )`);
    await db.query(
      `CREATE INDEX service_offers_earth_idx ON service_offers USING gist (ll_to_earth(lat, lon))`,
    );
    await db.query(
      `CREATE INDEX service_offers_text_idx ON service_offers
         USING gin (f_unaccent(lower(title || ' ' || description)) gin_trgm_ops)`,
    );
    await db.query(`CREATE INDEX service_offers_area_idx ON service_offers USING gin (area_comuni)`);
    await db.query(
      `CREATE INDEX service_offers_newest_idx ON service_offers (created_at DESC, id DESC) WHERE status = 'active'`,
    );
    await db.query(
      `CREATE INDEX service_offers_organisation_idx ON service_offers (organisation_id, created_at)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS service_offers`);
    await db.query(`DROP TABLE IF EXISTS organisation_accreditations`);
    await db.query(`DROP INDEX IF EXISTS user_roles_organisation_idx`);
    await db.query(`DROP TABLE IF EXISTS organisations`);
    await db.query(`DROP FUNCTION IF EXISTS f_unaccent(text)`);
  }
}
