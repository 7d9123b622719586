import { EntityManager } from 'typeorm';
import { queryPreparedIn } from './prepared-query';

/**
 * One SQL statement put together from parts that several libraries contribute: data-modifying
 * common table expressions (`WITH a AS (INSERT ...), b AS (UPDATE ...) SELECT ...`), so that a
 * write touching many tables (the row, its status history, its moderation item, its outbox jobs,
 * its notifications) costs one round trip to PostgreSQL instead of one per table. Each library
 * still writes the SQL of its own tables, through a function that adds a part (writeOutboxIn,
 * the moderation service's submitIn, ...); parameters are numbered as they are added.
 *
 * What PostgreSQL guarantees, and what the parts must respect: every data-modifying part runs
 * exactly once and to completion, whether or not anything reads its output; all parts see the
 * same snapshot, so a part sees another's rows only through that part's RETURNING (by its name),
 * never by reading the table; no two parts may change the same row; and the statement is atomic,
 * inside a transaction or on its own. A plain SELECT part runs only if something reads it.
 */
export class CombinedStatement {
  private readonly values: unknown[] = [];
  private readonly parts: { name: string; sql: string }[] = [];
  private readonly used = new Set<string>();

  /** A placeholder for the value (`$n`, with the cast when given, e.g. 'uuid' or 'text[]'). */
  param(value: unknown, type?: string): string {
    this.values.push(value);
    return type ? `$${this.values.length}::${type}` : `$${this.values.length}`;
  }

  /** Adds a part named after `prefix` (made unique: a part added twice does not clash); returns its name. */
  with(prefix: string, sql: string): string {
    let name = prefix;
    for (let n = 2; this.used.has(name); n++) name = `${prefix}_${n}`;
    this.used.add(name);
    this.parts.push({ name, sql });
    return name;
  }

  /** Whether no part was added. */
  get isEmpty(): boolean {
    return this.parts.length === 0;
  }

  /** The statement: the parts, then `select`, which may read any part by its name. */
  toQuery(select: string): { text: string; values: unknown[] } {
    const text = this.parts.length
      ? `WITH ${this.parts.map((part) => `${part.name} AS (${part.sql})`).join(',\n')}\n${select}`
      : select;
    return { text, values: [...this.values] };
  }

  /** Runs the statement (one round trip) and returns the rows of `select`. */
  async run<T>(manager: Pick<EntityManager, 'query'>, select = 'SELECT 1'): Promise<T[]> {
    const { text, values } = this.toQuery(select);
    return manager.query(text, values);
  }

  /**
   * run() as a named prepared statement (queryPreparedIn: on the transaction's connection, or the
   * pool's outside one), for a hot write whose shape repeats: PostgreSQL then parses and plans its
   * dozen parts once per connection instead of on every request (about 1 ms of the server's CPU
   * for an acceptance, 0.4 ms for a posted need: bench/README.md, issue 18).
   */
  async runPrepared<T>(manager: Parameters<typeof queryPreparedIn>[0], select = 'SELECT 1'): Promise<T[]> {
    const { text, values } = this.toQuery(select);
    return (await queryPreparedIn(manager, text, values)) as T[];
  }
}
