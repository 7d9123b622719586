import { MigrationInterface, QueryRunner } from 'typeorm';

/** Volunteers, their availability, their own offers (rides, skills) and calls to action. */
export class Community1763700300000 implements MigrationInterface {
  name = 'Community1763700300000';

  async up(db: QueryRunner): Promise<void> {
    // The exact home is private (only the volunteer sees it); it is kept in clear because the
    // proximity searches need a GiST index on it. Public views show the Comune only.
    await db.query(`
      CREATE TABLE volunteer_profiles (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL UNIQUE REFERENCES users(id) ON DELETE CASCADE,
        display_name text NOT NULL CHECK (char_length(display_name) BETWEEN 1 AND 100),
        bio text NOT NULL DEFAULT '' CHECK (char_length(bio) <= 2000),
        skills text[] NOT NULL DEFAULT '{}',
        categories text[] NOT NULL DEFAULT '{}',
        languages text[] NOT NULL DEFAULT '{}',
        home_lat double precision NOT NULL CHECK (home_lat BETWEEN -90 AND 90),
        home_lon double precision NOT NULL CHECK (home_lon BETWEEN -180 AND 180),
        comune_istat char(6) NOT NULL REFERENCES comuni(istat),
        travel_radius_km integer NOT NULL CHECK (travel_radius_km BETWEEN 1 AND 100),
        vehicle_seats integer CHECK (vehicle_seats BETWEEN 1 AND 8),
        vehicle_wheelchair_accessible boolean NOT NULL DEFAULT false,
        weekly_hour_limit integer NOT NULL CHECK (weekly_hour_limit BETWEEN 1 AND 60),
        organisation_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE INDEX volunteer_profiles_home_earth_idx ON volunteer_profiles USING gist (ll_to_earth(home_lat, home_lon))`,
    );
    await db.query(`CREATE INDEX volunteer_profiles_comune_idx ON volunteer_profiles (comune_istat)`);
    await db.query(
      `CREATE INDEX volunteer_profiles_categories_idx ON volunteer_profiles USING gin (categories)`,
    );

    // Availability. One-off windows are tstzranges. Recurring windows are not expanded into a
    // table of future slots (that table goes stale unless a job keeps extending it): each rule
    // is stored as its place on the local weekly grid, week_span = minutes from Monday 00:00 in
    // Europe/Rome, with its validity dates. "Who is free during [a, b)" turns [a, b) into the
    // same grid position (when it lies within one local day) and both kinds are answered by
    // GiST containment, with no horizon and no refresh. Wall-clock minutes also keep a Tuesday
    // 09:00-12:00 rule at 09:00 across the daylight saving change.
    await db.query(`
      CREATE TABLE availability_windows (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        volunteer_id uuid NOT NULL REFERENCES volunteer_profiles(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('recurring', 'one_off')),
        day_of_week smallint CHECK (day_of_week BETWEEN 1 AND 7),
        start_minute smallint CHECK (start_minute BETWEEN 0 AND 1439),
        end_minute smallint CHECK (end_minute BETWEEN 1 AND 1440),
        validity daterange,
        week_span int4range GENERATED ALWAYS AS (
          CASE WHEN kind = 'recurring'
            THEN int4range((day_of_week - 1) * 1440 + start_minute, (day_of_week - 1) * 1440 + end_minute)
          END) STORED,
        during tstzrange,
        time_zone text NOT NULL DEFAULT 'Europe/Rome',
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT availability_window_shape CHECK (
          (kind = 'recurring' AND day_of_week IS NOT NULL AND start_minute IS NOT NULL
            AND end_minute > start_minute AND validity IS NOT NULL AND NOT isempty(validity)
            AND NOT lower_inf(validity) AND during IS NULL)
          OR (kind = 'one_off' AND during IS NOT NULL AND NOT isempty(during)
            AND NOT lower_inf(during) AND NOT upper_inf(during)
            AND day_of_week IS NULL AND start_minute IS NULL AND end_minute IS NULL AND validity IS NULL))
      )`);
    await db.query(`CREATE INDEX availability_windows_volunteer_idx ON availability_windows (volunteer_id)`);
    await db.query(
      `CREATE INDEX availability_windows_one_off_idx ON availability_windows USING gist (during) WHERE kind = 'one_off'`,
    );
    await db.query(
      `CREATE INDEX availability_windows_recurring_idx ON availability_windows USING gist (week_span, validity)
        WHERE kind = 'recurring'`,
    );

    // Volunteers' own offers: a ride they already make (Alba's "mutuo trasporto"), or a skill on
    // given days. lat/lon is the public search point: the ride's start, or the Comune's centre
    // for a skill (never the volunteer's home). "during" is when the offer applies: the departure
    // instant for a ride, the validity days for a skill.
    await db.query(`
      CREATE TABLE volunteer_offers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        volunteer_id uuid NOT NULL REFERENCES volunteer_profiles(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('ride', 'skill')),
        category text NOT NULL,
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
        description text NOT NULL DEFAULT '' CHECK (char_length(description) <= 2000),
        comune_istat char(6) NOT NULL REFERENCES comuni(istat),
        lat double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
        lon double precision NOT NULL CHECK (lon BETWEEN -180 AND 180),
        during tstzrange NOT NULL CHECK (NOT isempty(during) AND NOT lower_inf(during)),
        from_place text,
        to_place text,
        to_lat double precision CHECK (to_lat BETWEEN -90 AND 90),
        to_lon double precision CHECK (to_lon BETWEEN -180 AND 180),
        departure_at timestamptz,
        wheelchair_ok boolean NOT NULL DEFAULT false,
        days_of_week smallint[],
        start_minute smallint CHECK (start_minute BETWEEN 0 AND 1439),
        end_minute smallint CHECK (end_minute BETWEEN 1 AND 1440),
        capacity integer CHECK (capacity BETWEEN 1 AND 50),
        accepted_seats integer NOT NULL DEFAULT 0,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'cancelled')),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT volunteer_offer_seats CHECK (accepted_seats >= 0 AND (capacity IS NULL OR accepted_seats <= capacity)),
        CONSTRAINT volunteer_offer_shape CHECK (
          (kind = 'ride' AND from_place IS NOT NULL AND to_place IS NOT NULL AND to_lat IS NOT NULL
            AND to_lon IS NOT NULL AND departure_at IS NOT NULL AND capacity BETWEEN 1 AND 8)
          OR (kind = 'skill' AND days_of_week IS NOT NULL AND start_minute IS NOT NULL AND end_minute > start_minute))
      )`);
    await db.query(
      `CREATE INDEX volunteer_offers_volunteer_idx ON volunteer_offers (volunteer_id, created_at)`,
    );
    await db.query(
      `CREATE INDEX volunteer_offers_earth_idx ON volunteer_offers USING gist (ll_to_earth(lat, lon))`,
    );
    await db.query(`CREATE INDEX volunteer_offers_during_idx ON volunteer_offers USING gist (during)`);

    // The message may say why someone needs the ride (a clinic, a therapy): stored encrypted.
    await db.query(`
      CREATE TABLE volunteer_offer_join_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        offer_id uuid NOT NULL REFERENCES volunteer_offers(id) ON DELETE CASCADE,
        requester_user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        seats integer NOT NULL CHECK (seats BETWEEN 1 AND 8),
        message_encrypted text,
        status text NOT NULL CHECK (status IN ('pending', 'accepted', 'declined', 'cancelled')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE UNIQUE INDEX volunteer_offer_join_requests_active_idx ON volunteer_offer_join_requests (offer_id, requester_user_id)
        WHERE status IN ('pending', 'accepted')`,
    );
    await db.query(
      `CREATE INDEX volunteer_offer_join_requests_requester_idx ON volunteer_offer_join_requests (requester_user_id, created_at)`,
    );
    await db.query(
      `CREATE INDEX volunteer_offer_join_requests_offer_idx ON volunteer_offer_join_requests (offer_id, created_at)`,
    );

    // Calls to action, published by Comune staff or by an organisation's admin.
    await db.query(`
      CREATE TABLE calls_to_action (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        publisher_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        organisation_id uuid,
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
        description text NOT NULL CHECK (char_length(description) <= 5000),
        categories text[] NOT NULL DEFAULT '{}',
        starts_on date NOT NULL,
        ends_on date,
        comune_istats char(6)[] NOT NULL CHECK (cardinality(comune_istats) >= 1),
        volunteers_wanted integer CHECK (volunteers_wanted BETWEEN 1 AND 10000),
        always_open boolean NOT NULL DEFAULT false,
        accepted_count integer NOT NULL DEFAULT 0,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_on IS NULL OR ends_on >= starts_on),
        CHECK (always_open OR volunteers_wanted IS NOT NULL),
        CHECK (always_open OR accepted_count <= volunteers_wanted)
      )`);
    await db.query(`CREATE INDEX calls_to_action_comuni_idx ON calls_to_action USING gin (comune_istats)`);
    await db.query(`CREATE INDEX calls_to_action_created_idx ON calls_to_action (created_at DESC, id DESC)`);
    await db.query(`
      CREATE TABLE call_answers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        call_id uuid NOT NULL REFERENCES calls_to_action(id) ON DELETE CASCADE,
        volunteer_id uuid NOT NULL REFERENCES volunteer_profiles(id) ON DELETE CASCADE,
        message text CHECK (char_length(message) <= 1000),
        comune_istats char(6)[] NOT NULL DEFAULT '{}',
        status text NOT NULL CHECK (status IN ('pending', 'accepted', 'declined')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (call_id, volunteer_id)
      )`);
    await db.query(`CREATE INDEX call_answers_call_idx ON call_answers (call_id, created_at, id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'call_answers',
      'calls_to_action',
      'volunteer_offer_join_requests',
      'volunteer_offers',
      'availability_windows',
      'volunteer_profiles',
    ]) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
