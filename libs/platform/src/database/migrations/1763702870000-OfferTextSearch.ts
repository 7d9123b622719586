import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Italian full-text search over the catalogue (issue 21, item 9): "visita medica" must find
 * "visite mediche". A stored tsvector with the 'italian' configuration (Snowball stemmer and stop
 * words) over the unaccented text, title weighted A and description B for ranking, and its GIN
 * index. Computed once per write, so a search neither stems nor unaccents a row it reads. The
 * trigram index stays: it answers parts of words and typos, which stems do not.
 */
export class OfferTextSearch1763702870000 implements MigrationInterface {
  name = 'OfferTextSearch1763702870000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE service_offers ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('italian'::regconfig, f_unaccent(title)), 'A')
        || setweight(to_tsvector('italian'::regconfig, f_unaccent(description)), 'B')) STORED`);
    await db.query(
      `CREATE INDEX service_offers_search_vector_idx ON service_offers USING gin (search_vector)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX IF EXISTS service_offers_search_vector_idx`);
    await db.query(`ALTER TABLE service_offers DROP COLUMN IF EXISTS search_vector`);
  }
}
