import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One GiST index on volunteers' homes per help category, each holding only the volunteers of
 * that category. The matching engine's candidate search walks one of them nearest first and
 * stops at its pool: with the index of every volunteer, a dense town returned tens of
 * thousands of homes in the box that were then dropped one by one for their category
 * (bench:matching). The categories are the HelpCategory values at the time of writing; a
 * category added later simply falls back to the index of every home.
 */
const CATEGORIES = [
  'rides_and_accompaniment',
  'shared_caregiver',
  'home_help',
  'shopping_and_delivery',
  'companionship',
  'digital_help',
  'childcare',
  'housing',
  'job_inclusion',
  'other',
];

export class CandidateCategoryIndexes1763701400000 implements MigrationInterface {
  name = 'CandidateCategoryIndexes1763701400000';

  async up(db: QueryRunner): Promise<void> {
    for (const category of CATEGORIES) {
      await db.query(
        `CREATE INDEX volunteer_profiles_home_${category}_idx ON volunteer_profiles
           USING gist (ll_to_earth(home_lat, home_lon)) WHERE '${category}'::text = ANY(categories)`,
      );
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const category of CATEGORIES) {
      await db.query(`DROP INDEX IF EXISTS volunteer_profiles_home_${category}_idx`);
    }
  }
}
