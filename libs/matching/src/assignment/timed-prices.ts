// Step 5 of the timed assignment (timed-assignment.ts): the price search, a Lagrangian relaxation of
// "each need served once" with an exact flow every few steps.

import { better, Choice, Problem, resultOf } from './timed-problem';
import {
  edgesByHelper,
  HelperDays,
  networkBuffersFor,
  planBetweenCuts,
  unservedWorthOf,
} from './timed-segments';

/** Iterations of the price search, with a flow every PRICE_FLOW_EVERY of them. */
export const PRICE_ITERATIONS = 100;
export const PRICE_FLOW_EVERY = 20;
/** The prices' first step, as a share of the plan's mean cost per need, and its decay per iteration. */
export const PRICE_FIRST_STEP = 0.4;
export const PRICE_DECAY = 0.97;

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
export function improveByPrices(p: Problem, choice: Choice, iterations: number): number {
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
