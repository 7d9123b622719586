import autocannon from 'autocannon';
import type { Operation } from './workload';

export interface PlannedRequest {
  operation: Operation | 'baseline';
  path: string;
  body: string;
  token?: string;
}

export interface PhaseOptions {
  url: string;
  seconds: number;
  /** Closed loop: this many connections send as fast as answers come back. */
  connections?: number;
  /** Open loop: this many requests per second, spread evenly over the second. */
  ratePerSecond?: number;
  next: () => PlannedRequest;
  /** Null when the answer is good, else a short reason (status or error code). */
  check: (status: number, body: string) => string | null;
}

export interface OperationStats {
  count: number;
  errors: number;
  latencies: number[];
}

export interface PhaseResult {
  seconds: number;
  completed: number;
  errors: number;
  socketErrors: number;
  timeouts: number;
  latencies: number[];
  byOperation: Map<string, OperationStats>;
  /** A few reasons with their counts, for the report. */
  reasons: Map<string, number>;
}

/** Staggered groups of one-request-per-second connections: an even open-loop arrival rate. */
const RATE_GROUPS = 40;

/**
 * Runs one phase with autocannon. Every answer is checked (status, then GraphQL errors); latencies
 * are kept raw so p95 is exact (autocannon's histogram reports p90 and p97.5, not p95).
 */
export async function runPhase(options: PhaseOptions): Promise<PhaseResult> {
  const result: PhaseResult = {
    seconds: options.seconds,
    completed: 0,
    errors: 0,
    socketErrors: 0,
    timeouts: 0,
    latencies: [],
    byOperation: new Map(),
    reasons: new Map(),
  };
  // autocannon calls onResponse and then emits 'response' synchronously for the same answer.
  let answered: { operation: string; failure: string | null } | null = null;

  const request: autocannon.Request = {
    method: 'POST',
    setupRequest: (base, context) => {
      const planned = options.next();
      context.operation = planned.operation;
      const headers: Record<string, string> = { 'content-type': 'application/json', 'accept-language': 'it' };
      if (planned.token) headers.authorization = `Bearer ${planned.token}`;
      return { ...base, method: 'POST', path: planned.path, headers, body: planned.body };
    },
    onResponse: (status, body, context) => {
      answered = { operation: String(context.operation), failure: options.check(status, body) };
    },
  };

  const start = (connections: number, overallRate?: number): autocannon.Instance => {
    const instance = autocannon({
      url: options.url,
      connections,
      overallRate,
      duration: options.seconds,
      timeout: 10,
      requests: [request],
    });
    instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
      const outcome = answered ?? { operation: 'unknown', failure: null };
      answered = null;
      result.completed += 1;
      result.latencies.push(responseTime);
      let stats = result.byOperation.get(outcome.operation);
      if (!stats) {
        stats = { count: 0, errors: 0, latencies: [] };
        result.byOperation.set(outcome.operation, stats);
      }
      stats.count += 1;
      stats.latencies.push(responseTime);
      if (outcome.failure) {
        result.errors += 1;
        stats.errors += 1;
        const key = `${outcome.operation}: ${outcome.failure}`;
        result.reasons.set(key, (result.reasons.get(key) ?? 0) + 1);
      }
    });
    return instance;
  };

  const instances: Promise<autocannon.Result>[] = [];
  if (options.ratePerSecond) {
    // autocannon paces each connection by whole seconds, all aligned: one group would fire its
    // requests in a burst at the start of every second. Starting groups a slice of a second apart
    // spreads the arrivals evenly.
    const perGroup = Math.max(1, Math.round(options.ratePerSecond / RATE_GROUPS));
    for (let group = 0; group < RATE_GROUPS; group += 1) {
      instances.push(Promise.resolve(start(perGroup, perGroup)));
      await delay(1000 / RATE_GROUPS);
    }
  } else {
    instances.push(Promise.resolve(start(options.connections ?? 10)));
  }
  for (const summary of await Promise.all(instances)) {
    result.socketErrors += summary.errors;
    result.timeouts += summary.timeouts;
  }
  // Socket errors and timeouts are errors too (they never reach onResponse).
  result.errors += result.socketErrors;
  return result;
}

export function percentile(values: number[], fraction: number): number {
  if (!values.length) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))];
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
