import { describe, expect, it } from 'vitest';
import { hasData } from './BarChart';

describe('hasData', () => {
  it('is false with no categories, or only none and zero values', () => {
    expect(hasData([], [{ name: 'a', values: [] }])).toBe(false);
    expect(hasData(['gen', 'feb'], [{ name: 'a', values: [null, 0] }])).toBe(false);
    expect(hasData(['gen'], [])).toBe(false);
  });

  it('is true as soon as one value is drawn', () => {
    expect(
      hasData(
        ['gen', 'feb'],
        [
          { name: 'a', values: [null, 0] },
          { name: 'b', values: [0, 2] },
        ],
      ),
    ).toBe(true);
  });
});
