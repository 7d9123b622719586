import { DomainError } from '../errors/domain-error';
import {
  afterCursorCondition,
  cursorAtColumn,
  cursorTimestampSql,
  decodeCursor,
  encodeCursor,
  keysetPageSql,
  mapPage,
  toKeysetPage,
  toPage,
} from './pagination';

describe('timestamp cursor keys', () => {
  it('selects the key as UTC text with microseconds, the column itself left bare for the index', () => {
    expect(cursorTimestampSql('n.created_at')).toBe(
      `to_char(n.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    );
    expect(cursorAtColumn('lower(o.during)')).toBe(
      `to_char(lower(o.during) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "cursorAt"`,
    );
  });

  it('keeps the microseconds from the row to the next query', () => {
    const rows = [
      { id: '6f1c2b1e-0000-4000-8000-000000000001', cursorAt: '2026-03-10T09:00:00.123700Z' },
      { id: '6f1c2b1e-0000-4000-8000-000000000002', cursorAt: '2026-03-10T09:00:00.123400Z' },
    ];
    const page = toKeysetPage(rows, 1);
    expect(page.items).toEqual([rows[0]]);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(decodeCursor(page.pageInfo.endCursor ?? undefined, 2)).toEqual([
      '2026-03-10T09:00:00.123700Z',
      '6f1c2b1e-0000-4000-8000-000000000001',
    ]);
    const params: unknown[] = [];
    afterCursorCondition(page.pageInfo.endCursor ?? undefined, '(n.created_at, n.id)', 'DESC', params);
    expect(params[0]).toBe('2026-03-10T09:00:00.123700Z');
  });

  it('still takes a cursor of milliseconds from an earlier version', () => {
    const old = encodeCursor(['2026-03-10T09:00:00.123Z', '6f1c2b1e-0000-4000-8000-000000000001']);
    const params: unknown[] = [];
    expect(afterCursorCondition(old, '(n.created_at, n.id)', 'ASC', params)).toEqual([
      '(n.created_at, n.id) > ($1::timestamptz, $2::uuid)',
    ]);
    expect(params).toEqual(['2026-03-10T09:00:00.123Z', '6f1c2b1e-0000-4000-8000-000000000001']);
  });
});

describe('afterCursorCondition', () => {
  const cursor = encodeCursor(['2026-11-22T04:00:00.000Z', '6f1c2b1e-0000-4000-8000-000000000001']);

  it('adds nothing on the first page', () => {
    const params: unknown[] = ['owner'];
    expect(afterCursorCondition(undefined, '(n.created_at, n.id)', 'ASC', params)).toEqual([]);
    expect(params).toEqual(['owner']);
  });

  it('pages forward with > in ascending order, numbering after the parameters already there', () => {
    const params: unknown[] = ['owner'];
    expect(afterCursorCondition(cursor, '(n.created_at, n.id)', 'ASC', params)).toEqual([
      '(n.created_at, n.id) > ($2::timestamptz, $3::uuid)',
    ]);
    expect(params).toEqual(['owner', '2026-11-22T04:00:00.000Z', '6f1c2b1e-0000-4000-8000-000000000001']);
  });

  it('pages forward with < in descending order', () => {
    expect(afterCursorCondition(cursor, '(o.created_at, o.id)', 'DESC', [])).toEqual([
      '(o.created_at, o.id) < ($1::timestamptz, $2::uuid)',
    ]);
  });

  it('refuses a cursor that is not one of ours, naming the field', () => {
    const error = (() => {
      try {
        afterCursorCondition('not-a-cursor', '(n.created_at, n.id)', 'ASC', []);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'FIELD_INVALID', options: { field: 'after' } });
  });
});

describe('mapPage', () => {
  it('turns each row of the page into its item and keeps the cursor of the rows', () => {
    const rows = [
      { id: 'b', cursorAt: '2026-03-10T09:00:00.000002Z', title: 'Spesa' },
      { id: 'a', cursorAt: '2026-03-10T09:00:00.000001Z', title: 'Compagnia' },
    ];
    const page = toPage(rows, 1, (row) => [row.cursorAt, row.id]);
    const items = mapPage(page, ({ cursorAt: _cursorAt, ...row }) => ({
      ...row,
      title: row.title.toUpperCase(),
    }));
    expect(items).toEqual({ items: [{ id: 'b', title: 'SPESA' }], pageInfo: page.pageInfo });
    expect(decodeCursor(items.pageInfo.endCursor ?? undefined, 2)).toEqual([
      '2026-03-10T09:00:00.000002Z',
      'b',
    ]);
  });
});

describe('toKeysetPage', () => {
  it('pages rows by their (cursorAt, id) key and, given a mapper, shows each row as its item', () => {
    const rows = [
      { id: 'b', cursorAt: '2026-03-10T09:00:00.000002Z', title: 'Spesa' },
      { id: 'a', cursorAt: '2026-03-10T09:00:00.000001Z', title: 'Compagnia' },
    ];
    const page = toKeysetPage(rows, 1, (row) => row.title);
    expect(page.items).toEqual(['Spesa']);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(decodeCursor(page.pageInfo.endCursor ?? undefined, 2)).toEqual([
      '2026-03-10T09:00:00.000002Z',
      'b',
    ]);
    // Without a mapper, the rows themselves.
    const whole = toKeysetPage(rows, 2);
    expect(whole.items).toEqual(rows);
    expect(whole.pageInfo.hasNextPage).toBe(false);
  });
});

describe('keysetPageSql', () => {
  const key = { at: 'n.created_at', id: 'n.id' };

  it('on the first page: the cursor column, no condition, and the order with a page plus one', () => {
    const params: unknown[] = ['owner'];
    expect(keysetPageSql(key, 'DESC', { first: 20 }, params)).toEqual({
      cursorColumn: cursorAtColumn('n.created_at'),
      after: [],
      orderAndLimit: 'ORDER BY n.created_at DESC, n.id DESC LIMIT $2',
    });
    expect(params).toEqual(['owner', 21]);
  });

  it('after a cursor: the condition and the ORDER BY agree on the key and the direction', () => {
    const after = encodeCursor(['2026-03-10T09:00:00.123400Z', '6f1c2b1e-0000-4000-8000-000000000001']);
    const params: unknown[] = ['owner'];
    const page = keysetPageSql(key, 'ASC', { after, first: 5 }, params);
    expect(page.after).toEqual(['(n.created_at, n.id) > ($2::timestamptz, $3::uuid)']);
    expect(page.orderAndLimit).toBe('ORDER BY n.created_at ASC, n.id ASC LIMIT $4');
    expect(params).toEqual([
      'owner',
      '2026-03-10T09:00:00.123400Z',
      '6f1c2b1e-0000-4000-8000-000000000001',
      6,
    ]);
  });
});
