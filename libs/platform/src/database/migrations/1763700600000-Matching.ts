import { MigrationInterface, QueryRunner } from 'typeorm';

/** Matching: proposals to helpers, engagements (no double booking), unmatched needs, blocks. */
export class Matching1763700600000 implements MigrationInterface {
  name = 'Matching1763700600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);

    // A citizen may block a helper: matching never proposes them again for the citizen's needs.
    await db.query(`
      CREATE TABLE user_blocks (
        blocker_user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        blocked_user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (blocker_user_id, blocked_user_id),
        CHECK (blocker_user_id <> blocked_user_id)
      )`);

    // One proposal per helper per need, ever: a re-run of the matching job cannot propose twice,
    // and a helper who declined is not asked again for the same need.
    await db.query(`
      CREATE TABLE match_proposals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        need_id uuid NOT NULL REFERENCES needs(id) ON DELETE CASCADE,
        helper_user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        volunteer_id uuid NOT NULL REFERENCES volunteer_profiles(id) ON DELETE CASCADE,
        rank integer NOT NULL CHECK (rank >= 1),
        score double precision NOT NULL CHECK (score BETWEEN 0 AND 1),
        distance_km double precision NOT NULL CHECK (distance_km >= 0),
        breakdown jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'accepted', 'declined', 'withdrawn', 'expired')),
        expires_at timestamptz NOT NULL,
        decided_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (need_id, helper_user_id)
      )`);
    await db.query(
      `CREATE INDEX match_proposals_helper_idx ON match_proposals (helper_user_id, created_at DESC, id DESC)`,
    );
    await db.query(
      `CREATE INDEX match_proposals_pending_idx ON match_proposals (expires_at) WHERE status = 'pending'`,
    );

    // The helper's time on a need. The exclusion constraint is the last guard against double
    // booking: two live engagements of one helper can never overlap, whatever the code does.
    await db.query(`
      CREATE TABLE engagements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        need_id uuid NOT NULL REFERENCES needs(id) ON DELETE CASCADE,
        proposal_id uuid REFERENCES match_proposals(id) ON DELETE SET NULL,
        helper_user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        volunteer_id uuid REFERENCES volunteer_profiles(id) ON DELETE SET NULL,
        during tstzrange NOT NULL CHECK (NOT isempty(during) AND NOT lower_inf(during) AND NOT upper_inf(during)),
        status text NOT NULL CHECK (status IN ('confirmed', 'in_progress', 'completed', 'cancelled', 'no_show')),
        hours_logged numeric(6, 2) CHECK (hours_logged > 0 AND hours_logged <= 24),
        citizen_rating smallint CHECK (citizen_rating BETWEEN 1 AND 5),
        started_at timestamptz,
        completed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (status <> 'completed' OR hours_logged IS NOT NULL),
        CONSTRAINT engagements_no_overlap EXCLUDE USING gist (helper_user_id WITH =, during WITH &&)
          WHERE (status IN ('confirmed', 'in_progress'))
      )`);
    // Exactly one live (or completed) engagement per need, also under concurrent acceptances.
    await db.query(
      `CREATE UNIQUE INDEX engagements_one_per_need_idx ON engagements (need_id)
        WHERE status IN ('confirmed', 'in_progress', 'completed')`,
    );
    await db.query(
      `CREATE INDEX engagements_helper_idx ON engagements (helper_user_id, created_at DESC, id DESC)`,
    );
    await db.query(`CREATE INDEX engagements_need_idx ON engagements (need_id)`);

    // Why matching gave up on a need, for the Comune operator's "unmatched" list.
    await db.query(`
      CREATE TABLE need_match_states (
        need_id uuid PRIMARY KEY REFERENCES needs(id) ON DELETE CASCADE,
        comune_istat char(6) NOT NULL REFERENCES comuni(istat),
        unmatched_reason text CHECK (unmatched_reason IN ('no_helper_in_range', 'none_available',
          'requirement_not_met', 'all_declined')),
        unmatched_at timestamptz,
        rounds integer NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE INDEX need_match_states_unmatched_idx ON need_match_states (comune_istat, unmatched_at, need_id)
        WHERE unmatched_reason IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['need_match_states', 'engagements', 'match_proposals', 'user_blocks']) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
