import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The matching engine's organisation candidates (libs/matching, organisation-candidates.ts) look
 * only at offers whose area can hold the need's place: those listing its Comune (the GIN index on
 * area_comuni) and circles whose centre lies within the widest circle of the category (the GiST
 * index on the stored point). The widest circle is a max() this index answers at once; before,
 * every active offer of the category was tested (bench:matching: 7,500 ride offers, ~90 ms per
 * need). The engagement statistics of an organisation read its engagements by this other index
 * instead of the whole table.
 */
export class OrganisationCandidateIndexes1763702500000 implements MigrationInterface {
  name = 'OrganisationCandidateIndexes1763702500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX service_offers_category_radius_idx ON service_offers (category, radius_km) WHERE status = 'active'`,
    );
    await db.query(
      `CREATE INDEX engagements_organisation_idx ON engagements (organisation_id) WHERE organisation_id IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX engagements_organisation_idx`);
    await db.query(`DROP INDEX service_offers_category_radius_idx`);
  }
}
