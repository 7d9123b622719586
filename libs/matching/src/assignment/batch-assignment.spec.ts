import fc from 'fast-check';
import {
  AssignmentInputError,
  greedyAssignment,
  solveBatchAssignment,
  type AssignmentEdge,
  type BatchAssignmentInput,
  type BatchAssignmentResult,
} from './batch-assignment';
import { exhaustiveOptimum, expectConsistentPairs } from '../../../../test/support/assignment-checks';
import { thrownBy } from '../../../../test/support/thrown';

const capacitiesOf = (input: BatchAssignmentInput) =>
  input.helperCapacity ?? new Array(input.helperCount).fill(1);

/** Checks the result is a feasible assignment consistent with itself. */
function expectFeasible(input: BatchAssignmentInput, result: BatchAssignmentResult) {
  const capacity = capacitiesOf(input);
  const needsOfHelper = expectConsistentPairs(input, result);
  const needs = result.pairs.map((p) => p.needIndex);
  expect(needs).toEqual([...new Set(needs)].sort((a, b) => a - b));
  for (const [helper, taken] of needsOfHelper) expect(taken.length).toBeLessThanOrEqual(capacity[helper]);
}

/** Exhaustive search: every need picks one of its edges or nothing, within the capacities. */
const bruteForce = (input: BatchAssignmentInput) =>
  exhaustiveOptimum(input, (_need, helper, taken) => taken.length < capacitiesOf(input)[helper]);

/**
 * Independent reference: textbook min-cost max-flow on an explicit network, one
 * unit per Bellman–Ford shortest path, no big-M and no potentials.
 */
function referenceMinCostMaxFlow(input: BatchAssignmentInput): { served: number; totalCost: number } {
  const source = input.needCount + input.helperCount;
  const sink = source + 1;
  const to: number[] = [];
  const cap: number[] = [];
  const cost: number[] = [];
  const from: number[] = [];
  const add = (u: number, v: number, c: number, w: number) => {
    from.push(u, v);
    to.push(v, u);
    cap.push(c, 0);
    cost.push(w, -w);
  };
  for (let i = 0; i < input.needCount; i++) add(source, i, 1, 0);
  for (const e of input.edges) add(e.needIndex, input.needCount + e.helperIndex, 1, e.cost);
  capacitiesOf(input).forEach((c, j) => add(input.needCount + j, sink, c, 0));
  let served = 0;
  let totalCost = 0;
  for (;;) {
    const dist = new Array(sink + 1).fill(Infinity);
    const pred = new Array(sink + 1).fill(-1);
    dist[source] = 0;
    for (let round = 0; round <= sink; round++) {
      let changed = false;
      for (let e = 0; e < to.length; e++) {
        if (cap[e] > 0 && dist[from[e]] + cost[e] < dist[to[e]]) {
          dist[to[e]] = dist[from[e]] + cost[e];
          pred[to[e]] = e;
          changed = true;
        }
      }
      if (!changed) break;
    }
    if (dist[sink] === Infinity) return { served, totalCost };
    for (let v = sink; v !== source; v = from[pred[v]]) {
      cap[pred[v]]--;
      cap[pred[v] ^ 1]++;
    }
    served++;
    totalCost += dist[sink];
  }
}

// Small random instances: up to 7 × 7, random edges (parallel edges allowed),
// capacities 0–3, small costs so that ties are common.
const smallInstance = (maxCost: number, maxEdges: number): fc.Arbitrary<BatchAssignmentInput> =>
  fc
    .record({ needCount: fc.integer({ min: 0, max: 7 }), helperCount: fc.integer({ min: 0, max: 7 }) })
    .chain(({ needCount, helperCount }) =>
      fc.record({
        needCount: fc.constant(needCount),
        helperCount: fc.constant(helperCount),
        edges:
          needCount === 0 || helperCount === 0
            ? fc.constant<AssignmentEdge[]>([])
            : fc.array(
                fc.record({
                  needIndex: fc.nat({ max: needCount - 1 }),
                  helperIndex: fc.nat({ max: helperCount - 1 }),
                  cost: fc.nat({ max: maxCost }),
                }),
                { maxLength: maxEdges },
              ),
        helperCapacity: fc.array(fc.nat({ max: 3 }), { minLength: helperCount, maxLength: helperCount }),
      }),
    );

