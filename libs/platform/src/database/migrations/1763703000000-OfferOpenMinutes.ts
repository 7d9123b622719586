import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The matching engine's walk of the organisations' offers (libs/matching,
 * organisation-candidates.ts) checked each offer's weekly schedule row by row: when no offer was
 * open at the need's time (a Sunday ride, the seeded offers open Monday to Saturday) it evaluated
 * every offer of the category in the box before it could say so (issue 18). Each offer now carries
 * the minutes of the week it is open (Monday 00:00 = 0, both ends included; an empty schedule, by
 * arrangement, is the whole week), and one GiST index answers category, time and place in the
 * same distance-ordered scan. The column is a superset filter: the exact schedule check stays in
 * the query, so a malformed slot (impossible through the api's validation) counts as its whole
 * day rather than being dropped.
 */
export class OfferOpenMinutes1763703000000 implements MigrationInterface {
  name = 'OfferOpenMinutes1763703000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION service_offer_open_minutes(schedule jsonb) RETURNS int4multirange
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE
          WHEN jsonb_typeof(schedule) IS DISTINCT FROM 'array' OR jsonb_array_length(schedule) = 0
            THEN int4multirange(int4range(0, 10080, '[]'))
          ELSE (SELECT coalesce(range_agg(
                  CASE WHEN t.open_at ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' AND t.close_at ~ '^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$'
                       THEN CASE WHEN t.open_at <= t.close_at
                                 THEN int4range(t.base + substr(t.open_at, 1, 2)::int * 60 + substr(t.open_at, 4, 2)::int,
                                                t.base + substr(t.close_at, 1, 2)::int * 60 + substr(t.close_at, 4, 2)::int, '[]')
                            END
                       ELSE int4range(t.base, t.base + 1440, '[]')
                  END), '{}'::int4multirange)
                  FROM (SELECT (s ->> 'dayOfWeek')::int * 1440 - 1440 AS base, s ->> 'start' AS open_at, s ->> 'end' AS close_at
                          FROM jsonb_array_elements(schedule) s
                         WHERE jsonb_typeof(s) = 'object' AND s ->> 'dayOfWeek' ~ '^[1-7]$') t)
        END
      $$`);
    await db.query(
      `ALTER TABLE service_offers ADD COLUMN open_minutes int4multirange
         GENERATED ALWAYS AS (service_offer_open_minutes(schedule)) STORED`,
    );
    await db.query(
      `CREATE INDEX service_offers_open_earth_idx ON service_offers USING gist (category, open_minutes, earth)
         WHERE status = 'active'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX service_offers_open_earth_idx`);
    await db.query(`ALTER TABLE service_offers DROP COLUMN open_minutes`);
    await db.query(`DROP FUNCTION service_offer_open_minutes(jsonb)`);
  }
}
