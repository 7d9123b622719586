import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1763700000000 implements MigrationInterface {
  name = 'Foundation1763700000000';

  async up(db: QueryRunner): Promise<void> {
    // Distances and nearest-neighbour (cube, earthdistance), no double-booking (btree_gist),
    // Italian search ignoring accents (pg_trgm, unaccent), gen_random_uuid and digests (pgcrypto).
    for (const extension of ['cube', 'earthdistance', 'btree_gist', 'pg_trgm', 'unaccent', 'pgcrypto']) {
      await db.query(`CREATE EXTENSION IF NOT EXISTS ${extension}`);
    }

    // Transactional outbox: side effects are rows written with the state change that causes them.
    await db.query(`
      CREATE TABLE outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        queue text NOT NULL,
        job_name text NOT NULL,
        payload jsonb NOT NULL DEFAULT '{}'::jsonb,
        available_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        dispatched_at timestamptz,
        dispatch_attempts integer NOT NULL DEFAULT 0,
        last_dispatch_error text
      )`);
    await db.query(`CREATE INDEX outbox_pending_idx ON outbox (seq) WHERE dispatched_at IS NULL`);
    await db.query(`
      CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('prossimo_outbox', '');
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER outbox_notify_after_insert AFTER INSERT ON outbox
      FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify()`);

    // Demo and reference data applied once each, by name.
    await db.query(
      `CREATE TABLE seed_runs (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
    );

    await db.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        phone_e164 text UNIQUE,
        display_name text,
        language text NOT NULL DEFAULT 'it' CHECK (language IN ('it', 'en')),
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'erased')),
        phone_verified_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE user_roles (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        role text NOT NULL,
        territory_id uuid,
        organisation_id uuid,
        granted_by_user_id uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE UNIQUE INDEX user_roles_unique_idx ON user_roles (
        user_id, role,
        coalesce(territory_id, '00000000-0000-0000-0000-000000000000'::uuid),
        coalesce(organisation_id, '00000000-0000-0000-0000-000000000000'::uuid))`);

    // One row per code sent; the rows also count sends for the rate limits.
    await db.query(`
      CREATE TABLE phone_verifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        phone_e164 text NOT NULL,
        code_hmac bytea NOT NULL,
        requester_ip_hmac bytea NOT NULL,
        failed_checks integer NOT NULL DEFAULT 0,
        expires_at timestamptz NOT NULL,
        consumed_at timestamptz,
        superseded_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE INDEX phone_verifications_phone_idx ON phone_verifications (phone_e164, created_at DESC)`,
    );
    await db.query(
      `CREATE INDEX phone_verifications_ip_idx ON phone_verifications (requester_ip_hmac, created_at DESC)`,
    );

    await db.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        family_id uuid NOT NULL,
        refresh_token_hash bytea NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        replaced_by_session_id uuid,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX sessions_family_idx ON sessions (family_id)`);
    await db.query(`CREATE INDEX sessions_user_idx ON sessions (user_id)`);

    // Every message to a person: the body is encrypted, sensitive bodies (codes) are erased once sent.
    await db.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        channel text NOT NULL CHECK (channel IN ('sms', 'email', 'in_app')),
        recipient text NOT NULL,
        event text NOT NULL,
        language text NOT NULL DEFAULT 'it',
        body_encrypted text,
        sensitive boolean NOT NULL DEFAULT false,
        status text NOT NULL DEFAULT 'pending'
          CHECK (status IN ('pending', 'sending', 'sent', 'delivered', 'failed', 'failed_permanent')),
        attempts integer NOT NULL DEFAULT 0,
        gateway_message_id text,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC)`);
    await db.query(`CREATE INDEX notifications_status_idx ON notifications (status) WHERE status <> 'sent'`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'notifications',
      'sessions',
      'phone_verifications',
      'user_roles',
      'users',
      'outbox',
    ]) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await db.query(`DROP FUNCTION IF EXISTS outbox_notify()`);
  }
}
