import fc from 'fast-check';
import { widenedLimitKm } from './radius-steps';

describe('widenedLimitKm', () => {
  it('adds the step’s kilometres to the need’s own limit', () => {
    expect(widenedLimitKm(2, [5, 10], 0)).toBe(2);
    expect(widenedLimitKm(2, [5, 10], 1)).toBe(7);
    expect(widenedLimitKm(2, [5, 10], 2)).toBe(12);
    expect(widenedLimitKm(2, [5, 10], 3)).toBe(12);
  });

  it('leaves a need without its own limit, or with no steps configured, as it is', () => {
    expect(widenedLimitKm(null, [5, 10], 2)).toBeNull();
    expect(widenedLimitKm(4, [], 1)).toBe(4);
  });

  it('property: the limit never shrinks from one step to the next', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }),
        fc
          .uniqueArray(fc.integer({ min: 1, max: 100 }), { maxLength: 10 })
          .map((steps) => [...steps].sort((a, b) => a - b)),
        fc.nat(12),
        (limit, steps, step) => {
          expect(widenedLimitKm(limit, steps, step + 1)!).toBeGreaterThanOrEqual(
            widenedLimitKm(limit, steps, step)!,
          );
        },
      ),
    );
  });
});
