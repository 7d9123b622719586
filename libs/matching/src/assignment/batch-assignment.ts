// Batch assignment of needs (rides) to helpers (drivers) for one time slot.
//
// Goal, in this order: serve as many needs as possible, then minimise the total
// travel cost, never exceeding a helper's capacity and only along given edges
// (an edge exists only where every hard constraint already holds).
//
// Algorithm: min-cost flow by successive shortest paths with Dijkstra on reduced
// costs (Johnson potentials), written for this sparse bipartite graph:
//   source → need (cap 1) → helper (cap 1, cost = metres) → sink (cap = capacity)
// plus a "not served" edge need → sink of cost M, larger than any possible sum of
// real costs, so one more served need always beats any saving in metres. Every need
// then routes one unit, and min cost ⇔ max served, then min metres.
// Needs are augmented one at a time (Jonker–Volgenant style): Dijkstra starts at the
// new need and stops at the sink, touching only the nodes closer than the shortest
// augmenting path, which keeps each step local on geographic instances. Potentials
// keep reduced costs non-negative on every residual edge, which is the optimality
// certificate; each step preserves it, so the final flow is optimal.
// Chosen over npm packages because the maintained ones (munkres, linear-sum-assignment)
// take a dense cost matrix (10M cells at 2,000 × 5,000, O(n²m) time) and have no
// helper capacities; the one sparse min-cost-flow package is little used.

import { RuleInputError } from '@prossimo/platform/rules';

export class AssignmentInputError extends RuleInputError<'ASSIGNMENT_INPUT_INVALID'> {
  constructor(field: string, message: string) {
    super('ASSIGNMENT_INPUT_INVALID', field, message);
  }
}

export interface AssignmentEdge {
  needIndex: number;
  helperIndex: number;
  /** Travel cost in metres: a non-negative integer. */
  cost: number;
}

export interface BatchAssignmentInput {
  needCount: number;
  helperCount: number;
  edges: readonly AssignmentEdge[];
  /** Rides each helper can take in this slot; defaults to 1 for every helper. */
  helperCapacity?: readonly number[];
}

export interface AssignedPair {
  needIndex: number;
  helperIndex: number;
  cost: number;
  /** Index into the input edges, to recover per-edge metadata. */
  edgeIndex: number;
}

export interface BatchAssignmentResult {
  /** Helper per need, -1 when the need is not served. */
  helperOfNeed: number[];
  /** Pairs ordered by needIndex. */
  pairs: AssignedPair[];
  served: number;
  totalCost: number;
}

interface PreparedGraph {
  needCount: number;
  helperCount: number;
  capacity: Int32Array;
  /** CSR by need: positions needStart[i] .. needStart[i+1]-1. */
  needStart: Int32Array;
  posNeed: Int32Array;
  posHelper: Int32Array;
  posCost: Float64Array;
  posEdge: Int32Array;
  /** Number of edges entering each helper. */
  helperDegree: Int32Array;
}

/**
 * Edges as parallel typed arrays (the first `count` entries): what the solver works on. The
 * timed solver builds one such network per round of its search; objects per edge cost more to
 * allocate and collect than the flow itself.
 */
export interface FlowEdges {
  count: number;
  need: Int32Array;
  helper: Int32Array;
  cost: Float64Array;
}

