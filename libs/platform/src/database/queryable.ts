import type { EntityManager } from 'typeorm';

/**
 * What a repository method runs its SQL on: the data source (a statement of its own) or the
 * caller's transaction manager, so that a service keeps its transaction boundaries.
 */
export type Queryable = Pick<EntityManager, 'query'>;

/** The first row a statement returns; undefined when it returns none. */
export async function firstRow<T>(db: Queryable, sql: string, params: unknown[]): Promise<T | undefined> {
  const rows: T[] = await db.query(sql, params);
  return rows[0];
}

/** The first column of the first row a statement returns; undefined when it returns none. */
export async function firstValue<T>(db: Queryable, sql: string, params: unknown[]): Promise<T | undefined> {
  const rows: Record<string, T>[] = await db.query(sql, params);
  return rows.length ? Object.values(rows[0])[0] : undefined;
}

/** The row of a statement that always returns one (an aggregate, an upsert's RETURNING). */
export async function onlyRow<T>(db: Queryable, sql: string, params: unknown[]): Promise<T> {
  const rows: T[] = await db.query(sql, params);
  return rows[0];
}
