import fc from 'fast-check';
import { planBatch, PlanNeed } from './batch-plan';

describe('planBatch', () => {
  it('serves both needs where greedy nearest-first serves one', () => {
    // n1 is near both helpers; n2 only reaches h1. Greedy gives h1 to n1 and leaves n2 alone.
    const needs: PlanNeed<string>[] = [
      {
        needId: 'n1',
        candidates: [
          { helperKey: 'h1', cost: 1000, payload: 'n1-h1' },
          { helperKey: 'h2', cost: 1500, payload: 'n1-h2' },
        ],
      },
      { needId: 'n2', candidates: [{ helperKey: 'h1', cost: 2000, payload: 'n2-h1' }] },
    ];
    const plan = planBatch(needs);
    expect(plan.assignments.map((a) => a.chosen?.payload)).toEqual(['n1-h2', 'n2-h1']);
    expect(plan).toMatchObject({
      served: 2,
      totalCost: 3500,
      greedyServed: 1,
      greedyCost: 1000,
      helpersCount: 2,
    });
  });

  it('keeps the cheapest entry of a helper listed twice for a need', () => {
    const plan = planBatch([
      {
        needId: 'n',
        candidates: [
          { helperKey: 'h', cost: 900, payload: 'far' },
          { helperKey: 'h', cost: 300, payload: 'near' },
        ],
      },
    ]);
    expect(plan.assignments[0].chosen?.payload).toBe('near');
  });

  it('never gives a helper two needs, only listed pairs, and does at least as well as greedy', () => {
    const arbitraryNeeds = fc.array(
      fc.uniqueArray(
        fc.record({ helper: fc.integer({ min: 0, max: 7 }), cost: fc.integer({ min: 0, max: 10_000 }) }),
        { maxLength: 5, selector: (c) => c.helper },
      ),
      { maxLength: 10 },
    );
    fc.assert(
      fc.property(arbitraryNeeds, (lists) => {
        const needs = lists.map((list, i) => ({
          needId: `n${i}`,
          candidates: list.map((c) => ({
            helperKey: `h${c.helper}`,
            cost: c.cost,
            payload: `n${i}:h${c.helper}`,
          })),
        }));
        const plan = planBatch(needs);
        const used = new Set<string>();
        let total = 0;
        plan.assignments.forEach((assignment, i) => {
          if (!assignment.chosen) return;
          expect(assignment.chosen.payload.startsWith(`n${i}:`)).toBe(true);
          expect(used.has(assignment.chosen.helperKey)).toBe(false);
          used.add(assignment.chosen.helperKey);
          total += assignment.chosen.cost;
        });
        expect(used.size).toBe(plan.served);
        expect(total).toBe(plan.totalCost);
        expect(plan.served).toBeGreaterThanOrEqual(plan.greedyServed);
        if (plan.served === plan.greedyServed) expect(plan.totalCost).toBeLessThanOrEqual(plan.greedyCost);
      }),
    );
  });
});

describe('planBatch with slots', () => {
  const at = (hour: number) => new Date(Date.UTC(2026, 10, 23, hour));
  const slot = (from: number, to: number, period = '2026-11-23') => ({
    start: at(from),
    end: at(to),
    period,
  });

  it('gives one helper two needs that do not overlap, within the hours left that week', () => {
    const needs: PlanNeed<string>[] = [
      { needId: 'morning', slot: slot(8, 10), candidates: [{ helperKey: 'h', cost: 500, payload: 'm' }] },
      {
        needId: 'overlapping',
        slot: slot(9, 11),
        candidates: [
          { helperKey: 'h', cost: 100, payload: 'o-h' },
          { helperKey: 'far', cost: 9000, payload: 'o-far' },
        ],
      },
      { needId: 'afternoon', slot: slot(14, 16), candidates: [{ helperKey: 'h', cost: 700, payload: 'a' }] },
    ];
    const plan = planBatch(needs);
    expect(plan.assignments.map((a) => a.chosen?.payload ?? null)).toEqual(['m', 'o-far', 'a']);
    expect(plan).toMatchObject({ served: 3, totalCost: 10200, onePerHelperServed: 2 });

    // Three hours left to h this week: only one of its two-hour needs fits.
    const tight = planBatch(needs, new Map([['h', new Map([['2026-11-23', 3 * 3600_000]])]]));
    expect(tight.served).toBe(2);
    // Another week's budget does not limit this one.
    const other = planBatch(needs, new Map([['h', new Map([['2026-11-30', 0]])]]));
    expect(other.served).toBe(3);
  });

  it('without slots keeps one need per helper', () => {
    const plan = planBatch([
      { needId: 'a', candidates: [{ helperKey: 'h', cost: 1, payload: 'a' }] },
      { needId: 'b', candidates: [{ helperKey: 'h', cost: 1, payload: 'b' }] },
    ]);
    expect(plan.served).toBe(1);
  });
});