describe('solveBatchAssignment', () => {
  it('serves more needs before saving metres', () => {
    // Greedy gives A its nearest driver X and leaves B without one.
    const input: BatchAssignmentInput = {
      needCount: 2,
      helperCount: 2,
      edges: [
        { needIndex: 0, helperIndex: 0, cost: 100 },
        { needIndex: 0, helperIndex: 1, cost: 9000 },
        { needIndex: 1, helperIndex: 0, cost: 200 },
      ],
    };
    expect(solveBatchAssignment(input)).toEqual({
      helperOfNeed: [1, 0],
      pairs: [
        { needIndex: 0, helperIndex: 1, cost: 9000, edgeIndex: 1 },
        { needIndex: 1, helperIndex: 0, cost: 200, edgeIndex: 2 },
      ],
      served: 2,
      totalCost: 9200,
    });
    expect(greedyAssignment(input)).toMatchObject({ helperOfNeed: [0, -1], served: 1, totalCost: 100 });
  });

  it('picks the cheaper of two needs competing for one driver', () => {
    const input: BatchAssignmentInput = {
      needCount: 2,
      helperCount: 1,
      edges: [
        { needIndex: 0, helperIndex: 0, cost: 10 },
        { needIndex: 1, helperIndex: 0, cost: 5 },
      ],
    };
    expect(solveBatchAssignment(input)).toMatchObject({ helperOfNeed: [-1, 0], served: 1, totalCost: 5 });
  });

  it('uses helper capacity above one', () => {
    const input: BatchAssignmentInput = {
      needCount: 3,
      helperCount: 2,
      helperCapacity: [2, 0],
      edges: [
        { needIndex: 0, helperIndex: 0, cost: 1 },
        { needIndex: 1, helperIndex: 0, cost: 2 },
        { needIndex: 2, helperIndex: 0, cost: 3 },
        { needIndex: 2, helperIndex: 1, cost: 0 },
      ],
    };
    expect(solveBatchAssignment(input)).toMatchObject({ helperOfNeed: [0, 0, -1], served: 2, totalCost: 3 });
  });

  it('handles empty instances', () => {
    expect(solveBatchAssignment({ needCount: 0, helperCount: 0, edges: [] })).toEqual({
      helperOfNeed: [],
      pairs: [],
      served: 0,
      totalCost: 0,
    });
    expect(solveBatchAssignment({ needCount: 2, helperCount: 3, edges: [] }).helperOfNeed).toEqual([-1, -1]);
  });

  it.each([
    [{ needCount: -1 }, 'needCount'],
    [{ helperCount: 1.5 }, 'helperCount'],
    [{ helperCapacity: [1] }, 'helperCapacity'],
    [{ helperCapacity: [1, -1] }, 'helperCapacity[1]'],
    [{ edges: [{ needIndex: 2, helperIndex: 0, cost: 1 }] }, 'edges[0].needIndex'],
    [
      {
        edges: [
          { needIndex: 0, helperIndex: 0, cost: 1 },
          { needIndex: 0, helperIndex: 2, cost: 1 },
        ],
      },
      'edges[1].helperIndex',
    ],
    [{ edges: [{ needIndex: 0, helperIndex: 0, cost: -1 }] }, 'edges[0].cost'],
    [{ edges: [{ needIndex: 0, helperIndex: 0, cost: 0.5 }] }, 'edges[0].cost'],
    [{ edges: [{ needIndex: 0, helperIndex: 0, cost: 2 ** 51 }] }, 'edges'],
  ])('rejects %j with the field %s', (override, field) => {
    const input = { needCount: 2, helperCount: 2, edges: [], ...override } as BatchAssignmentInput;
    const error = thrownBy(() => solveBatchAssignment(input), AssignmentInputError);
    expect(error).toMatchObject({ code: 'ASSIGNMENT_INPUT_INVALID', field });
  });

  it('matches brute force on small random instances', () => {
    fc.assert(
      fc.property(fc.oneof(smallInstance(5, 20), smallInstance(1000, 20)), (input) => {
        const result = solveBatchAssignment(input);
        expectFeasible(input, result);
        const best = bruteForce(input);
        expect({ served: result.served, totalCost: result.totalCost }).toEqual(best);
      }),
      { numRuns: 400 },
    );
  });

  it('matches brute force on denser small instances', () => {
    fc.assert(
      fc.property(smallInstance(50, 35), (input) => {
        const result = solveBatchAssignment(input);
        expectFeasible(input, result);
        expect({ served: result.served, totalCost: result.totalCost }).toEqual(bruteForce(input));
      }),
      { numRuns: 60 },
    );
  });

  it('matches a textbook min-cost max-flow on medium instances', () => {
    const medium = fc
      .record({ needCount: fc.integer({ min: 1, max: 40 }), helperCount: fc.integer({ min: 1, max: 30 }) })
      .chain(({ needCount, helperCount }) =>
        fc.record({
          needCount: fc.constant(needCount),
          helperCount: fc.constant(helperCount),
          edges: fc.array(
            fc.record({
              needIndex: fc.nat({ max: needCount - 1 }),
              helperIndex: fc.nat({ max: helperCount - 1 }),
              cost: fc.nat({ max: 3000 }),
            }),
            { maxLength: 150 },
          ),
          helperCapacity: fc.array(fc.nat({ max: 2 }), { minLength: helperCount, maxLength: helperCount }),
        }),
      );
    fc.assert(
      fc.property(medium, (input) => {
        const result = solveBatchAssignment(input);
        expectFeasible(input, result);
        expect({ served: result.served, totalCost: result.totalCost }).toEqual(
          referenceMinCostMaxFlow(input),
        );
      }),
      { numRuns: 100 },
    );
  });

  it('solves 2,000 needs × 5,000 helpers quickly and beats greedy', () => {
    // Deterministic pseudo-random instance, 20–50 candidate edges per need.
    let seed = 42;
    const random = () => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return seed / 2 ** 32;
    };
    const edges: AssignmentEdge[] = [];
    for (let i = 0; i < 2000; i++) {
      const k = 20 + Math.floor(random() * 31);
      for (let e = 0; e < k; e++) {
        edges.push({
          needIndex: i,
          helperIndex: Math.floor(random() * 5000),
          cost: Math.floor(random() * 20000),
        });
      }
    }
    const input: BatchAssignmentInput = { needCount: 2000, helperCount: 5000, edges };
    const started = performance.now();
    const result = solveBatchAssignment(input);
    const elapsed = performance.now() - started;
    expectFeasible(input, result);
    const greedy = greedyAssignment(input);
    expect(result.served).toBeGreaterThanOrEqual(greedy.served);
    if (result.served === greedy.served) expect(result.totalCost).toBeLessThanOrEqual(greedy.totalCost);
    // Typically ~10 ms; the bound only catches a complexity regression.
    expect(elapsed).toBeLessThan(2000);
  });
});

