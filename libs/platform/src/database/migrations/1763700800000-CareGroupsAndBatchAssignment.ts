import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Shared-caregiver groups ("badante condivisa"): nearby households with compatible weekly
 * times share an accredited organisation's shared-price offer, each with its own quote.
 * Batch assignment runs: an operator's request to assign a territory's open needs optimally.
 */
export class CareGroupsAndBatchAssignment1763700800000 implements MigrationInterface {
  name = 'CareGroupsAndBatchAssignment1763700800000';

  async up(db: QueryRunner): Promise<void> {
    // proposed: waiting for every household to confirm; confirmed: the service is on (the
    // group is the engagement, with one quote per household); dissolved: fewer than two left.
    await db.query(`
      CREATE TABLE care_groups (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        offer_id uuid NOT NULL REFERENCES service_offers(id),
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        -- The Comune of the first household: decides which operators see the group.
        comune_istat char(6) NOT NULL REFERENCES comuni(istat),
        status text NOT NULL CHECK (status IN ('proposed', 'confirmed', 'dissolved')),
        -- Weekly times every household shares ([{dayOfWeek, start, end}]) and their length,
        -- which the quotes are computed on.
        shared_schedule jsonb NOT NULL,
        weekly_minutes integer NOT NULL CHECK (weekly_minutes > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        confirmed_at timestamptz,
        dissolved_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX care_groups_territory_idx ON care_groups (comune_istat, created_at, id)`);
    await db.query(`CREATE INDEX care_groups_offer_idx ON care_groups (offer_id)`);

    // One row per household (need) that ever joined; a household that leaves keeps its row with
    // left_at, so indicators can count groups and savings over time.
    await db.query(`
      CREATE TABLE care_group_members (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        group_id uuid NOT NULL REFERENCES care_groups(id) ON DELETE CASCADE,
        need_id uuid NOT NULL REFERENCES needs(id) ON DELETE CASCADE,
        status text NOT NULL CHECK (status IN ('invited', 'confirmed', 'left')),
        -- The band's hourly price for the current group size, and the 1-person band's.
        price_cents_per_hour integer NOT NULL CHECK (price_cents_per_hour > 0),
        individual_price_cents_per_hour integer NOT NULL CHECK (individual_price_cents_per_hour > 0),
        -- This household's exact weekly share (cents add up to the group's total) and what the
        -- same minutes would cost alone.
        weekly_cents integer NOT NULL CHECK (weekly_cents >= 0),
        individual_weekly_cents integer NOT NULL CHECK (individual_weekly_cents >= 0),
        joined_at timestamptz NOT NULL DEFAULT now(),
        confirmed_at timestamptz,
        left_at timestamptz,
        left_reason text CHECK (left_reason IN ('left', 'group_dissolved', 'need_closed')),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (group_id, need_id),
        CHECK ((status = 'left') = (left_at IS NOT NULL)),
        CHECK (price_cents_per_hour <= individual_price_cents_per_hour)
      )`);
    // A household is in at most one live group.
    await db.query(
      `CREATE UNIQUE INDEX care_group_members_live_need_idx ON care_group_members (need_id) WHERE left_at IS NULL`,
    );
    await db.query(`CREATE INDEX care_group_members_group_idx ON care_group_members (group_id)`);

    // Grouping looks for open shared-care needs near a new one.
    await db.query(
      `CREATE INDEX needs_open_shared_care_earth_idx ON needs USING gist (ll_to_earth(lat, lon))
        WHERE status = 'open' AND category = 'shared_caregiver'`,
    );

    await db.query(`
      CREATE TABLE batch_assignment_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        territory_id uuid NOT NULL REFERENCES territories(id) ON DELETE CASCADE,
        category text NOT NULL,
        window_start timestamptz NOT NULL,
        window_end timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('queued', 'running', 'completed', 'failed')),
        requested_by_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        needs_count integer,
        helpers_count integer,
        served integer,
        total_meters bigint,
        greedy_served integer,
        greedy_meters bigint,
        proposals_sent integer,
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        CHECK (window_end > window_start)
      )`);
    await db.query(
      `CREATE INDEX batch_assignment_runs_territory_idx ON batch_assignment_runs (territory_id, created_at DESC, id DESC)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS batch_assignment_runs`);
    await db.query(`DROP INDEX IF EXISTS needs_open_shared_care_earth_idx`);
    await db.query(`DROP TABLE IF EXISTS care_group_members`);
    await db.query(`DROP TABLE IF EXISTS care_groups`);
  }
}
