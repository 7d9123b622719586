// The timed assignment problem (see timed-assignment.ts): its input, the prepared arrays every step
// reads, the exact flows on helpers split by components, budget repair and refill.

import {
  AssignedPair,
  AssignmentEdge,
  AssignmentInputError,
  BatchAssignmentResult,
  FlowEdges,
  solveAssignmentFlow,
  validateAssignmentInput,
} from './batch-assignment';

export interface TimeBudget {
  helperIndex: number;
  /** The period the budget is for (e.g. an index of the Rome week); see needPeriod. */
  period: number;
  /** Time the helper may still be booked for in that period, in the unit of the times. */
  amount: number;
}

export interface TimedAssignmentInput {
  needCount: number;
  helperCount: number;
  /** Edges where every hard constraint holds for the need alone. */
  edges: readonly AssignmentEdge[];
  /** Busy time of each need: [start, end) in one unit (e.g. minutes); a need uses end - start of a budget. */
  needStart: readonly number[];
  needEnd: readonly number[];
  /** The budget period each need falls in (default: 0 for all). */
  needPeriod?: readonly number[];
  /** Remaining time per helper and period; a helper and period without an entry is unlimited. */
  budgets?: readonly TimeBudget[];
  /** Rounds of the segment search (step 3) and how many in a row without a gain end it. */
  search?: { rounds: number; patience: number };
  /** Iterations of the price search (step 5). */
  priceIterations?: number;
}

export interface TimedAssignmentResult extends BatchAssignmentResult {
  /** Which construction won: 'one-per-helper' (step 1) or 'decomposition' (step 2), each refilled. */
  method: 'one-per-helper' | 'decomposition';
  /** Rounds of the segment search (step 3) that improved the plan. */
  improvements: number;
  /** Needs served by the exact one-need-per-helper optimum (step 1 before refilling). */
  onePerHelperServed: number;
  onePerHelperCost: number;
}

export interface Problem {
  needCount: number;
  helperCount: number;
  edges: readonly AssignmentEdge[];
  start: readonly number[];
  end: readonly number[];
  period: readonly number[];
  /** Remaining budget by `${helper}:${period}`. */
  budget: ReadonlyMap<string, number>;
  /** Edge indices usable alone (the need fits the helper's budget). */
  usable: number[];
  /** The edges' needs and costs, as arrays: read for every edge in every round of the search. */
  edgeNeed: Int32Array;
  edgeCost: Float64Array;
}

export const budgetKey = (helper: number, period: number) => `${helper}:${period}`;
export const overlaps = (p: Problem, a: number, b: number) => p.start[a] < p.end[b] && p.start[b] < p.end[a];

export function prepare(input: TimedAssignmentInput): Problem {
  const { needCount, helperCount, edges } = input;
  // Counts and edges are checked as the plain solver checks them.
  validateAssignmentInput({ needCount, helperCount, edges });
  const times = (name: 'needStart' | 'needEnd') => {
    const values = input[name];
    if (values.length !== needCount) {
      throw new AssignmentInputError(name, `${name} must have one entry per need`);
    }
    values.forEach((value, i) => {
      if (!Number.isFinite(value))
        throw new AssignmentInputError(`${name}[${i}]`, 'time must be a finite number');
    });
    return values;
  };
  const start = times('needStart');
  const end = times('needEnd');
  for (let i = 0; i < needCount; i++) {
    if (end[i] <= start[i])
      throw new AssignmentInputError(`needEnd[${i}]`, 'a need must end after it starts');
  }
  const period = input.needPeriod ?? new Array<number>(needCount).fill(0);
  if (period.length !== needCount) {
    throw new AssignmentInputError('needPeriod', 'needPeriod must have one entry per need');
  }
  const budget = new Map<string, number>();
  (input.budgets ?? []).forEach(({ helperIndex, period: p, amount }, k) => {
    if (!Number.isInteger(helperIndex) || helperIndex < 0 || helperIndex >= helperCount) {
      throw new AssignmentInputError(`budgets[${k}].helperIndex`, 'helperIndex out of range');
    }
    if (!Number.isFinite(amount))
      throw new AssignmentInputError(`budgets[${k}].amount`, 'amount must be finite');
    budget.set(
      budgetKey(helperIndex, p),
      Math.min(amount, budget.get(budgetKey(helperIndex, p)) ?? Infinity),
    );
  });
  const edgeNeed = Int32Array.from(edges, (edge) => edge.needIndex);
  const edgeCost = Float64Array.from(edges, (edge) => edge.cost);
  const usable: number[] = [];
  const problem = { needCount, helperCount, edges, start, end, period, budget, usable, edgeNeed, edgeCost };
  edges.forEach((edge, e) => {
    const left = budget.get(budgetKey(edge.helperIndex, period[edge.needIndex])) ?? Infinity;
    if (end[edge.needIndex] - start[edge.needIndex] <= left) problem.usable.push(e);
  });
  return problem;
}

/** Chosen edge per need (-1: unserved). */
export type Choice = Int32Array;

/**
 * Exact min-cost flow where each helper has one unit per connected component of the intervals of
 * the given edges' needs: every solution is conflict-free (components never overlap each other).
 */
