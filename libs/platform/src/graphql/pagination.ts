import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DomainError } from '../errors/domain-error';

export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: `How many items, at most ${MAX_PAGE_SIZE}.` })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number = 20;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  after?: string;
}

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface Page<T> {
  items: T[];
  pageInfo: PageInfo;
}

/** A GraphQL page type: { items, pageInfo { hasNextPage endCursor } }. */
export function PageOf<T>(itemType: Type<T>, name: string): Type<Page<T>> {
  @ObjectType(name)
  class PageType {
    @Field(() => [itemType])
    items!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;
  }
  return PageType as Type<Page<T>>;
}

/**
 * Keyset cursors: opaque base64 of the sort key values of the last item. A timestamp key goes in
 * as PostgreSQL's own text of it (see cursorTimestampSql), never as a JS Date's toISOString().
 */
export function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(
  cursor: string | undefined,
  expectedLength: number,
): (string | number)[] | undefined {
  if (!cursor) return undefined;
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(values) &&
      values.length === expectedLength &&
      values.every((value) => typeof value === 'string' || typeof value === 'number')
    ) {
      return values as (string | number)[];
    }
  } catch {
    // fall through to the error below
  }
  throw new DomainError('FIELD_INVALID', { field: 'after' });
}

/**
 * SQL for a timestamptz sort key as cursor text with all its microseconds, in UTC
 * (`2026-03-10T09:00:00.123400Z`). A JS Date keeps only milliseconds: a key cut to the millisecond
 * skips (newest first) or repeats (oldest first) the rows that share that millisecond at a page
 * boundary. Selected beside the row; the ORDER BY and the keyset condition keep the bare
 * expression, so its index still serves them.
 */
export function cursorTimestampSql(expr: string): string {
  return `to_char(${expr} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/** The select-list item `cursorTimestampSql(expr) AS "cursorAt"`, read back as CursorAt. */
export function cursorAtColumn(expr: string): string {
  return `${cursorTimestampSql(expr)} AS "cursorAt"`;
}

/** A row selected with cursorAtColumn: its timestamp key, exact, for the cursor. */
export interface CursorAt {
  cursorAt: string;
}

/**
 * Builds a page from rows fetched with LIMIT first + 1: the extra row only says there is more.
 */
export function toPage<T>(rows: T[], first: number, cursorOf: (row: T) => (string | number)[]): Page<T> {
  const items = rows.slice(0, first);
  const last = items[items.length - 1];
  return {
    items,
    pageInfo: { hasNextPage: rows.length > first, endCursor: last ? encodeCursor(cursorOf(last)) : null },
  };
}

/** A page of rows read with keysetPageSql: each row's cursor is its (cursorAt, id) key, as there. */
export function toKeysetPage<Row extends CursorAt & { id: string }>(rows: Row[], first: number): Page<Row>;
export function toKeysetPage<Row extends CursorAt & { id: string }, Item>(
  rows: Row[],
  first: number,
  toItem: (row: Row) => Item,
): Page<Item>;
export function toKeysetPage<Row extends CursorAt & { id: string }, Item>(
  rows: Row[],
  first: number,
  toItem?: (row: Row) => Item,
): Page<Row> | Page<Item> {
  const page = toPage(rows, first, (row) => [row.cursorAt, row.id]);
  return toItem ? mapPage(page, toItem) : page;
}

/** The same page with each row turned into the item GraphQL shows; the cursors stay the rows'. */
export function mapPage<Row, Item>(page: Page<Row>, toItem: (row: Row) => Item): Page<Item> {
  return { items: page.items.map(toItem), pageInfo: page.pageInfo };
}

/**
 * The keyset condition for the page after the `after` cursor of rows ordered by `key`, a
 * (timestamp, uuid) pair such as `(n.created_at, n.id)`: pushes the cursor's two values onto
 * params and returns the condition to AND, none on the first page. `order` is the ORDER BY's.
 * The cursor's timestamp is the row's cursorAt (microseconds); a cursor of milliseconds from an
 * earlier version is still a valid timestamp, accepted and read as before.
 */
export function afterCursorCondition(
  after: string | undefined,
  key: string,
  order: 'ASC' | 'DESC',
  params: unknown[],
): string[] {
  const cursor = decodeCursor(after, 2);
  if (!cursor) return [];
  params.push(cursor[0], cursor[1]);
  const comparison = order === 'ASC' ? '>' : '<';
  return [`${key} ${comparison} ($${params.length - 1}::timestamptz, $${params.length}::uuid)`];
}

/** The SQL of one keyset page (keysetPageSql): the three parts agree on the key and the order. */
export interface KeysetPageSql {
  /** For the select list: the timestamp key as the row's exact cursorAt (cursorAtColumn). */
  cursorColumn: string;
  /** The condition for the page after the cursor, none on the first page: AND it with the others. */
  after: string[];
  /** `ORDER BY <at> <order>, <id> <order> LIMIT <first + 1>`: the extra row says there is more. */
  orderAndLimit: string;
}

/**
 * A page of rows sorted by a (timestamp, uuid) key such as `{ at: 'n.created_at', id: 'n.id' }`,
 * in `order`: the cursor column, the condition after `args.after` and the ORDER BY with its
 * LIMIT. Pushes the cursor's two values (after a cursor) and the limit onto params.
 */
export function keysetPageSql(
  key: { at: string; id: string },
  order: 'ASC' | 'DESC',
  args: { after?: string; first: number },
  params: unknown[],
): KeysetPageSql {
  const after = afterCursorCondition(args.after, `(${key.at}, ${key.id})`, order, params);
  params.push(args.first + 1);
  return {
    cursorColumn: cursorAtColumn(key.at),
    after,
    orderAndLimit: `ORDER BY ${key.at} ${order}, ${key.id} ${order} LIMIT $${params.length}`,
  };
}
