// Step 4 of the timed assignment (timed-assignment.ts): the exchange search, moves and ejection chains
// of two that lower travel and serve the same needs.

import { budgetKey, Choice, overlaps, Problem } from './timed-problem';

/** Passes of the exchange search: at most this many (each a sweep over every served need). */
export const EXCHANGE_PASSES = 8;

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
export function improveByExchanges(p: Problem, choice: Choice, passes: number): number {
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
