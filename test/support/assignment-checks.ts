/**
 * What the batch and the timed assignment specs check alike: that a result's pairs are its own
 * edges, consistent with its totals, and the exhaustive optimum to compare a solver with.
 *
 * Kept free of imports so that the unit specs beside the library can use it without loading the stack:
 * the shapes below are those of batch-assignment.ts.
 */

interface AssignmentEdge {
  needIndex: number;
  helperIndex: number;
  cost: number;
}

interface AssignedPair extends AssignmentEdge {
  edgeIndex: number;
}

interface AssignmentProblem {
  needCount: number;
  helperCount: number;
  edges: readonly AssignmentEdge[];
}

interface AssignmentOutcome {
  helperOfNeed: number[];
  pairs: AssignedPair[];
  served: number;
  totalCost: number;
}

/**
 * Each pair is an edge of the input, reported as it was given, and agrees with `helperOfNeed`; the
 * totals are the pairs'. Returns the needs each helper took, for the constraints of the caller.
 */
export function expectConsistentPairs(
  input: AssignmentProblem,
  result: AssignmentOutcome,
): Map<number, number[]> {
  expect(result.helperOfNeed).toHaveLength(input.needCount);
  let cost = 0;
  const needsOfHelper = new Map<number, number[]>();
  for (const pair of result.pairs) {
    expect(input.edges[pair.edgeIndex]).toEqual({
      needIndex: pair.needIndex,
      helperIndex: pair.helperIndex,
      cost: pair.cost,
    });
    expect(result.helperOfNeed[pair.needIndex]).toBe(pair.helperIndex);
    needsOfHelper.set(pair.helperIndex, [...(needsOfHelper.get(pair.helperIndex) ?? []), pair.needIndex]);
    cost += pair.cost;
  }
  expect(result.helperOfNeed.filter((h) => h >= 0)).toHaveLength(result.pairs.length);
  expect(result.served).toBe(result.pairs.length);
  expect(result.totalCost).toBe(cost);
  return needsOfHelper;
}

/**
 * Exhaustive search: every need takes one of its edges or nothing, where `fits` allows need `need`
 * beside the needs the helper already has (`taken`). The optimum: most served, then least cost.
 */
export function exhaustiveOptimum(
  input: AssignmentProblem,
  fits: (need: number, helper: number, taken: readonly number[]) => boolean,
): { served: number; totalCost: number } {
  const byNeed: AssignmentEdge[][] = Array.from({ length: input.needCount }, () => []);
  for (const edge of input.edges) byNeed[edge.needIndex].push(edge);
  const taken: number[][] = Array.from({ length: input.helperCount }, () => []);
  let best = { served: -1, totalCost: 0 };
  const visit = (i: number, served: number, totalCost: number) => {
    if (i === input.needCount) {
      if (served > best.served || (served === best.served && totalCost < best.totalCost)) {
        best = { served, totalCost };
      }
      return;
    }
    visit(i + 1, served, totalCost);
    for (const edge of byNeed[i]) {
      const mine = taken[edge.helperIndex];
      if (!fits(i, edge.helperIndex, mine)) continue;
      mine.push(i);
      visit(i + 1, served + 1, totalCost + edge.cost);
      mine.pop();
    }
  };
  visit(0, 0, 0);
  return best;
}