describe('greedyAssignment', () => {
  it('is feasible and never beats the optimum', () => {
    fc.assert(
      fc.property(smallInstance(1000, 25), (input) => {
        const greedy = greedyAssignment(input);
        expectFeasible(input, greedy);
        const optimal = solveBatchAssignment(input);
        expect(greedy.served).toBeLessThanOrEqual(optimal.served);
        if (greedy.served === optimal.served)
          expect(greedy.totalCost).toBeGreaterThanOrEqual(optimal.totalCost);
      }),
      { numRuns: 300 },
    );
  });

  it('takes the cheapest free helper for each need in order', () => {
    const input: BatchAssignmentInput = {
      needCount: 2,
      helperCount: 3,
      edges: [
        { needIndex: 0, helperIndex: 2, cost: 50 },
        { needIndex: 0, helperIndex: 1, cost: 10 },
        { needIndex: 1, helperIndex: 1, cost: 1 },
        { needIndex: 1, helperIndex: 0, cost: 70 },
      ],
    };
    expect(greedyAssignment(input)).toMatchObject({ helperOfNeed: [1, 0], served: 2, totalCost: 80 });
    expect(solveBatchAssignment(input)).toMatchObject({ helperOfNeed: [2, 1], served: 2, totalCost: 51 });
  });
});
