import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Matching flow: per-territory confirmation by the citizen, engagements waiting for it, radius
 * widening and operator notice on unmatched needs, manual assignment by operators, and accredited
 * organisations' service offers as candidates.
 */
export class MatchingFlow1763700900000 implements MigrationInterface {
  name = 'MatchingFlow1763700900000';

  async up(db: QueryRunner): Promise<void> {
    // Per territory; no row means the defaults (no confirmation needed).
    await db.query(`
      CREATE TABLE territory_matching_settings (
        territory_id uuid PRIMARY KEY REFERENCES territories(id) ON DELETE CASCADE,
        citizen_confirmation_required boolean NOT NULL DEFAULT false,
        updated_by_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    // A proposal goes to a volunteer, or to an accredited organisation for one of its service
    // offers (then helper_user_id is the organisation's contact person who was told).
    await db.query(`ALTER TABLE match_proposals ALTER COLUMN volunteer_id DROP NOT NULL`);
    await db.query(`
      ALTER TABLE match_proposals
        ADD COLUMN organisation_id uuid REFERENCES organisations(id) ON DELETE CASCADE,
        ADD COLUMN service_offer_id uuid REFERENCES service_offers(id) ON DELETE CASCADE,
        ADD COLUMN assigned_by_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        ADD CONSTRAINT match_proposals_helper_kind CHECK (
          (volunteer_id IS NOT NULL AND service_offer_id IS NULL)
          OR (volunteer_id IS NULL AND service_offer_id IS NOT NULL AND organisation_id IS NOT NULL))`);
    await db.query(
      `CREATE INDEX match_proposals_organisation_idx ON match_proposals (organisation_id, created_at DESC)
        WHERE organisation_id IS NOT NULL`,
    );

    // An engagement may wait for the citizen's (or an operator's) confirmation; it holds the
    // helper's time meanwhile. An organisation's engagement counts against its offer's capacity,
    // not against the time of the member who accepted it.
    await db.query(`
      ALTER TABLE engagements
        ADD COLUMN organisation_id uuid REFERENCES organisations(id) ON DELETE SET NULL,
        ADD COLUMN confirmed_at timestamptz`);
    // Added by the reviews migration already (organisations' engagements are reviewed as offers).
    await db.query(
      `ALTER TABLE engagements ADD COLUMN IF NOT EXISTS service_offer_id uuid REFERENCES service_offers(id) ON DELETE SET NULL`,
    );
    await db.query(`ALTER TABLE engagements DROP CONSTRAINT IF EXISTS engagements_status_check`);
    await db.query(`
      ALTER TABLE engagements ADD CONSTRAINT engagements_status_check CHECK (status IN
        ('awaiting_confirmation', 'confirmed', 'in_progress', 'completed', 'cancelled', 'no_show'))`);
    await db.query(`ALTER TABLE engagements DROP CONSTRAINT IF EXISTS engagements_no_overlap`);
    await db.query(`
      ALTER TABLE engagements ADD CONSTRAINT engagements_no_overlap
        EXCLUDE USING gist (helper_user_id WITH =, during WITH &&)
        WHERE (status IN ('awaiting_confirmation', 'confirmed', 'in_progress') AND service_offer_id IS NULL)`);
    await db.query(`DROP INDEX IF EXISTS engagements_one_per_need_idx`);
    await db.query(
      `CREATE UNIQUE INDEX engagements_one_per_need_idx ON engagements (need_id)
        WHERE status IN ('awaiting_confirmation', 'confirmed', 'in_progress', 'completed')`,
    );
    await db.query(
      `CREATE INDEX engagements_service_offer_idx ON engagements USING gist (service_offer_id, during)
        WHERE service_offer_id IS NOT NULL AND status IN ('awaiting_confirmation', 'confirmed', 'in_progress')`,
    );

    // How far the search has widened, and when the territory's operators were told.
    await db.query(`
      ALTER TABLE need_match_states
        ADD COLUMN radius_step integer NOT NULL DEFAULT 0 CHECK (radius_step >= 0),
        ADD COLUMN operators_notified_at timestamptz`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE need_match_states DROP COLUMN IF EXISTS radius_step, DROP COLUMN IF EXISTS operators_notified_at`,
    );
    await db.query(`DROP INDEX IF EXISTS engagements_service_offer_idx`);
    await db.query(
      `DELETE FROM engagements WHERE status = 'awaiting_confirmation' OR organisation_id IS NOT NULL`,
    );
    await db.query(`DROP INDEX IF EXISTS engagements_one_per_need_idx`);
    await db.query(
      `CREATE UNIQUE INDEX engagements_one_per_need_idx ON engagements (need_id)
        WHERE status IN ('confirmed', 'in_progress', 'completed')`,
    );
    await db.query(`ALTER TABLE engagements DROP CONSTRAINT IF EXISTS engagements_no_overlap`);
    await db.query(`
      ALTER TABLE engagements ADD CONSTRAINT engagements_no_overlap
        EXCLUDE USING gist (helper_user_id WITH =, during WITH &&) WHERE (status IN ('confirmed', 'in_progress'))`);
    await db.query(`ALTER TABLE engagements DROP CONSTRAINT IF EXISTS engagements_status_check`);
    await db.query(`
      ALTER TABLE engagements ADD CONSTRAINT engagements_status_check CHECK (status IN
        ('confirmed', 'in_progress', 'completed', 'cancelled', 'no_show'))`);
    await db.query(`ALTER TABLE engagements DROP COLUMN organisation_id, DROP COLUMN confirmed_at`);
    await db.query(`DELETE FROM match_proposals WHERE volunteer_id IS NULL`);
    await db.query(`DROP INDEX IF EXISTS match_proposals_organisation_idx`);
    await db.query(
      `ALTER TABLE match_proposals DROP CONSTRAINT match_proposals_helper_kind, DROP COLUMN organisation_id,
         DROP COLUMN service_offer_id, DROP COLUMN assigned_by_user_id`,
    );
    await db.query(`ALTER TABLE match_proposals ALTER COLUMN volunteer_id SET NOT NULL`);
    await db.query(`DROP TABLE IF EXISTS territory_matching_settings`);
  }
}
