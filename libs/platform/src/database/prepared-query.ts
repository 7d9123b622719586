import { createHash } from 'node:crypto';
import type { Pool, QueryResultRow } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * Runs a hot read as a named prepared statement, so that PostgreSQL parses and plans it once per
 * connection (and, after a few runs, may keep a generic plan) instead of on every request: for the
 * offer search, planning cost as much as executing. The name comes from the SQL text, so each
 * shape of the query (filters present or not) is its own statement. Reads only, outside
 * transactions; without a pg pool (a stand-in data source) it is a plain query.
 */
export async function queryPrepared<T extends QueryResultRow>(
  dataSource: Pick<DataSource, 'query'> & { driver?: unknown },
  text: string,
  values: unknown[],
): Promise<T[]> {
  const pool = (dataSource.driver as { master?: Pool } | undefined)?.master;
  if (!pool || typeof pool.query !== 'function') return dataSource.query(text, values);
  const name = `prossimo_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
  const result = await pool.query<T>({ name, text, values });
  return result.rows;
}
