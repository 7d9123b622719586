import { describe, expect, it } from 'vitest';
import { appendPage } from './ShowMore';

const page = (ids: string[], hasNextPage: boolean, endCursor: string | null) => ({
  items: ids.map((id) => ({ id })),
  pageInfo: { hasNextPage, endCursor },
});

describe('appendPage', () => {
  it('puts the 21st item after the first 20 and takes the new page’s cursor', () => {
    const first = page(
      Array.from({ length: 20 }, (_, index) => `n${index + 1}`),
      true,
      'c20',
    );
    const merged = appendPage(first, page(['n21'], false, 'c21'));
    expect(merged.items).toHaveLength(21);
    expect(merged.items[20]).toEqual({ id: 'n21' });
    expect(merged.pageInfo).toEqual({ hasNextPage: false, endCursor: 'c21' });
  });

  it('does not repeat an item already shown (pushed to the next page by one that arrived live)', () => {
    const merged = appendPage(page(['a', 'b'], true, 'b'), page(['b', 'c'], false, 'c'));
    expect(merged.items.map((item) => item.id)).toEqual(['a', 'b', 'c']);
  });
});
