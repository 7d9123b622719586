import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Invitations to join an organisation sent to a phone number that has not signed up yet. The
 * number is kept as an HMAC (to find the invitation when that phone signs up) and encrypted
 * (to show the admin whom they invited); never in clear.
 */
export class OrganisationInvitations1763701300000 implements MigrationInterface {
  name = 'OrganisationInvitations1763701300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE organisation_invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('organisation_admin', 'organisation_operator')),
        phone_hmac bytea NOT NULL,
        phone_encrypted text NOT NULL,
        invited_by_user_id uuid NOT NULL REFERENCES users(id),
        expires_at timestamptz NOT NULL,
        accepted_by_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        accepted_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One open invitation per organisation, number and role: inviting again renews it.
    await db.query(`
      CREATE UNIQUE INDEX organisation_invitations_open_idx
        ON organisation_invitations (organisation_id, phone_hmac, role) WHERE accepted_at IS NULL`);
    // Sign-up looks the number up.
    await db.query(`
      CREATE INDEX organisation_invitations_phone_idx
        ON organisation_invitations (phone_hmac) WHERE accepted_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS organisation_invitations`);
  }
}
