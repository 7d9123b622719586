import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An organisation pauses an offer (staff on holiday, the van at the garage) without losing it:
 * paused offers leave the catalogue and matching, which only take 'active' ones, and come back as
 * they were on resume.
 */
export class ServiceOfferPause1763702990000 implements MigrationInterface {
  name = 'ServiceOfferPause1763702990000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE service_offers DROP CONSTRAINT service_offers_status_check`);
    await db.query(`ALTER TABLE service_offers ADD CONSTRAINT service_offers_status_check
      CHECK (status IN ('active', 'paused', 'archived'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`UPDATE service_offers SET status = 'active' WHERE status = 'paused'`);
    await db.query(`ALTER TABLE service_offers DROP CONSTRAINT service_offers_status_check`);
    await db.query(`ALTER TABLE service_offers ADD CONSTRAINT service_offers_status_check
      CHECK (status IN ('active', 'archived'))`);
  }
}
