import { MigrationInterface, QueryRunner } from 'typeorm';

/** Citizens' needs and the people they are for (beneficiaries). */
export class Requests1763700400000 implements MigrationInterface {
  name = 'Requests1763700400000';

  async up(db: QueryRunner): Promise<void> {
    // The person a need is for: the citizen themselves, a relative, or someone met at the desk.
    // Names and phones are encrypted by the application (FieldCipher), never stored in clear.
    await db.query(`
      CREATE TABLE beneficiaries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('self', 'relative', 'desk')),
        user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        full_name_encrypted text,
        phone_encrypted text,
        relationship text CHECK (char_length(relationship) <= 60),
        consent_recorded_at timestamptz,
        consent_recorded_by_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        created_by_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (kind = 'self' OR full_name_encrypted IS NOT NULL),
        CHECK (kind <> 'relative' OR relationship IS NOT NULL),
        CHECK (kind <> 'desk' OR (consent_recorded_at IS NOT NULL AND consent_recorded_by_user_id IS NOT NULL))
      )`);
    await db.query(
      `CREATE INDEX beneficiaries_user_idx ON beneficiaries (user_id) WHERE user_id IS NOT NULL`,
    );
    // One SELF record per person, reused by all the needs they post for themselves.
    await db.query(
      `CREATE UNIQUE INDEX beneficiaries_self_idx ON beneficiaries (user_id) WHERE kind = 'self'`,
    );

    await db.query(`
      CREATE TABLE needs (
        id uuid PRIMARY KEY,
        source text NOT NULL CHECK (source IN ('citizen', 'desk', 'sentinel')),
        status text NOT NULL CHECK (status IN ('draft', 'submitted', 'open', 'matched', 'in_progress',
          'completed', 'cancelled', 'expired', 'rejected')),
        category text NOT NULL CHECK (category IN ('rides_and_accompaniment', 'shared_caregiver', 'home_help',
          'shopping_and_delivery', 'companionship', 'digital_help', 'childcare', 'housing', 'job_inclusion', 'other')),
        description text NOT NULL CHECK (char_length(description) BETWEEN 1 AND 2000),
        comune_istat char(6) NOT NULL REFERENCES comuni(istat),
        lat double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
        lon double precision NOT NULL CHECK (lon BETWEEN -180 AND 180),
        address_encrypted text,
        window_start timestamptz,
        window_end timestamptz,
        urgency text NOT NULL DEFAULT 'normal' CHECK (urgency IN ('low', 'normal', 'high', 'urgent')),
        language text NOT NULL DEFAULT 'it' CHECK (language ~ '^[a-z]{2}$'),
        accessibility_needs text[] NOT NULL DEFAULT '{}',
        max_distance_km integer CHECK (max_distance_km BETWEEN 1 AND 500),
        sensitive_notes_encrypted text,
        details jsonb NOT NULL DEFAULT '{}'::jsonb,
        author_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        beneficiary_id uuid REFERENCES beneficiaries(id),
        opened_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (window_end > window_start),
        -- A sentinel only flags: no window, no beneficiary, no notes until the Comune takes over.
        CHECK (source = 'sentinel' OR (window_start IS NOT NULL AND window_end IS NOT NULL AND beneficiary_id IS NOT NULL)),
        CHECK (source <> 'sentinel' OR sensitive_notes_encrypted IS NULL)
      )`);
    await db.query(
      `CREATE INDEX needs_territory_idx ON needs (comune_istat, status, created_at DESC, id DESC)`,
    );
    await db.query(`CREATE INDEX needs_author_idx ON needs (author_user_id, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX needs_beneficiary_idx ON needs (beneficiary_id)`);
    // The expiry sweep reads only live needs by the end of their window.
    await db.query(
      `CREATE INDEX needs_window_end_idx ON needs (window_end) WHERE status IN ('open', 'submitted')`,
    );
    // Matching looks for open needs near a helper.
    await db.query(
      `CREATE INDEX needs_open_earth_idx ON needs USING gist (ll_to_earth(lat, lon)) WHERE status = 'open'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS needs`);
    await db.query(`DROP TABLE IF EXISTS beneficiaries`);
  }
}