/** Checks counts, edges and capacities; returns them as the solver's arrays. */
function validated(input: BatchAssignmentInput): { edges: FlowEdges; capacity: Int32Array } {
  const { needCount, helperCount, edges } = input;
  if (!Number.isSafeInteger(needCount) || needCount < 0) {
    throw new AssignmentInputError('needCount', 'needCount must be a non-negative integer');
  }
  if (!Number.isSafeInteger(helperCount) || helperCount < 0) {
    throw new AssignmentInputError('helperCount', 'helperCount must be a non-negative integer');
  }
  const capacity = new Int32Array(helperCount).fill(1);
  if (input.helperCapacity !== undefined) {
    if (input.helperCapacity.length !== helperCount) {
      throw new AssignmentInputError('helperCapacity', 'helperCapacity must have one entry per helper');
    }
    input.helperCapacity.forEach((value, j) => {
      if (!Number.isInteger(value) || value < 0 || value > 0x7fffffff) {
        throw new AssignmentInputError(`helperCapacity[${j}]`, 'capacity must be a non-negative integer');
      }
      capacity[j] = value;
    });
  }
  const count = edges.length;
  const flow: FlowEdges = {
    count,
    need: new Int32Array(count),
    helper: new Int32Array(count),
    cost: new Float64Array(count),
  };
  for (let e = 0; e < count; e++) {
    const { needIndex, helperIndex, cost } = edges[e];
    if (!Number.isInteger(needIndex) || needIndex < 0 || needIndex >= needCount) {
      throw new AssignmentInputError(`edges[${e}].needIndex`, 'needIndex out of range');
    }
    if (!Number.isInteger(helperIndex) || helperIndex < 0 || helperIndex >= helperCount) {
      throw new AssignmentInputError(`edges[${e}].helperIndex`, 'helperIndex out of range');
    }
    // Non-negative costs let the initial zero potentials be valid.
    if (!Number.isSafeInteger(cost) || cost < 0) {
      throw new AssignmentInputError(`edges[${e}].cost`, 'cost must be a non-negative integer');
    }
    flow.need[e] = needIndex;
    flow.helper[e] = helperIndex;
    flow.cost[e] = cost;
  }
  return { edges: flow, capacity };
}

/** The CSR graph of valid edges (see validated, or a caller that builds them valid). */
function prepare(
  needCount: number,
  helperCount: number,
  edges: FlowEdges,
  capacity: Int32Array,
): PreparedGraph {
  const edgeCount = edges.count;
  const needStart = new Int32Array(needCount + 1);
  const helperDegree = new Int32Array(helperCount);
  for (let e = 0; e < edgeCount; e++) {
    needStart[edges.need[e] + 1]++;
    helperDegree[edges.helper[e]]++;
  }
  for (let i = 0; i < needCount; i++) needStart[i + 1] += needStart[i];

  const fill = needStart.slice(0, needCount);
  const posNeed = new Int32Array(edgeCount);
  const posHelper = new Int32Array(edgeCount);
  const posCost = new Float64Array(edgeCount);
  const posEdge = new Int32Array(edgeCount);
  for (let e = 0; e < edgeCount; e++) {
    const needIndex = edges.need[e];
    const p = fill[needIndex]++;
    posNeed[p] = needIndex;
    posHelper[p] = edges.helper[e];
    posCost[p] = edges.cost[e];
    posEdge[p] = e; // edges of one need keep their input order
  }
  return { needCount, helperCount, capacity, needStart, posNeed, posHelper, posCost, posEdge, helperDegree };
}

function buildResult(graph: PreparedGraph, needPos: Int32Array): BatchAssignmentResult {
  const helperOfNeed: number[] = new Array<number>(graph.needCount).fill(-1);
  const pairs: AssignedPair[] = [];
  let totalCost = 0;
  for (let i = 0; i < graph.needCount; i++) {
    const p = needPos[i];
    if (p < 0) continue;
    const helperIndex = graph.posHelper[p];
    helperOfNeed[i] = helperIndex;
    pairs.push({ needIndex: i, helperIndex, cost: graph.posCost[p], edgeIndex: graph.posEdge[p] });
    totalCost += graph.posCost[p];
  }
  return { helperOfNeed, pairs, served: pairs.length, totalCost };
}

/** Throws AssignmentInputError where solveBatchAssignment would (counts, edges, capacities). */
export function validateAssignmentInput(input: BatchAssignmentInput): void {
  validated(input);
}

// needPos values besides CSR positions.
const UNPROCESSED = -1;
const UNSERVED = -2;

/** Optimal assignment: maximum needs served, then minimum total cost. */
export function solveBatchAssignment(input: BatchAssignmentInput): BatchAssignmentResult {
  const { edges, capacity } = validated(input);
  const graph = prepare(input.needCount, input.helperCount, edges, capacity);
  return buildResult(graph, solve(graph));
}

/**
 * The same on edges the caller built valid (indices in range, costs non-negative integers), one
 * unit per helper: the edge (index into `edges`) each need takes, -1 when it is not served.
 */
export function solveAssignmentFlow(needCount: number, helperCount: number, edges: FlowEdges): Int32Array {
  const graph = prepare(needCount, helperCount, edges, new Int32Array(helperCount).fill(1));
  const needPos = solve(graph);
  const chosen = new Int32Array(needCount).fill(-1);
  for (let i = 0; i < needCount; i++) if (needPos[i] >= 0) chosen[i] = graph.posEdge[needPos[i]];
  return chosen;
}

