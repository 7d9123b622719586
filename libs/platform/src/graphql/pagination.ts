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

/** Keyset cursors: opaque base64 of the sort key values of the last item. */
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

/**
 * The keyset condition for the page after the `after` cursor of rows ordered by `key`, a
 * (timestamp, uuid) pair such as `(n.created_at, n.id)`: pushes the cursor's two values onto
 * params and returns the condition to AND, none on the first page. `order` is the ORDER BY's.
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
