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

import {
  AssignedPair,
  AssignmentEdge,
  AssignmentInputError,
  BatchAssignmentResult,
  FlowEdges,
  solveAssignmentFlow,
  solveBatchAssignment,
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

interface Problem {
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

const budgetKey = (helper: number, period: number) => `${helper}:${period}`;
const overlaps = (p: Problem, a: number, b: number) => p.start[a] < p.end[b] && p.start[b] < p.end[a];

function prepare(input: TimedAssignmentInput): Problem {
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
type Choice = Int32Array;

/**
 * Exact min-cost flow where each helper has one unit per connected component of the intervals of
 * the given edges' needs: every solution is conflict-free (components never overlap each other).
 */
function solveByComponents(p: Problem, edgeIds: readonly number[]): Choice {
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
function flowEdgesFor(size: number): FlowEdges {
  return { count: 0, need: new Int32Array(size), helper: new Int32Array(size), cost: new Float64Array(size) };
}

function addFlowEdge(flow: FlowEdges, need: number, helper: number, cost: number): void {
  flow.need[flow.count] = need;
  flow.helper[flow.count] = helper;
  flow.cost[flow.count] = cost;
  flow.count++;
}

/** The plan of a flow's solution: flow edge k stands for the problem's edge edgeIds[k]. */
function choiceOf(p: Problem, chosen: Int32Array, edgeIds: ArrayLike<number>): Choice {
  const choice: Choice = new Int32Array(p.needCount).fill(-1);
  for (let i = 0; i < p.needCount; i++) if (chosen[i] >= 0) choice[i] = edgeIds[chosen[i]];
  return choice;
}

/**
 * Enforces the budgets: where a helper's needs of one period exceed what is left, keeps the
 * shortest (the most needs that fit), then the cheapest; the others become unserved.
 */
function repairBudgets(p: Problem, choice: Choice): void {
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
function refill(p: Problem, choice: Choice): void {
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

function resultOf(p: Problem, choice: Choice): BatchAssignmentResult {
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

const better = (a: BatchAssignmentResult, b: BatchAssignmentResult) =>
  a.served > b.served || (a.served === b.served && a.totalCost < b.totalCost);

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32): the same plan run after run. */
function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** How many of the sorted values are <= x (strict: < x). */
function countUpTo(sorted: readonly number[], x: number, strict: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (strict ? sorted[mid] < x : sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The helper's best day alone: the most of its candidate needs that do not overlap, then the
 * least cost (weighted interval scheduling, by dynamic programming). Needs in time order.
 */
function bestDayOf(p: Problem, edgeIds: readonly number[]): number[] {
  const es = [...edgeIds].sort((a, b) => p.end[p.edges[a].needIndex] - p.end[p.edges[b].needIndex]);
  const ends = es.map((e) => p.end[p.edges[e].needIndex]);
  // best[k]: [count, cost] over the first k needs by end; take[k]: need k-1 is in it.
  const count = new Float64Array(es.length + 1);
  const cost = new Float64Array(es.length + 1);
  const take = new Uint8Array(es.length + 1);
  const previous = new Int32Array(es.length + 1);
  for (let k = 1; k <= es.length; k++) {
    const { needIndex: i, cost: c } = p.edges[es[k - 1]];
    const before = countUpTo(ends, p.start[i], false); // needs ending by its start
    const withCount = count[before] + 1;
    const withCost = cost[before] + c;
    if (withCount > count[k - 1] || (withCount === count[k - 1] && withCost < cost[k - 1])) {
      count[k] = withCount;
      cost[k] = withCost;
      take[k] = 1;
      previous[k] = before;
    } else {
      count[k] = count[k - 1];
      cost[k] = cost[k - 1];
      previous[k] = k - 1;
    }
  }
  const day: number[] = [];
  for (let k = es.length; k > 0; k = previous[k]) if (take[k]) day.push(p.edges[es[k - 1]].needIndex);
  return day.reverse();
}

/**
 * Each helper's candidate edges by their needs' end (stable), and for each edge how many of the
 * helper's edges end by its start: a helper's most valuable day under any gains is then one pass
 * over its edges (weighted interval scheduling), with no sort and no allocation but the answer.
 * The segment search asks for every helper's day every other round, the price search on every
 * iteration.
 */
class HelperDays {
  /** The helpers, in the order of `byHelper`; slot k of the arrays below is helpers[k]. */
  readonly helpers: number[];
  private readonly from: Int32Array;
  private readonly edge: Int32Array;
  private readonly before: Int32Array;
  private readonly value: Float64Array;
  private readonly take: Uint8Array;
  private readonly previous: Int32Array;

  constructor(
    private readonly p: Problem,
    byHelper: ReadonlyMap<number, readonly number[]>,
  ) {
    this.helpers = [...byHelper.keys()];
    this.from = new Int32Array(this.helpers.length + 1);
    let total = 0;
    let widest = 0;
    this.helpers.forEach((j, k) => {
      const count = (byHelper.get(j) as number[]).length;
      total += count;
      widest = Math.max(widest, count);
      this.from[k + 1] = total;
    });
    this.edge = new Int32Array(total);
    this.before = new Int32Array(total);
    this.helpers.forEach((j, k) => {
      const sorted = [...(byHelper.get(j) as number[])].sort(
        (a, b) => p.end[p.edgeNeed[a]] - p.end[p.edgeNeed[b]],
      );
      const ends = sorted.map((e) => p.end[p.edgeNeed[e]]);
      sorted.forEach((e, t) => {
        this.edge[this.from[k] + t] = e;
        this.before[this.from[k] + t] = countUpTo(ends, p.start[p.edgeNeed[e]], false);
      });
    });
    this.value = new Float64Array(widest + 1);
    this.take = new Uint8Array(widest + 1);
    this.previous = new Int32Array(widest + 1);
  }

  /**
   * The needs of helper slot k's most valuable day: those that do not overlap with the largest
   * total gain, counting only gains above zero. In time order.
   */
  bestDay(k: number, gain: (e: number) => number): number[] {
    const { value, take, previous, edge, before } = this;
    const first = this.from[k];
    const count = this.from[k + 1] - first;
    value[0] = 0;
    for (let t = 1; t <= count; t++) {
      const position = first + t - 1;
      const g = gain(edge[position]);
      const withIt = value[before[position]] + g;
      if (g > 0 && withIt > value[t - 1]) {
        value[t] = withIt;
        take[t] = 1;
        previous[t] = before[position];
      } else {
        value[t] = value[t - 1];
        take[t] = 0;
        previous[t] = t - 1;
      }
    }
    const day: number[] = [];
    for (let t = count; t > 0; t = previous[t]) if (take[t]) day.push(this.p.edgeNeed[edge[first + t - 1]]);
    return day.reverse();
  }
}

/** The usable edges of each helper, in the order of p.usable. */
function edgesByHelper(p: Problem): Map<number, number[]> {
  const byHelper = new Map<number, number[]>();
  for (const e of p.usable) {
    const list = byHelper.get(p.edges[e].helperIndex);
    if (list) list.push(e);
    else byHelper.set(p.edges[e].helperIndex, [e]);
  }
  return byHelper;
}

/** Reused arrays for the networks of the searches: at most one flow edge per usable edge. */
interface NetworkBuffers {
  flow: FlowEdges;
  /** The problem's edge behind each flow edge. */
  edgeIds: Int32Array;
}

function networkBuffersFor(p: Problem): NetworkBuffers {
  return { flow: flowEdgesFor(p.usable.length), edgeIds: new Int32Array(p.usable.length) };
}

/**
 * The plan of one exact min-cost flow where each helper has one unit per segment of its day
 * between cuts, and only the candidate needs no cut crosses. `cutsOf(j, inside)` gives helper j's
 * cuts (`inside(c)`: c falls within one of its needs in `choice`). With `keepPlan`, a cut is
 * added in every gap between two of the helper's needs that has none, so that `choice` is one of
 * the network's solutions and the plan is never worse (before the budgets, enforced after).
 */
function planBetweenCuts(
  p: Problem,
  choice: Choice,
  byHelper: ReadonlyMap<number, readonly number[]>,
  cutsOf: (j: number, inside: (c: number) => boolean) => number[],
  keepPlan: boolean,
  { flow, edgeIds }: NetworkBuffers,
): Choice {
  const assigned = new Map<number, number[]>();
  for (let i = 0; i < p.needCount; i++) {
    if (choice[i] < 0) continue;
    const j = p.edges[choice[i]].helperIndex;
    const list = assigned.get(j);
    if (list) list.push(i);
    else assigned.set(j, [i]);
  }
  flow.count = 0;
  let nodes = 0;
  for (const [j, es] of byHelper) {
    const mine = (assigned.get(j) ?? []).sort((a, b) => p.start[a] - p.start[b]);
    const cuts = cutsOf(j, (c) => mine.some((a) => p.start[a] < c && c < p.end[a]));
    for (let k = 0; keepPlan && k + 1 < mine.length; k++) {
      const gapFrom = p.end[mine[k]];
      const gapTo = p.start[mine[k + 1]];
      if (!cuts.some((c) => c >= gapFrom && c <= gapTo)) cuts.push(gapFrom);
    }
    cuts.sort((a, b) => a - b);
    for (const e of es) {
      const i = p.edgeNeed[e];
      const segment = countUpTo(cuts, p.start[i], false);
      if (countUpTo(cuts, p.end[i], true) !== segment) continue; // a cut crosses it
      edgeIds[flow.count] = e;
      addFlowEdge(flow, i, nodes + segment, p.edgeCost[e]);
    }
    nodes += cuts.length + 1;
  }
  const trial = choiceOf(p, solveAssignmentFlow(p.needCount, nodes, flow), edgeIds);
  repairBudgets(p, trial);
  return trial;
}

/** An unserved need is worth more than any cost: serving comes first. */
function unservedWorthOf(p: Problem): number {
  return 1 + p.usable.reduce((max, e) => Math.max(max, p.edgeCost[e]), 0) * 2;
}

/** Rounds of the segment search: at most this many, stopping after PATIENCE without a gain. */
const SEGMENT_ROUNDS = 10;
const SEGMENT_PATIENCE = 5;

/**
 * Large-neighbourhood search on a feasible plan. Each round cuts every helper's day at some
 * instants: between any two of its current needs at least once, never inside one, and elsewhere
 * where its best day under the current plan's prices changes need (even rounds: a need is worth
 * what it costs now, far more when unserved, less what this helper would cost) or on a grid of
 * random offset and a spacing of one to three typical need lengths, each cut moved to a need's
 * start or end (odd rounds). A helper then gets one unit per segment between cuts, and only its
 * candidate needs that no cut crosses; the exact min-cost flow on that network never
 * double-books anyone, and the current plan is one of its solutions, so the round's plan is never
 * worse (before the budgets; a round that loses to them is dropped). Unlike the components of
 * step 2, the cuts split long chains of overlapping needs, so a helper can take several needs of
 * one chain. A first round starts afresh from each helper's best day alone. Returns the rounds
 * that improved.
 */
function improveBySegments(
  p: Problem,
  choice: Choice,
  { rounds, patience }: { rounds: number; patience: number },
): number {
  const byHelper = edgesByHelper(p);
  if (byHelper.size === 0) return 0;
  const lengths = [...new Set(p.usable.map((e) => p.edgeNeed[e]))]
    .map((i) => p.end[i] - p.start[i])
    .sort((a, b) => a - b);
  const typical = lengths[lengths.length >> 1];
  const unservedWorth = unservedWorthOf(p);
  const random = randomSource(0x5eed);
  const days = new HelperDays(p, byHelper);
  const slotOf = new Map(days.helpers.map((j, k) => [j, k]));
  const endpointsOf = new Map<number, number[]>();
  const idealCuts = new Map<number, number[]>();
  for (const [j, es] of byHelper) {
    const points = new Set<number>();
    for (const e of es) points.add(p.start[p.edgeNeed[e]]).add(p.end[p.edgeNeed[e]]);
    endpointsOf.set(
      j,
      [...points].sort((a, b) => a - b),
    );
    const day = bestDayOf(p, es);
    idealCuts.set(
      j,
      day.slice(1).map((i) => p.start[i]),
    );
  }
  let current = resultOf(p, choice);
  let improved = 0;
  let stale = 0;
  const buffers = networkBuffersFor(p);
  for (let round = -1; round < rounds && stale < patience; round++) {
    // Round -1 starts afresh from everyone's best day alone; the others keep the current plan.
    const fresh = round < 0;
    const spacing = typical * [1, 1.5, 2, 3][Math.max(round, 0) % 4];
    const cutsOf = (j: number, inside: (c: number) => boolean): number[] => {
      // Where the helper's own best day (ignoring everyone else) changes need: a start from
      // scratch, not bound to keep the current plan.
      if (fresh) return [...(idealCuts.get(j) as number[])];
      const cuts: number[] = [];
      if (round % 2 === 0) {
        // Where its best day under the current plan's prices changes need: a need is worth what
        // it costs now (far more when unserved) less what this helper would cost.
        const day = days.bestDay(slotOf.get(j) as number, (e) => {
          const i = p.edgeNeed[e];
          if (choice[i] === e) return 1; // its own: kept unless something better overlaps
          return (choice[i] < 0 ? unservedWorth : p.edgeCost[choice[i]]) - p.edgeCost[e];
        });
        for (const i of day.slice(1)) if (!inside(p.start[i])) cuts.push(p.start[i]);
        return cuts;
      }
      // A grid of random offset, each cut moved to the nearest start or end of one of the
      // helper's candidate needs (a cut there crosses fewer of them).
      const points = endpointsOf.get(j) as number[];
      const from = points[0];
      const to = points[points.length - 1];
      for (let c = from + random() * spacing; c < to; c += spacing) {
        const k = countUpTo(points, c, true);
        const near =
          k === 0
            ? points[0]
            : k === points.length
              ? points[k - 1]
              : points[k] - c < c - points[k - 1]
                ? points[k]
                : points[k - 1];
        if (!inside(near)) cuts.push(near);
      }
      return cuts;
    };
    const trial = planBetweenCuts(p, choice, byHelper, cutsOf, !fresh, buffers);
    const candidate = resultOf(p, trial);
    if (better(candidate, current)) {
      choice.set(trial);
      current = candidate;
      improved++;
      stale = 0;
    } else {
      stale++;
    }
  }
  return improved;
}

/** Iterations of the price search, with a flow every PRICE_FLOW_EVERY of them. */
const PRICE_ITERATIONS = 100;
const PRICE_FLOW_EVERY = 20;
/** The prices' first step, as a share of the plan's mean cost per need, and its decay per iteration. */
const PRICE_FIRST_STEP = 0.4;
const PRICE_DECAY = 0.97;

/**
 * Price search, after the others: a Lagrangian relaxation of "each need served at most once",
 * by subgradient steps. Each need has a price, at first what it costs in the plan (far more when
 * unserved); every helper takes its most valuable day under the prices (a need's price less what
 * this helper would cost), ignoring the other helpers; then a need that several helpers took gets
 * cheaper, and one that nobody took dearer, by a step that shrinks. The days so move toward those
 * of the LP relaxation's optimum, which on bench:matching's instances is integral. Every few
 * iterations, a flow with each helper's day cut where its best day under the prices changes need,
 * keeping the plan (planBetweenCuts: never worse). It finds the long chains of moves that neither
 * the segment search, whose prices are the plan's own, nor the exchanges reach: on a bench
 * instance the plan differed from the optimum in one chain of 220 needs over 207 helpers.
 * Deterministic. Returns the flows that improved the plan.
 */
function improveByPrices(p: Problem, choice: Choice, iterations: number): number {
  const byHelper = edgesByHelper(p);
  if (byHelper.size === 0) return 0;
  const days = new HelperDays(p, byHelper);
  const unservedWorth = unservedWorthOf(p);
  const candidate = new Uint8Array(p.needCount);
  for (const e of p.usable) candidate[p.edgeNeed[e]] = 1;
  const price = new Float64Array(p.needCount);
  let served = 0;
  let costs = 0;
  for (let i = 0; i < p.needCount; i++) {
    if (choice[i] >= 0) {
      price[i] = p.edgeCost[choice[i]];
      served++;
      costs += price[i];
    } else {
      price[i] = unservedWorth;
    }
  }
  let step = Math.max(1, (PRICE_FIRST_STEP * costs) / Math.max(served, 1));
  const gain = (e: number) => price[p.edgeNeed[e]] - p.edgeCost[e];
  const takenBy = new Int32Array(p.needCount);
  const bestDays = new Map<number, number[]>();
  const buffers = networkBuffersFor(p);
  let current = resultOf(p, choice);
  let improved = 0;
  for (let iteration = 1; iteration <= iterations; iteration++) {
    takenBy.fill(0);
    days.helpers.forEach((j, k) => {
      const day = days.bestDay(k, gain);
      bestDays.set(j, day);
      for (const i of day) takenBy[i]++;
    });
    if (iteration % PRICE_FLOW_EVERY === 0) {
      const cutsOf = (j: number, inside: (c: number) => boolean) =>
        (bestDays.get(j) as number[])
          .slice(1)
          .map((i) => p.start[i])
          .filter((c) => !inside(c));
      const trial = planBetweenCuts(p, choice, byHelper, cutsOf, true, buffers);
      const result = resultOf(p, trial);
      if (better(result, current)) {
        choice.set(trial);
        current = result;
        improved++;
      }
    }
    for (let i = 0; i < p.needCount; i++) {
      if (candidate[i]) price[i] = Math.min(unservedWorth, Math.max(0, price[i] + step * (1 - takenBy[i])));
    }
    step *= PRICE_DECAY;
  }
  return improved;
}

/** Passes of the exchange search: at most this many (each a sweep over every served need). */
const EXCHANGE_PASSES = 8;

/**
 * Local search by exchanges, after the segment search: for each served need, in need order, the
 * best of (a) moving it to a cheaper candidate helper who is free then, with budget left, and (b)
 * moving it to a cheaper candidate helper busy with exactly one overlapping need, that need going
 * to one of its own candidates who is free then (possibly the first need's helper: a swap). No
 * need is ever unserved, and each move lowers the total travel, so fill and feasibility hold and
 * the plan only improves. The segment search's flows cannot insert a need into the gap between
 * two of a helper's needs, nor chain two helpers' changes across its cuts; these moves can.
 * Deterministic. Returns the moves made.
 */
function improveByExchanges(p: Problem, choice: Choice, passes: number): number {
  const byNeed: number[][] = Array.from({ length: p.needCount }, () => []);
  for (const e of p.usable) byNeed[p.edges[e].needIndex].push(e);
  for (const list of byNeed) list.sort((a, b) => p.edges[a].cost - p.edges[b].cost || a - b);
  const schedule: number[][] = Array.from({ length: p.helperCount }, () => []);
  const left = new Map(p.budget);
  const length = (i: number) => p.end[i] - p.start[i];
  for (let i = 0; i < p.needCount; i++) {
    if (choice[i] < 0) continue;
    const j = p.edges[choice[i]].helperIndex;
    schedule[j].push(i);
    const key = budgetKey(j, p.period[i]);
    const budget = left.get(key);
    if (budget !== undefined) left.set(key, budget - length(i));
  }
  const budgetLeft = (j: number, period: number) => left.get(budgetKey(j, period)) ?? Infinity;
  const adjust = (j: number, i: number, sign: 1 | -1) => {
    const key = budgetKey(j, p.period[i]);
    const budget = left.get(key);
    if (budget !== undefined) left.set(key, budget - sign * length(i));
  };
  const move = (i: number, e: number) => {
    const from = p.edges[choice[i]].helperIndex;
    const to = p.edges[e].helperIndex;
    schedule[from].splice(schedule[from].indexOf(i), 1);
    adjust(from, i, -1);
    schedule[to].push(i);
    adjust(to, i, 1);
    choice[i] = e;
  };
  /** Need k fits helper j if `gone` (a need of j's leaving it, or -1) is not there. */
  const fits = (j: number, k: number, gone: number) => {
    for (const other of schedule[j]) if (other !== gone && overlaps(p, k, other)) return false;
    const freed = gone >= 0 && p.period[gone] === p.period[k] ? length(gone) : 0;
    return length(k) <= budgetLeft(j, p.period[k]) + freed;
  };
  let moves = 0;
  for (let pass = 0; pass < passes; pass++) {
    let movedThisPass = 0;
    for (let i = 0; i < p.needCount; i++) {
      if (choice[i] < 0) continue;
      const now = p.edges[choice[i]].cost;
      const a = p.edges[choice[i]].helperIndex;
      let bestGain = 0;
      let bestE = -1;
      let bestK = -1;
      let bestF = -1;
      for (const e of byNeed[i]) {
        const saving = now - p.edges[e].cost;
        if (saving <= bestGain) break; // sorted by cost: no cheaper helper left
        const b = p.edges[e].helperIndex;
        if (b === a) continue;
        let conflict = -1;
        let conflicts = 0;
        for (const other of schedule[b]) {
          if (overlaps(p, i, other)) {
            conflict = other;
            if (++conflicts > 1) break;
          }
        }
        if (conflicts === 0) {
          if (length(i) <= budgetLeft(b, p.period[i])) {
            bestGain = saving;
            bestE = e;
            bestK = -1;
          }
          continue;
        }
        if (conflicts > 1) continue;
        // b takes i instead of k: within b's budget once k has left?
        const k = conflict;
        const freedOnB = p.period[k] === p.period[i] ? length(k) : 0;
        if (length(i) > budgetLeft(b, p.period[i]) + freedOnB) continue;
        const kCost = p.edges[choice[k]].cost;
        for (const f of byNeed[k]) {
          const gain = saving + kCost - p.edges[f].cost;
          if (gain <= bestGain) break;
          const c = p.edges[f].helperIndex;
          if (c === b) continue;
          if (!fits(c, k, c === a ? i : -1)) continue;
          bestGain = gain;
          bestE = e;
          bestK = k;
          bestF = f;
          break; // the cheapest place for k that fits
        }
      }
      if (bestE < 0) continue;
      if (bestK >= 0) {
        // Out of b first, so that b's budget has room for i; then i to b, k to its new helper.
        move(bestK, bestF);
        move(i, bestE);
      } else {
        move(i, bestE);
      }
      moves++;
      movedThisPass++;
    }
    if (movedThisPass === 0) break;
  }
  return moves;
}

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
