import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SPID and CIE sign-in (issue 20): the level a session was signed in at (staff step-up reads it),
 * and the pending authorisation requests, whose state, nonce and PKCE verifier must stay on the
 * server until the provider sends the person back, and be usable once.
 */
export class SpidCieSignIn1763702970000 implements MigrationInterface {
  name = 'SpidCieSignIn1763702970000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE sessions ADD COLUMN auth_level text
         CHECK (auth_level IN ('SPID_L1', 'SPID_L2', 'SPID_L3', 'CIE_L1', 'CIE_L2', 'CIE_L3'))`,
    );
    await db.query(`
      CREATE TABLE oidc_authorization_requests (
        state_hash bytea PRIMARY KEY,
        provider_kind text NOT NULL CHECK (provider_kind IN ('spid', 'cie')),
        provider_entity_id text NOT NULL,
        level smallint NOT NULL CHECK (level BETWEEN 1 AND 3),
        nonce text NOT NULL,
        code_verifier text NOT NULL,
        link_user_id uuid REFERENCES users(id) ON DELETE CASCADE,
        return_path text NOT NULL,
        language text NOT NULL DEFAULT 'it',
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      )`);
    await db.query(
      `CREATE INDEX oidc_authorization_requests_expiry_idx ON oidc_authorization_requests (expires_at)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE oidc_authorization_requests`);
    await db.query(`ALTER TABLE sessions DROP COLUMN auth_level`);
  }
}
