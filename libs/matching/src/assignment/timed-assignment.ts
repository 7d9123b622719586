// Batch assignment where one helper may take several needs, as long as their busy times (the
// engagement slot, ride buffers included) do not overlap and their weekly hours stay within the
// helper's limit. "A driver can take several rides a day if they do not overlap."
//
// Goal, as for solveBatchAssignment: first serve as many needs as possible, then minimise total
// travel. With non-overlap constraints this is an interval-scheduling assignment problem, NP-hard
// in general, so the solver is exact only in part and says so:
//
// 1. One need per helper: the exact min-cost flow of solveBatchAssignment (capacity 1). When every
//    helper's candidate needs pairwise overlap (a helper can only ever take one of them), this IS
//    the optimum, and the result is never worse than it (the later steps only accept gains).
// 2. Decomposition: each helper is split into one node per connected component of its candidate
//    needs' intervals (needs chained by overlaps), each of capacity 1, and the min-cost flow is
//    solved exactly on that network. Two needs of different components never overlap, so the
//    flow never double-books anyone. Weekly budgets are then enforced per helper and week
//    (keeping the most needs: shortest first), and rounds of min-cost flow give still-unserved
//    needs to helpers free at their times (refill). The better of 1 and 2 goes on.
// 3. Segment search (improveBySegments): a start afresh from cuts at each helper's best day
//    alone, then rounds that cut every helper's day into segments (one unit each) without
//    cutting its current needs, at the boundaries of its best day under the current plan's
//    prices or on a random grid, in turn; each round's exact flow is never worse than the plan:
//    a large-neighbourhood search whose every step is an optimal min-cost flow. Deterministic.
// 4. Exchange search (improveByExchanges): moves of one need to a cheaper free helper, or into
//    the place of one overlapping need that itself moves to a free candidate (ejection chains of
//    two, swaps included): what the flows' cuts cannot express. Never unserves a need.
// 5. Price search (improveByPrices): a Lagrangian relaxation of "each need served once" by
//    subgradient steps; every few steps a flow cut where each helper's best day under the prices
//    changes need, keeping the plan; then the exchanges again. It reaches the long chains of
//    moves that 3 and 4 miss (a bench instance's plan differed from the optimum in one chain of
//    220 needs over 207 helpers); the LP relaxation, whose days it approaches, was integral there.
// Every plan is conflict-free by construction and checked against the budgets. Property tests
// compare it with brute force on small instances (timed-assignment.spec.ts), bench:matching with
// the exact optimum of an integer program; docs/batch-assignment.md gives how often and how far it is off.

import { BatchAssignmentResult, solveBatchAssignment } from './batch-assignment';
import { EXCHANGE_PASSES, improveByExchanges } from './timed-exchanges';
import { improveByPrices, PRICE_ITERATIONS } from './timed-prices';
import {
  better,
  budgetKey,
  Choice,
  overlaps,
  prepare,
  refill,
  repairBudgets,
  resultOf,
  solveByComponents,
  TimedAssignmentInput,
  TimedAssignmentResult,
} from './timed-problem';
import { improveBySegments, SEGMENT_PATIENCE, SEGMENT_ROUNDS } from './timed-segments';

export type { TimeBudget, TimedAssignmentInput, TimedAssignmentResult } from './timed-problem';

/** Most needs served, then least travel; no helper on two overlapping needs; budgets kept. See above. */
export function solveTimedAssignment(input: TimedAssignmentInput): TimedAssignmentResult {
  const p = prepare(input);

  // 1. One need per helper: exact.
  const single = solveBatchAssignment({
    needCount: p.needCount,
    helperCount: p.helperCount,
    edges: p.usable.map((e) => p.edges[e]),
  });
  const fromSingle: Choice = new Int32Array(p.needCount).fill(-1);
  for (const pair of single.pairs) fromSingle[pair.needIndex] = p.usable[pair.edgeIndex];
  refill(p, fromSingle);

  // 2. One unit per helper and component of its candidates' times: exact on that network.
  const fromComponents = solveByComponents(p, p.usable);
  repairBudgets(p, fromComponents);
  refill(p, fromComponents);

  const method = better(resultOf(p, fromComponents), resultOf(p, fromSingle))
    ? ('decomposition' as const)
    : ('one-per-helper' as const);
  const chosen = method === 'decomposition' ? fromComponents : fromSingle;

  // 3. Segment search from the better of the two, a last refill, 4. the exchanges.
  const improvements = improveBySegments(
    p,
    chosen,
    input.search ?? { rounds: SEGMENT_ROUNDS, patience: SEGMENT_PATIENCE },
  );
  refill(p, chosen);
  improveByExchanges(p, chosen, EXCHANGE_PASSES);
  // 5. Price search from there, then the exchanges once more.
  improveByPrices(p, chosen, input.priceIterations ?? PRICE_ITERATIONS);
  improveByExchanges(p, chosen, EXCHANGE_PASSES);
  return {
    ...resultOf(p, chosen),
    method,
    improvements,
    onePerHelperServed: single.served,
    onePerHelperCost: single.totalCost,
  };
}

/**
 * Baseline for comparison: needs in index order each take their cheapest helper who is free at
 * that time and has budget left (ties: the earlier edge). Not optimal in count or cost.
 */
export function greedyTimedAssignment(input: TimedAssignmentInput): BatchAssignmentResult {
  const p = prepare(input);
  const byNeed: number[][] = Array.from({ length: p.needCount }, () => []);
  for (const e of p.usable) byNeed[p.edges[e].needIndex].push(e);
  const taken = new Map<number, number[]>();
  const left = new Map(p.budget);
  const choice: Choice = new Int32Array(p.needCount).fill(-1);
  for (let i = 0; i < p.needCount; i++) {
    let best = -1;
    for (const e of byNeed[i]) {
      const j = p.edges[e].helperIndex;
      if ((taken.get(j) ?? []).some((k) => overlaps(p, i, k))) continue;
      if (p.end[i] - p.start[i] > (left.get(budgetKey(j, p.period[i])) ?? Infinity)) continue;
      if (best < 0 || p.edges[e].cost < p.edges[best].cost) best = e;
    }
    if (best < 0) continue;
    const j = p.edges[best].helperIndex;
    choice[i] = best;
    taken.set(j, [...(taken.get(j) ?? []), i]);
    const key = budgetKey(j, p.period[i]);
    const budget = left.get(key);
    if (budget !== undefined) left.set(key, budget - (p.end[i] - p.start[i]));
  }
  return resultOf(p, choice);
}
