import { decodeCursor, DomainError } from '@prossimo/platform';

// The text of cursorTimestampSql (@prossimo/platform): these lists always gave microseconds.
const TIMESTAMP_KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checks decoded cursor values before they reach SQL casts (a forged cursor is bad input, not a 500). */
export function checkCursor(values: (string | number)[], kinds: ('timestamp' | 'uuid' | 'number')[]): void {
  const ok = kinds.every((kind, i) => {
    const value = values[i];
    if (kind === 'number') return typeof value === 'number' && Number.isFinite(value);
    if (typeof value !== 'string') return false;
    return kind === 'uuid' ? UUID.test(value) : TIMESTAMP_KEY.test(value);
  });
  if (!ok) throw new DomainError('FIELD_INVALID', { field: 'after' });
}

/** A (created_at, id) keyset position, as decoded from a page cursor and checked. */
export type CreatedAtCursor = [string, string];

/** The (created_at, id) position of a page cursor, checked; null on the first page. */
export function createdAtCursor(after: string | null | undefined): CreatedAtCursor | null {
  const cursor = decodeCursor(after ?? undefined, 2);
  if (!cursor) return null;
  checkCursor(cursor, ['timestamp', 'uuid']);
  return [cursor[0] as string, cursor[1] as string];
}
