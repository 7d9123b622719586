import { Client } from 'pg';

/**
 * Inserts an ambito named `name` and returns its id. Its Comuni are `istats` when given, otherwise
 * every Comune in the seed's temporary table bench_comuni (which the caller has filled).
 */
export async function insertBenchTerritory(client: Client, name: string, istats?: string[]): Promise<string> {
  const {
    rows: [territory],
  } = await client.query<{ id: string }>(
    `INSERT INTO territories (kind, name) VALUES ('ambito', $1) RETURNING id`,
    [name],
  );
  await client.query(
    istats
      ? `INSERT INTO territory_comuni (territory_id, comune_istat) SELECT $1, unnest($2::text[])`
      : `INSERT INTO territory_comuni (territory_id, comune_istat) SELECT $1, istat FROM bench_comuni`,
    istats ? [territory.id, istats] : [territory.id],
  );
  return territory.id;
}
