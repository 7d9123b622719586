// From candidate lists keyed by ids to the index-based assignment and back. Pure.
import { BatchAssignmentResult, greedyAssignment, solveBatchAssignment } from './batch-assignment';

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
}

export interface BatchPlan<T> {
  /** One entry per need, in input order: the chosen candidate or null. */
  assignments: { needId: string; chosen: PlanCandidate<T> | null }[];
  helpersCount: number;
  served: number;
  totalCost: number;
  greedyServed: number;
  greedyCost: number;
}

/**
 * The optimal plan (most needs served, then least total travel, no helper twice), with greedy
 * nearest-first in the same order beside it for comparison. A helper listed twice for one need
 * keeps its cheapest entry.
 */
export function planBatch<T>(needs: readonly PlanNeed<T>[]): BatchPlan<T> {
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
  const optimal: BatchAssignmentResult = solveBatchAssignment(input);
  const greedy = greedyAssignment(input);
  const chosenOf = new Map(optimal.pairs.map((pair) => [pair.needIndex, edgeCandidates[pair.edgeIndex]]));
  return {
    assignments: needs.map((need, index) => ({ needId: need.needId, chosen: chosenOf.get(index) ?? null })),
    helpersCount: helperIndex.size,
    served: optimal.served,
    totalCost: optimal.totalCost,
    greedyServed: greedy.served,
    greedyCost: greedy.totalCost,
  };
}
