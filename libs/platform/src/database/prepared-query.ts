import { createHash } from 'node:crypto';
import type { Pool, PoolClient, QueryResultRow } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs a hot read as a named prepared statement, so that PostgreSQL parses and plans it once per
 * connection (and, after a few runs, may keep a generic plan) instead of on every request: for the
 * offer search, planning cost as much as executing. The name comes from the SQL text, so each
 * shape of the query (filters present or not) is its own statement. Hot reads outside
 * transactions, and the hot single-statement writes (CombinedStatement.runPrepared); without a pg
 * pool (a stand-in data source) it is a plain query.
 */
export async function queryPrepared<T extends QueryResultRow>(
  dataSource: Pick<DataSource, 'query'> & { driver?: unknown },
  text: string,
  values: unknown[],
): Promise<T[]> {
  const pool = (dataSource.driver as { master?: Pool } | undefined)?.master;
  if (!pool || typeof pool.query !== 'function') return dataSource.query(text, values);
  return queryPreparedOnPool<T>(pool, text, values);
}

/** queryPrepared on a given pg pool (the read replica's). */
export async function queryPreparedOnPool<T extends QueryResultRow>(
  pool: Pool,
  text: string,
  values: unknown[],
): Promise<T[]> {
  const result = await pool.query<T>({ name: statementName(text), text, values });
  return result.rows;
}

/** Names by SQL text: hashing the text on every call showed in bench:api profiles (~1% per search). */
const names = new Map<string, string>();
const MAX_REMEMBERED_NAMES = 1000;

function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `prossimo_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    // A few dozen shapes in practice; the bound only guards against a text built from input.
    if (names.size >= MAX_REMEMBERED_NAMES) names.clear();
    names.set(text, name);
  }
  return name;
}

/**
 * The same for a hot read that runs inside a transaction (the matching worker's candidate
 * search, under the need's row lock): prepared on the transaction's own connection. Outside a
 * transaction it is queryPrepared on the pool; with a stand-in manager, a plain query.
 */
export async function queryPreparedIn<T extends QueryResultRow>(
  manager: Pick<EntityManager, 'query'> & {
    queryRunner?: { isReleased?: boolean; connect(): Promise<unknown> };
    connection?: Pick<DataSource, 'query'> & { driver?: unknown };
  },
  text: string,
  values: unknown[],
): Promise<T[]> {
  if (manager.queryRunner && !manager.queryRunner.isReleased) {
    const client = (await manager.queryRunner.connect()) as Partial<PoolClient> | undefined;
    if (typeof client?.query !== 'function') return manager.query(text, values);
    const result = await (client as PoolClient).query<T>({ name: statementName(text), text, values });
    return result.rows;
  }
  return manager.connection
    ? queryPrepared<T>(manager.connection, text, values)
    : manager.query(text, values);
}

/**
 * Runs `work` (statements of queryPreparedIn on the same manager) with PostgreSQL's generic plans
 * forced for prepared statements, then puts the setting back. For statements whose generic plan
 * is the right one but whose estimated cost is not: by default, after five runs PostgreSQL keeps
 * planning a statement afresh for every run when its generic plan looks costlier than the
 * custom ones, and for the matching engine's organisation search an estimate that knows nothing
 * of the parameters (offers listing an unknown Comune) made it plan every time, which cost as
 * much as running it (bench:matching). Only on the transaction's own connection: with a pool
 * the statements may run anywhere, and `work` runs as it is. If `work` fails inside a
 * transaction, the rollback undoes the setting itself.
 */
export async function withGenericPlansIn<T>(
  manager: { queryRunner?: { isReleased?: boolean; connect(): Promise<unknown> } },
  work: () => Promise<T>,
): Promise<T> {
  if (!manager.queryRunner || manager.queryRunner.isReleased) return work();
  const client = (await manager.queryRunner.connect()) as Partial<PoolClient> | undefined;
  if (typeof client?.query !== 'function') return work();
  const connection = client as PoolClient;
  // The setting before, read before it is changed (a select list runs left to right).
  const {
    rows: [{ previous }],
  } = await connection.query<{ previous: string }>(
    `SELECT current_setting('plan_cache_mode') AS previous, set_config('plan_cache_mode', 'force_generic_plan', false)`,
  );
  let failed = true;
  try {
    const result = await work();
    failed = false;
    return result;
  } finally {
    // After a failure in a transaction the statement fails too (the rollback restores it).
    await connection
      .query(`SELECT set_config('plan_cache_mode', $1, false)`, [previous])
      .catch((error: unknown) => {
        if (!failed) throw error;
      });
  }
}
