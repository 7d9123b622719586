// Step 3 of the timed assignment (timed-assignment.ts): the segment search, a large-neighbourhood
// search whose every step is an exact min-cost flow on helpers' days cut into segments.

import { FlowEdges, solveAssignmentFlow } from './batch-assignment';
import {
  addFlowEdge,
  better,
  Choice,
  choiceOf,
  flowEdgesFor,
  Problem,
  repairBudgets,
  resultOf,
} from './timed-problem';

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32): the same plan run after run. */
export function randomSource(seed: number): () => number {
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
export function countUpTo(sorted: readonly number[], x: number, strict: boolean): number {
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
export function bestDayOf(p: Problem, edgeIds: readonly number[]): number[] {
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
export class HelperDays {
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
export function edgesByHelper(p: Problem): Map<number, number[]> {
  const byHelper = new Map<number, number[]>();
  for (const e of p.usable) {
    const list = byHelper.get(p.edges[e].helperIndex);
    if (list) list.push(e);
    else byHelper.set(p.edges[e].helperIndex, [e]);
  }
  return byHelper;
}

/** Reused arrays for the networks of the searches: at most one flow edge per usable edge. */
export interface NetworkBuffers {
  flow: FlowEdges;
  /** The problem's edge behind each flow edge. */
  edgeIds: Int32Array;
}

export function networkBuffersFor(p: Problem): NetworkBuffers {
  return { flow: flowEdgesFor(p.usable.length), edgeIds: new Int32Array(p.usable.length) };
}

/**
 * The plan of one exact min-cost flow where each helper has one unit per segment of its day
 * between cuts, and only the candidate needs no cut crosses. `cutsOf(j, inside)` gives helper j's
 * cuts (`inside(c)`: c falls within one of its needs in `choice`). With `keepPlan`, a cut is
 * added in every gap between two of the helper's needs that has none, so that `choice` is one of
 * the network's solutions and the plan is never worse (before the budgets, enforced after).
 */
export function planBetweenCuts(
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
export function unservedWorthOf(p: Problem): number {
  return 1 + p.usable.reduce((max, e) => Math.max(max, p.edgeCost[e]), 0) * 2;
}

/** Rounds of the segment search: at most this many, stopping after PATIENCE without a gain. */
export const SEGMENT_ROUNDS = 10;
export const SEGMENT_PATIENCE = 5;

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
export function improveBySegments(
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
