import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A person's codice fiscale (issue 20): encrypted with the field cipher (random IV, so it cannot be
 * compared), and beside it an HMAC of the normalised code that can: a person's code belongs to one
 * account only. Desk-registered beneficiaries may carry one too (not unique: the same person may
 * be registered at the desk more than once, before or after they have an account).
 */
export class PersonCodiceFiscale1763702850000 implements MigrationInterface {
  name = 'PersonCodiceFiscale1763702850000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users ADD COLUMN codice_fiscale_encrypted text`);
    await db.query(`ALTER TABLE users ADD COLUMN codice_fiscale_hmac bytea`);
    await db.query(
      `ALTER TABLE users ADD CONSTRAINT users_codice_fiscale_both
         CHECK ((codice_fiscale_encrypted IS NULL) = (codice_fiscale_hmac IS NULL))`,
    );
    await db.query(
      `CREATE UNIQUE INDEX users_codice_fiscale_hmac_key ON users (codice_fiscale_hmac)
         WHERE codice_fiscale_hmac IS NOT NULL`,
    );
    await db.query(`ALTER TABLE beneficiaries ADD COLUMN codice_fiscale_encrypted text`);
    await db.query(`ALTER TABLE beneficiaries ADD COLUMN codice_fiscale_hmac bytea`);
    await db.query(
      `CREATE INDEX beneficiaries_codice_fiscale_hmac_idx ON beneficiaries (codice_fiscale_hmac)
         WHERE codice_fiscale_hmac IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX IF EXISTS beneficiaries_codice_fiscale_hmac_idx`);
    await db.query(`ALTER TABLE beneficiaries DROP COLUMN codice_fiscale_hmac`);
    await db.query(`ALTER TABLE beneficiaries DROP COLUMN codice_fiscale_encrypted`);
    await db.query(`DROP INDEX IF EXISTS users_codice_fiscale_hmac_key`);
    await db.query(`ALTER TABLE users DROP CONSTRAINT users_codice_fiscale_both`);
    await db.query(`ALTER TABLE users DROP COLUMN codice_fiscale_hmac`);
    await db.query(`ALTER TABLE users DROP COLUMN codice_fiscale_encrypted`);
  }
}
