import { Client } from 'pg';

/**
 * Inserts `count` verified users numbered 1 to `count`: phone `phonePrefix` and the number on seven
 * digits (a prefix per group keeps the groups apart), display name `name` and the number. With
 * `table`, a temporary table (n, id) of them, dropped at commit, for the seed's later joins. With
 * `englishEvery`, every such one speaks English and the others Italian; without, the column's default.
 * Draws no random(), so the seed's later draws stay the same.
 */
export async function insertBenchUsers(
  client: Client,
  people: { phonePrefix: string; name: string; count: number; table?: string; englishEvery?: number },
): Promise<void> {
  const { phonePrefix, name, count, table, englishEvery } = people;
  // Written into the temporary table's statement, which takes no parameters.
  if (!/^\+\d+$/.test(phonePrefix)) throw new Error(`not a phone prefix: ${phonePrefix}`);
  const [languageColumn, languageValue] =
    englishEvery === undefined
      ? ['', '']
      : [' language,', ` CASE WHEN g % $4::int = 0 THEN 'en' ELSE 'it' END,`];
  await client.query(
    `INSERT INTO users (phone_e164, display_name,${languageColumn} phone_verified_at)
     SELECT $1::text || lpad(g::text, 7, '0'), $2::text || g,${languageValue} now() FROM generate_series(1, $3) g`,
    [phonePrefix, `${name} `, count, ...(englishEvery === undefined ? [] : [englishEvery])],
  );
  if (table)
    await client.query(
      `CREATE TEMP TABLE ${table} ON COMMIT DROP AS
       SELECT substr(phone_e164, ${phonePrefix.length + 1})::int AS n, id FROM users WHERE phone_e164 LIKE '${phonePrefix}%'`,
    );
}
