import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The territory's desk (sportello): the number people call to change or cancel, and when it
 * answers. Messages give them ("Per cambiare chiama lo sportello al ..."); without them they name
 * the Comune.
 */
export class TerritoryDesk1763702720000 implements MigrationInterface {
  name = 'TerritoryDesk1763702720000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE territories
      ADD COLUMN desk_phone text CHECK (desk_phone ~ '^\\+[1-9][0-9]{5,14}$'),
      ADD COLUMN desk_hours text CHECK (char_length(desk_hours) BETWEEN 1 AND 40)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE territories DROP COLUMN desk_phone, DROP COLUMN desk_hours`);
  }
}
