import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staff step-up per territory (issue 20): whether its staff must sign in with SPID level 2+ or CIE
 * before reading health data, erasing accounts or deciding accreditation. NULL: the platform
 * default (STAFF_STEP_UP; on in production).
 */
export class TerritoryStaffStepUp1763702995000 implements MigrationInterface {
  name = 'TerritoryStaffStepUp1763702995000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE territories ADD COLUMN staff_step_up boolean`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE territories DROP COLUMN staff_step_up`);
  }
}