export function solveByComponents(p: Problem, edgeIds: readonly number[]): Choice {
  const byHelper = new Map<number, number[]>();
  for (const e of edgeIds) {
    const list = byHelper.get(p.edges[e].helperIndex);
    if (list) list.push(e);
    else byHelper.set(p.edges[e].helperIndex, [e]);
  }
  const nodeOfEdge = new Map<number, number>();
  let nodes = 0;
  for (const list of byHelper.values()) {
    list.sort((a, b) => p.start[p.edges[a].needIndex] - p.start[p.edges[b].needIndex] || a - b);
    let reach = -Infinity;
    for (const e of list) {
      const i = p.edges[e].needIndex;
      if (p.start[i] >= reach) nodes++; // starts after everything so far ends: a new component
      reach = Math.max(reach, p.end[i]);
      nodeOfEdge.set(e, nodes - 1);
    }
  }
  const flow = flowEdgesFor(edgeIds.length);
  for (const e of edgeIds)
    addFlowEdge(flow, p.edges[e].needIndex, nodeOfEdge.get(e) as number, p.edges[e].cost);
  return choiceOf(p, solveAssignmentFlow(p.needCount, nodes, flow), edgeIds);
}

/** Room for `size` flow edges, none yet. */
export function flowEdgesFor(size: number): FlowEdges {
  return { count: 0, need: new Int32Array(size), helper: new Int32Array(size), cost: new Float64Array(size) };
}

export function addFlowEdge(flow: FlowEdges, need: number, helper: number, cost: number): void {
  flow.need[flow.count] = need;
  flow.helper[flow.count] = helper;
  flow.cost[flow.count] = cost;
  flow.count++;
}

/** The plan of a flow's solution: flow edge k stands for the problem's edge edgeIds[k]. */
export function choiceOf(p: Problem, chosen: Int32Array, edgeIds: ArrayLike<number>): Choice {
  const choice: Choice = new Int32Array(p.needCount).fill(-1);
  for (let i = 0; i < p.needCount; i++) if (chosen[i] >= 0) choice[i] = edgeIds[chosen[i]];
  return choice;
}

/**
 * Enforces the budgets: where a helper's needs of one period exceed what is left, keeps the
 * shortest (the most needs that fit), then the cheapest; the others become unserved.
 */
export function repairBudgets(p: Problem, choice: Choice): void {
  const groups = new Map<string, number[]>();
  for (let i = 0; i < p.needCount; i++) {
    const e = choice[i];
    if (e < 0) continue;
    const key = budgetKey(p.edges[e].helperIndex, p.period[i]);
    if (!p.budget.has(key)) continue;
    const list = groups.get(key);
    if (list) list.push(i);
    else groups.set(key, [i]);
  }
  for (const [key, needs] of groups) {
    let left = p.budget.get(key) as number;
    needs.sort(
      (a, b) =>
        p.end[a] - p.start[a] - (p.end[b] - p.start[b]) ||
        p.edges[choice[a]].cost - p.edges[choice[b]].cost ||
        a - b,
    );
    for (const i of needs) {
      const length = p.end[i] - p.start[i];
      if (length <= left) left -= length;
      else choice[i] = -1;
    }
  }
}

/** Rounds of min-cost flow giving unserved needs to helpers free at their time, with budget left. */
export function refill(p: Problem, choice: Choice): void {
  for (;;) {
    const assigned = new Map<number, number[]>();
    const left = new Map(p.budget);
    for (let i = 0; i < p.needCount; i++) {
      const e = choice[i];
      if (e < 0) continue;
      const j = p.edges[e].helperIndex;
      const list = assigned.get(j);
      if (list) list.push(i);
      else assigned.set(j, [i]);
      const key = budgetKey(j, p.period[i]);
      if (left.has(key)) left.set(key, (left.get(key) as number) - (p.end[i] - p.start[i]));
    }
    const open = p.usable.filter((e) => {
      const { needIndex: i, helperIndex: j } = p.edges[e];
      if (choice[i] >= 0) return false;
      if ((assigned.get(j) ?? []).some((k) => overlaps(p, i, k))) return false;
      return p.end[i] - p.start[i] <= (left.get(budgetKey(j, p.period[i])) ?? Infinity);
    });
    if (open.length === 0) return;
    const added = solveByComponents(p, open);
    // Several new needs of one helper and period may together exceed what is left: keep the
    // shortest (the most that fit), then the cheapest.
    const fresh: number[] = [];
    for (let i = 0; i < p.needCount; i++) if (added[i] >= 0) fresh.push(i);
    fresh.sort(
      (a, b) =>
        p.end[a] - p.start[a] - (p.end[b] - p.start[b]) ||
        p.edges[added[a]].cost - p.edges[added[b]].cost ||
        a - b,
    );
    let gained = 0;
    for (const i of fresh) {
      const key = budgetKey(p.edges[added[i]].helperIndex, p.period[i]);
      const length = p.end[i] - p.start[i];
      const budget = left.get(key);
      if (budget !== undefined) {
        if (length > budget) continue;
        left.set(key, budget - length);
      }
      choice[i] = added[i];
      gained++;
    }
    if (gained === 0) return;
  }
}

export function resultOf(p: Problem, choice: Choice): BatchAssignmentResult {
  const helperOfNeed = new Array<number>(p.needCount).fill(-1);
  const pairs: AssignedPair[] = [];
  let totalCost = 0;
  for (let i = 0; i < p.needCount; i++) {
    const e = choice[i];
    if (e < 0) continue;
    const { helperIndex, cost } = p.edges[e];
    helperOfNeed[i] = helperIndex;
    pairs.push({ needIndex: i, helperIndex, cost, edgeIndex: e });
    totalCost += cost;
  }
  return { helperOfNeed, pairs, served: pairs.length, totalCost };
}

export const better = (a: BatchAssignmentResult, b: BatchAssignmentResult) =>
  a.served > b.served || (a.served === b.served && a.totalCost < b.totalCost);
