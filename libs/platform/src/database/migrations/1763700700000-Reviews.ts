import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reviews after completed engagements (both sides), their public replies, the aggregates
 * matching and the directory read, and the reminders already sent. Replaces
 * engagements.citizen_rating: existing ratings become reviews and the column is dropped.
 */
export class Reviews1763700700000 implements MigrationInterface {
  name = 'Reviews1763700700000';

  async up(db: QueryRunner): Promise<void> {
    // An engagement served through an organisation's service offer (set by whoever books the
    // offer, e.g. shared care): the citizen then reviews the offer, not a person.
    await db.query(
      `ALTER TABLE engagements ADD COLUMN service_offer_id uuid REFERENCES service_offers(id) ON DELETE SET NULL`,
    );

    // One review per side of an engagement. Criteria 1-3 are, for a person (volunteer or citizen):
    // punctuality, respect and kindness, quality of help; for a service (offer or organisation):
    // quality, clarity of the price, reliability. status mirrors the moderation item.
    await db.query(`
      CREATE TABLE reviews (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        engagement_id uuid NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
        territory_id uuid REFERENCES territories(id) ON DELETE SET NULL,
        comune_istat char(6) NOT NULL REFERENCES comuni(istat),
        author_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        author_side text NOT NULL CHECK (author_side IN ('citizen', 'helper')),
        subject_kind text NOT NULL CHECK (subject_kind IN ('volunteer', 'organisation', 'offer', 'citizen')),
        subject_user_id uuid REFERENCES users(id) ON DELETE CASCADE,
        subject_organisation_id uuid REFERENCES organisations(id) ON DELETE CASCADE,
        subject_offer_id uuid REFERENCES service_offers(id) ON DELETE CASCADE,
        criteria_set text NOT NULL CHECK (criteria_set IN ('person', 'service')),
        criterion1_stars smallint NOT NULL CHECK (criterion1_stars BETWEEN 1 AND 5),
        criterion2_stars smallint NOT NULL CHECK (criterion2_stars BETWEEN 1 AND 5),
        criterion3_stars smallint NOT NULL CHECK (criterion3_stars BETWEEN 1 AND 5),
        overall_stars numeric(3, 2) GENERATED ALWAYS AS
          (round((criterion1_stars + criterion2_stars + criterion3_stars) / 3.0, 2)) STORED,
        comment text CHECK (char_length(comment) BETWEEN 1 AND 2000),
        -- Why the comment was held for a moderator: insult, phone, email, health.
        held_reasons text[] NOT NULL DEFAULT '{}',
        status text NOT NULL CHECK (status IN ('pending', 'published', 'rejected', 'hidden')),
        -- The stars as the aggregates currently count them (null: not counted). The aggregate job
        -- compares this with what should count, so running it twice changes nothing.
        counted_criteria jsonb,
        edited_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (engagement_id, author_side),
        CHECK (author_side = CASE WHEN subject_kind = 'citizen' THEN 'helper' ELSE 'citizen' END),
        CHECK (criteria_set = CASE WHEN subject_kind IN ('offer', 'organisation') THEN 'service' ELSE 'person' END),
        CHECK (subject_kind NOT IN ('volunteer', 'citizen') OR subject_user_id IS NOT NULL),
        CHECK (subject_kind <> 'organisation' OR subject_organisation_id IS NOT NULL),
        CHECK (subject_kind <> 'offer' OR (subject_offer_id IS NOT NULL AND subject_organisation_id IS NOT NULL)),
        CHECK (author_user_id IS DISTINCT FROM subject_user_id)
      )`);
    await db.query(
      `CREATE INDEX reviews_subject_user_idx ON reviews (subject_user_id, created_at DESC, id DESC)
        WHERE subject_user_id IS NOT NULL`,
    );
    await db.query(
      `CREATE INDEX reviews_subject_organisation_idx ON reviews (subject_organisation_id, created_at DESC, id DESC)
        WHERE subject_organisation_id IS NOT NULL`,
    );
    await db.query(
      `CREATE INDEX reviews_subject_offer_idx ON reviews (subject_offer_id) WHERE subject_offer_id IS NOT NULL`,
    );
    await db.query(`CREATE INDEX reviews_author_idx ON reviews (author_user_id, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX reviews_territory_idx ON reviews (territory_id, status, created_at)`);

    // The reviewed party's one public reply, moderated like the comment.
    await db.query(`
      CREATE TABLE review_replies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        review_id uuid NOT NULL UNIQUE REFERENCES reviews(id) ON DELETE CASCADE,
        author_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 2000),
        held_reasons text[] NOT NULL DEFAULT '{}',
        status text NOT NULL CHECK (status IN ('pending', 'published', 'rejected', 'hidden')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    // Count, per-criterion totals and the Bayesian average of the published reviews of a
    // volunteer (user id), an organisation or an offer. Kept by the reputation queue.
    await db.query(`
      CREATE TABLE review_aggregates (
        subject_kind text NOT NULL CHECK (subject_kind IN ('volunteer', 'organisation', 'offer')),
        subject_id uuid NOT NULL,
        review_count integer NOT NULL CHECK (review_count >= 0),
        criteria jsonb NOT NULL,
        by_criteria_count jsonb NOT NULL,
        overall_mean double precision CHECK (overall_mean BETWEEN 1 AND 5),
        overall_sum double precision NOT NULL CHECK (overall_sum >= 0),
        bayesian_average double precision NOT NULL CHECK (bayesian_average BETWEEN 1 AND 5),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (subject_kind, subject_id)
      )`);
    await db.query(
      `CREATE INDEX review_aggregates_rank_idx ON review_aggregates (subject_kind, bayesian_average DESC)`,
    );

    // One reminder per side and engagement, ever: the delayed job records it with the SMS.
    await db.query(`
      CREATE TABLE review_reminders (
        engagement_id uuid NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
        author_side text NOT NULL CHECK (author_side IN ('citizen', 'helper')),
        sent_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (engagement_id, author_side)
      )`);

    // Ratings given with the old single-star mutation become published person reviews (the same
    // stars on each criterion); the worker then builds the aggregates from the outbox rows.
    await db.query(`
      INSERT INTO reviews (engagement_id, territory_id, comune_istat, author_user_id, author_side, subject_kind,
                           subject_user_id, criteria_set, criterion1_stars, criterion2_stars, criterion3_stars,
                           status, created_at)
      SELECT e.id, (SELECT tc.territory_id FROM territory_comuni tc WHERE tc.comune_istat = n.comune_istat
                     ORDER BY tc.territory_id LIMIT 1),
             n.comune_istat, coalesce(CASE WHEN n.source = 'citizen' THEN n.author_user_id END, b.user_id),
             'citizen', 'volunteer', e.helper_user_id, 'person', e.citizen_rating, e.citizen_rating,
             e.citizen_rating, 'published', e.updated_at
        FROM engagements e JOIN needs n ON n.id = e.need_id LEFT JOIN beneficiaries b ON b.id = n.beneficiary_id
       WHERE e.citizen_rating IS NOT NULL AND e.status = 'completed'
         AND coalesce(CASE WHEN n.source = 'citizen' THEN n.author_user_id END, b.user_id) IS DISTINCT FROM e.helper_user_id`);
    await db.query(`
      INSERT INTO outbox (queue, job_name, payload)
      SELECT 'reputation', 'update-aggregates', jsonb_build_object('reviewId', id) FROM reviews`);
    await db.query(`ALTER TABLE engagements DROP COLUMN citizen_rating`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE engagements ADD COLUMN citizen_rating smallint CHECK (citizen_rating BETWEEN 1 AND 5)`,
    );
    await db.query(`
      UPDATE engagements e SET citizen_rating = round(r.overall_stars)
        FROM reviews r WHERE r.engagement_id = e.id AND r.author_side = 'citizen' AND r.subject_kind = 'volunteer'`);
    for (const table of ['review_reminders', 'review_aggregates', 'review_replies', 'reviews']) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await db.query(`ALTER TABLE engagements DROP COLUMN IF EXISTS service_offer_id`);
  }
}
