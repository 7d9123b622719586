// From candidate lists keyed by ids to the index-based assignment and back. Pure.
import { BatchAssignmentResult, greedyAssignment, solveBatchAssignment } from './batch-assignment';
import { greedyTimedAssignment, solveTimedAssignment, TimeBudget } from './timed-assignment';

export interface PlanCandidate<T> {
  /** Who: a volunteer's user id or an organisation's id; each serves one need of the batch. */
  helperKey: string;
  /** Travel in metres: a non-negative integer. */
  cost: number;
  /** Whatever the caller needs back for the chosen pair (the candidate row). */
  payload: T;
}

export interface PlanNeed<T> {
  needId: string;
  candidates: readonly PlanCandidate<T>[];
  /**
   * When the helper is busy for it (the engagement slot, ride buffers included) and the period its
   * hours count in (the Rome week). When every need has one, a helper may take several needs that
   * do not overlap; otherwise each helper takes at most one.
   */
  slot?: { start: Date; end: Date; period: string };
}

/** Time a helper may still be booked for, in milliseconds, per period (absent: no limit). */
export type PlanBudgets = ReadonlyMap<string, ReadonlyMap<string, number>>;

export interface BatchPlan<T> {
  /** One entry per need, in input order: the chosen candidate or null. */
  assignments: { needId: string; chosen: PlanCandidate<T> | null }[];
  helpersCount: number;
  served: number;
  totalCost: number;
  greedyServed: number;
  greedyCost: number;
  /** What one need per helper (exactly optimal) would have served, for comparison. */
  onePerHelperServed: number;
  onePerHelperCost: number;
}

/**
 * The plan: most needs served, then least total travel. With every need's slot, a helper takes
 * several needs whose slots do not overlap, within its budgets (solveTimedAssignment: exact when
 * a helper's candidates all overlap, a decomposition otherwise); without, one need per helper
 * (exact). Greedy nearest-first in the same order is computed beside it for comparison. A helper
 * listed twice for one need keeps its cheapest entry.
 */
export function planBatch<T>(needs: readonly PlanNeed<T>[], budgets: PlanBudgets = new Map()): BatchPlan<T> {
  const helperIndex = new Map<string, number>();
  const edges: { needIndex: number; helperIndex: number; cost: number }[] = [];
  const edgeCandidates: PlanCandidate<T>[] = [];
  needs.forEach((need, needIndex) => {
    const cheapest = new Map<string, PlanCandidate<T>>();
    for (const candidate of need.candidates) {
      const known = cheapest.get(candidate.helperKey);
      if (!known || candidate.cost < known.cost) cheapest.set(candidate.helperKey, candidate);
    }
    for (const candidate of cheapest.values()) {
      let index = helperIndex.get(candidate.helperKey);
      if (index === undefined) {
        index = helperIndex.size;
        helperIndex.set(candidate.helperKey, index);
      }
      edges.push({ needIndex, helperIndex: index, cost: candidate.cost });
      edgeCandidates.push(candidate);
    }
  });
  const input = { needCount: needs.length, helperCount: helperIndex.size, edges };
  const slots = needs.map((need) => need.slot);
  let optimal: BatchAssignmentResult;
  let greedy: BatchAssignmentResult;
  let single: { served: number; totalCost: number };
  if (slots.every((slot) => slot !== undefined)) {
    const periods = [...new Set(slots.map((slot) => slot.period))];
    const timeBudgets: TimeBudget[] = [];
    for (const [key, index] of helperIndex) {
      for (const [period, amount] of budgets.get(key) ?? []) {
        const p = periods.indexOf(period);
        if (p >= 0) timeBudgets.push({ helperIndex: index, period: p, amount });
      }
    }
    const timed = {
      ...input,
      needStart: slots.map((slot) => slot.start.getTime()),
      needEnd: slots.map((slot) => slot.end.getTime()),
      needPeriod: slots.map((slot) => periods.indexOf(slot.period)),
      budgets: timeBudgets,
    };
    const result = solveTimedAssignment(timed);
    optimal = result;
    single = { served: result.onePerHelperServed, totalCost: result.onePerHelperCost };
    greedy = greedyTimedAssignment(timed);
  } else {
    optimal = solveBatchAssignment(input);
    single = optimal;
    greedy = greedyAssignment(input);
  }
  const chosenOf = new Map(optimal.pairs.map((pair) => [pair.needIndex, edgeCandidates[pair.edgeIndex]]));
  return {
    assignments: needs.map((need, index) => ({ needId: need.needId, chosen: chosenOf.get(index) ?? null })),
    helpersCount: helperIndex.size,
    served: optimal.served,
    totalCost: optimal.totalCost,
    greedyServed: greedy.served,
    greedyCost: greedy.totalCost,
    onePerHelperServed: single.served,
    onePerHelperCost: single.totalCost,
  };
}
