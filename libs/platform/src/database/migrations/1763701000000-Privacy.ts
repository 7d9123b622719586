import { MigrationInterface, QueryRunner } from 'typeorm';

/** Privacy notices, consents, personal data exports, erasure records (GDPR rights). */
export class Privacy1763701000000 implements MigrationInterface {
  name = 'Privacy1763701000000';

  async up(db: QueryRunner): Promise<void> {
    // Each version of the privacy notice, per language; the current one is the newest published.
    await db.query(`
      CREATE TABLE privacy_notices (
        version text NOT NULL CHECK (version ~ '^[A-Za-z0-9._-]{1,32}$'),
        language text NOT NULL CHECK (language IN ('it', 'en')),
        title text NOT NULL,
        body text NOT NULL,
        published_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (version, language)
      )`);
    await db.query(
      `INSERT INTO privacy_notices (version, language, title, body, published_at) VALUES
        ('2026-11', 'it', 'Informativa sul trattamento dei dati personali',
         'Prossimo tratta il tuo numero di telefono, le richieste di aiuto e gli abbinamenti per metterti in contatto con volontari e servizi del tuo Comune (art. 6 GDPR). Le note sulla salute sono trattate solo con il tuo consenso esplicito e separato (art. 9), che puoi revocare in ogni momento. Puoi scaricare i tuoi dati o cancellare il tuo account dall''app.',
         '2026-11-01T00:00:00Z'),
        ('2026-11', 'en', 'Privacy notice',
         'Prossimo processes your phone number, your requests for help and the matches made, to put you in touch with volunteers and services of your Comune (GDPR art. 6). Health notes are processed only with your explicit, separate consent (art. 9), which you can withdraw at any time. You can download your data or delete your account from the app.',
         '2026-11-01T00:00:00Z')`,
    );

    // Consents given by a person with an account: the privacy notice they accepted (one row per
    // version accepted), health data, a family contact. Withdrawal keeps the row (proof of what
    // held when) and applies its effect; at most one live consent per person and kind.
    await db.query(`
      CREATE TABLE consents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('privacy_notice', 'health_data', 'family_contact')),
        notice_version text,
        granted_at timestamptz NOT NULL DEFAULT now(),
        withdrawn_at timestamptz,
        CHECK ((kind = 'privacy_notice') = (notice_version IS NOT NULL))
      )`);
    await db.query(
      `CREATE UNIQUE INDEX consents_live_idx ON consents (user_id, kind) WHERE withdrawn_at IS NULL AND kind <> 'privacy_notice'`,
    );
    await db.query(`CREATE INDEX consents_user_idx ON consents (user_id, granted_at)`);
    // Family contacts consented before this table existed keep their consent.
    await db.query(`
      INSERT INTO consents (user_id, kind, granted_at)
      SELECT user_id, 'family_contact', family_consent_at FROM notification_preferences
       WHERE family_consent_at IS NOT NULL AND family_phone IS NOT NULL`);

    // A person met at the desk has no account: the operator records their health consent here.
    await db.query(`ALTER TABLE beneficiaries ADD COLUMN health_consent_at timestamptz`);

    // "Download my data": built by the worker, encrypted, downloadable until expires_at, then purged.
    await db.query(`
      CREATE TABLE personal_data_exports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'ready', 'expired', 'failed')),
        content_encrypted text,
        size_bytes integer,
        requested_at timestamptz NOT NULL DEFAULT now(),
        ready_at timestamptz,
        expires_at timestamptz,
        downloaded_at timestamptz,
        CHECK (status <> 'ready' OR (content_encrypted IS NOT NULL AND expires_at IS NOT NULL))
      )`);
    await db.query(
      `CREATE INDEX personal_data_exports_user_idx ON personal_data_exports (user_id, requested_at DESC)`,
    );
    await db.query(
      `CREATE INDEX personal_data_exports_expiry_idx ON personal_data_exports (expires_at) WHERE status = 'ready'`,
    );

    // What remains of an erased account: no phone, no name; the id is the anonymous key that the
    // kept records (needs, engagements, reviews) still carry for the indicators.
    await db.query(`
      CREATE TABLE account_erasures (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL UNIQUE,
        requested_by text NOT NULL CHECK (requested_by IN ('self', 'staff')),
        erased_at timestamptz NOT NULL DEFAULT now(),
        summary jsonb NOT NULL DEFAULT '{}'::jsonb
      )`);

    // Retention sweeps: closed needs by the time they closed, old rows by age.
    await db.query(
      `CREATE INDEX needs_closed_notes_idx ON needs (updated_at)
        WHERE sensitive_notes_encrypted IS NOT NULL AND status IN ('completed', 'cancelled', 'expired', 'rejected')`,
    );
    await db.query(`CREATE INDEX phone_verifications_created_idx ON phone_verifications (created_at)`);
    await db.query(`CREATE INDEX notifications_created_idx ON notifications (created_at)`);
    await db.query(
      `CREATE INDEX audit_log_actor_idx ON audit_log (actor_user_id) WHERE actor_user_id IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    for (const index of [
      'audit_log_actor_idx',
      'notifications_created_idx',
      'phone_verifications_created_idx',
      'needs_closed_notes_idx',
    ]) {
      await db.query(`DROP INDEX IF EXISTS ${index}`);
    }
    await db.query(`DROP TABLE IF EXISTS account_erasures`);
    await db.query(`DROP TABLE IF EXISTS personal_data_exports`);
    await db.query(`ALTER TABLE beneficiaries DROP COLUMN IF EXISTS health_consent_at`);
    await db.query(`DROP TABLE IF EXISTS consents`);
    await db.query(`DROP TABLE IF EXISTS privacy_notices`);
  }
}
