import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What an organisation's offer can carry: its vehicle's passenger seats (null: not declared, no
 * limit applied) and whether it carries a wheelchair (never assumed). Matching a ride applies them
 * as it does a volunteer's vehicle.
 */
export class ServiceOfferVehicles1763702710000 implements MigrationInterface {
  name = 'ServiceOfferVehicles1763702710000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE service_offers
      ADD COLUMN vehicle_seats smallint CHECK (vehicle_seats BETWEEN 1 AND 60),
      ADD COLUMN wheelchair_transport boolean NOT NULL DEFAULT false`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE service_offers DROP COLUMN vehicle_seats, DROP COLUMN wheelchair_transport`);
  }
}
