import { DomainError } from '../errors/domain-error';
import { afterCursorCondition, encodeCursor } from './pagination';

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