/** Successive shortest paths (see the top of this file): the CSR position each need takes. */
function solve(graph: PreparedGraph): Int32Array {
  const {
    needCount: N,
    helperCount: H,
    capacity,
    needStart,
    posNeed,
    posHelper,
    posCost,
    helperDegree,
  } = graph;

  // M > Σ (max cost of each need): serving one more need outweighs any cost change.
  let bigM = 1;
  for (let i = 0; i < N; i++) {
    let max = 0;
    for (let p = needStart[i]; p < needStart[i + 1]; p++) if (posCost[p] > max) max = posCost[p];
    bigM += max;
  }
  // Potentials stay in [-M, 0] (an assigned need's dummy edge keeps its reduced cost
  // ≥ 0) and distances below M, so every sum here is an exact integer in a double.
  if (bigM > 2 ** 50) throw new AssignmentInputError('edges', 'costs too large to optimise exactly');

  // Each helper keeps the needs assigned to it in fixed slots: it never holds more
  // than min(capacity, in-degree) of them.
  const slotStart = new Int32Array(H + 1);
  for (let j = 0; j < H; j++) slotStart[j + 1] = slotStart[j] + Math.min(capacity[j], helperDegree[j]);
  const slotNeed = new Int32Array(slotStart[H]);
  const load = new Int32Array(H);
  const needPos = new Int32Array(N).fill(UNPROCESSED);
  const needSlot = new Int32Array(N);

  // Potentials; the sink's stays 0. Free helpers keep 0 as well (see below). Need
  // potentials cancel along any path (a need is entered only by its own edge), so
  // they only order the heap; they are kept for the textbook invariant.
  const potNeed = new Float64Array(N);
  const potHelper = new Float64Array(H);

  // Dijkstra scratch, reset lazily by stamping with the current round.
  const distNeed = new Float64Array(N);
  const distHelper = new Float64Array(H);
  const seenNeed = new Int32Array(N);
  const seenHelper = new Int32Array(H);
  const doneNeed = new Int32Array(N);
  const doneHelper = new Int32Array(H);
  const predHelper = new Int32Array(H); // CSR position of the edge that reached the helper
  const visited = new Int32Array(N + H); // nodes finalised this round: need i or N + j

  // Binary min-heap of (distance, node) with lazy deletion; node = i or N + j.
  let heapKey = new Float64Array(1024);
  let heapNode = new Int32Array(1024);
  let heapSize = 0;
  const push = (key: number, node: number) => {
    if (heapSize === heapKey.length) {
      const keys = new Float64Array(heapSize * 2);
      keys.set(heapKey);
      heapKey = keys;
      const nodes = new Int32Array(heapSize * 2);
      nodes.set(heapNode);
      heapNode = nodes;
    }
    let k = heapSize++;
    while (k > 0) {
      const parent = (k - 1) >> 1;
      if (heapKey[parent] <= key) break;
      heapKey[k] = heapKey[parent];
      heapNode[k] = heapNode[parent];
      k = parent;
    }
    heapKey[k] = key;
    heapNode[k] = node;
  };
  // Removes the root; read heapKey[0] / heapNode[0] before calling.
  const popRoot = () => {
    const key = heapKey[--heapSize];
    const node = heapNode[heapSize];
    let k = 0;
    for (;;) {
      let child = 2 * k + 1;
      if (child >= heapSize) break;
      if (child + 1 < heapSize && heapKey[child + 1] < heapKey[child]) child++;
      if (heapKey[child] >= key) break;
      heapKey[k] = heapKey[child];
      heapNode[k] = heapNode[child];
      k = child;
    }
    heapKey[k] = key;
    heapNode[k] = node;
  };

  let round = 0;
  for (let source = 0; source < N; source++) {
    if (needStart[source] === needStart[source + 1]) {
      needPos[source] = UNSERVED; // no edge: nothing can ever serve it
      continue;
    }
    round++;
    heapSize = 0;
    let visitedCount = 0;
    // Best known distance to the sink, and how it is entered: a helper with spare
    // capacity (sinkHelper) or the "not served" edge of a need (sinkNeed).
    let distSink = Infinity;
    let sinkHelper = -1;
    let sinkNeed = -1;

    seenNeed[source] = round;
    distNeed[source] = 0;
    push(0, source);

    while (heapSize > 0) {
      const d = heapKey[0];
      const node = heapNode[0];
      // Everything left is at least as far as the sink: the sink is next, stop.
      if (d >= distSink) break;
      popRoot();
      if (node < N) {
        const i = node;
        if (doneNeed[i] === round) continue;
        doneNeed[i] = round;
        visited[visitedCount++] = i;
        const base = d + potNeed[i];
        const own = needPos[i];
        for (let p = needStart[i]; p < needStart[i + 1]; p++) {
          if (p === own) continue; // its current edge is saturated forwards
          const j = posHelper[p];
          if (doneHelper[j] === round) continue;
          const nd = base + posCost[p] - potHelper[j];
          if (seenHelper[j] !== round || nd < distHelper[j]) {
            seenHelper[j] = round;
            distHelper[j] = nd;
            predHelper[j] = p;
            push(nd, N + j);
          }
        }
        const viaDummy = base + bigM; // sink potential is 0
        if (viaDummy < distSink) {
          distSink = viaDummy;
          sinkNeed = i;
          sinkHelper = -1;
        }
      } else {
        const j = node - N;
        if (doneHelper[j] === round) continue;
        doneHelper[j] = round;
        visited[visitedCount++] = node;
        const base = d + potHelper[j];
        if (load[j] < capacity[j] && base < distSink) {
          distSink = base;
          sinkHelper = j;
          sinkNeed = -1;
        }
        // Backwards along assigned edges: moving a need off this helper refunds its cost.
        for (let s = slotStart[j], end = slotStart[j] + load[j]; s < end; s++) {
          const i = slotNeed[s];
          if (doneNeed[i] === round) continue;
          const nd = base - posCost[needPos[i]] - potNeed[i];
          if (seenNeed[i] !== round || nd < distNeed[i]) {
            seenNeed[i] = round;
            distNeed[i] = nd;
            push(nd, i);
          }
        }
      }
    }

    // Johnson update, shifted by -distSink so untouched nodes (and the sink) keep
    // their potential: reduced costs stay non-negative and the path gets cost 0.
    // A helper with spare capacity is never finalised before the sink, so its
    // potential stays 0, as its edge to the sink requires.
    for (let k = 0; k < visitedCount; k++) {
      const node = visited[k];
      if (node < N) potNeed[node] += distNeed[node] - distSink;
      else potHelper[node - N] += distHelper[node - N] - distSink;
    }

    // Augment along the path back from the sink. Each need on it moves to the
    // helper that reached it and takes over the slot of the need that moved on.
    let j: number;
    let slot: number;
    if (sinkHelper >= 0) {
      j = sinkHelper;
      slot = slotStart[j] + load[j]++;
    } else {
      const i = sinkNeed;
      const pos = needPos[i];
      needPos[i] = UNSERVED;
      if (pos === UNPROCESSED) continue; // the new need itself stays unserved
      j = posHelper[pos];
      slot = needSlot[i];
    }
    for (;;) {
      const p = predHelper[j];
      const i = posNeed[p];
      const oldPos = needPos[i];
      const oldSlot = needSlot[i];
      slotNeed[slot] = i;
      needSlot[i] = slot;
      needPos[i] = p;
      if (oldPos === UNPROCESSED) break; // reached the need this round started from
      j = posHelper[oldPos];
      slot = oldSlot;
    }
  }
  return needPos;
}

/**
 * Baseline for benchmarks: needs in index order each take their cheapest helper
 * with capacity left (ties: the earlier edge). Not optimal in count or cost.
 */
export function greedyAssignment(input: BatchAssignmentInput): BatchAssignmentResult {
  const { edges, capacity: capacities } = validated(input);
  const graph = prepare(input.needCount, input.helperCount, edges, capacities);
  const { needCount, capacity, needStart, posHelper, posCost } = graph;
  const left = capacity.slice();
  const needPos = new Int32Array(needCount).fill(UNSERVED);
  for (let i = 0; i < needCount; i++) {
    let best = -1;
    for (let p = needStart[i]; p < needStart[i + 1]; p++) {
      if (left[posHelper[p]] > 0 && (best < 0 || posCost[p] < posCost[best])) best = p;
    }
    if (best >= 0) {
      needPos[i] = best;
      left[posHelper[best]]--;
    }
  }
  return buildResult(graph, needPos);
}
