import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Invitations to join an organisation are answered by the person (accept or decline) instead of
 * granting a registered number's role at once, and their sends are counted for the daily limits:
 * `sent_at` is when the invitation was last sent (a renewal within a day sends nothing again).
 */
export class OrganisationInvitationAnswers1763702760000 implements MigrationInterface {
  name = 'OrganisationInvitationAnswers1763702760000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE organisation_invitations
        ADD COLUMN declined_at timestamptz,
        ADD COLUMN sent_at timestamptz NOT NULL DEFAULT now(),
        ADD CONSTRAINT organisation_invitations_one_answer CHECK (accepted_at IS NULL OR declined_at IS NULL)`);
    await db.query(`UPDATE organisation_invitations SET sent_at = created_at`);
    // Open: neither accepted nor declined.
    await db.query(`DROP INDEX organisation_invitations_open_idx`);
    await db.query(`
      CREATE UNIQUE INDEX organisation_invitations_open_idx ON organisation_invitations (organisation_id, phone_hmac, role)
        WHERE accepted_at IS NULL AND declined_at IS NULL`);
    await db.query(`DROP INDEX organisation_invitations_phone_idx`);
    await db.query(`
      CREATE INDEX organisation_invitations_phone_idx ON organisation_invitations (phone_hmac)
        WHERE accepted_at IS NULL AND declined_at IS NULL`);
    // The daily limits count sends per organisation and per inviting account.
    await db.query(
      `CREATE INDEX organisation_invitations_sent_idx ON organisation_invitations (organisation_id, sent_at)`,
    );
    await db.query(
      `CREATE INDEX organisation_invitations_inviter_idx ON organisation_invitations (invited_by_user_id, sent_at)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX organisation_invitations_inviter_idx`);
    await db.query(`DROP INDEX organisation_invitations_sent_idx`);
    await db.query(`DELETE FROM organisation_invitations WHERE declined_at IS NOT NULL`);
    await db.query(`DROP INDEX organisation_invitations_phone_idx`);
    await db.query(
      `CREATE INDEX organisation_invitations_phone_idx ON organisation_invitations (phone_hmac) WHERE accepted_at IS NULL`,
    );
    await db.query(`DROP INDEX organisation_invitations_open_idx`);
    await db.query(`
      CREATE UNIQUE INDEX organisation_invitations_open_idx ON organisation_invitations (organisation_id, phone_hmac, role)
        WHERE accepted_at IS NULL`);
    await db.query(`
      ALTER TABLE organisation_invitations DROP CONSTRAINT organisation_invitations_one_answer,
        DROP COLUMN sent_at, DROP COLUMN declined_at`);
  }
}
