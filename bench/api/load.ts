import { Agent, ClientRequest, request as httpRequest } from 'node:http';
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
  /**
   * Open loop: this many requests per second on a fixed schedule (request i is due at
   * start + i / rate), whatever the server's answers do.
   */
  ratePerSecond?: number;
  /** Open loop: keep-alive connections at most (more requests wait for one, their clock running). */
  maxSockets?: number;
  next: () => PlannedRequest;
  /** Null when the answer is good, else a short reason (status or error code). */
  check: (status: number, body: string) => string | null;
}

export interface OperationStats {
  count: number;
  errors: number;
  latencies: number[];
  /** Intended start of each entry of `latencies`, ms from the phase's start. */
  dueAt: number[];
}

export interface PhaseResult {
  seconds: number;
  /** Requests the schedule asked for (open loop) or sent (closed loop). */
  offered: number;
  completed: number;
  errors: number;
  socketErrors: number;
  timeouts: number;
  /** Open loop: still waiting for an answer (or for a connection) when the phase gave up on them. */
  unanswered: number;
  /**
   * Per answered request in schedule order: ms from its intended start (open loop) or from its
   * send (closed loop) to the end of its answer.
   */
  latencies: number[];
  /** Intended start of each entry of `latencies`, ms from the phase's start. */
  dueAt: number[];
  /** Open loop: how late the generator itself sent requests (ms, p99), a check on the generator. */
  sendLagP99: number;
  /** ms from the phase's start to the last answer (the served rate's denominator). */
  elapsedMs: number;
  byOperation: Map<string, OperationStats>;
  /** A few reasons with their counts, for the report. */
  reasons: Map<string, number>;
}

const TIMEOUT_MS = 10_000;
/**
 * Open loop: how long after the last due request the phase waits for answers. What is still
 * unanswered then (queued behind a saturated server) counts as an error, with its wait so far as
 * its latency (a lower bound), so a run on a swamped machine ends in minutes, not in a long drain.
 */
const DRAIN_MS = 10_000;

/**
 * Runs one phase with a small generator of our own on node:http keep-alive connections.
 *
 * Open loop (`ratePerSecond`): requests go out on a fixed schedule whatever the answers do, and
 * each latency counts from the moment its request was due, not from when it could be sent: a
 * server that falls behind (or a generator that does) shows up in full, with no coordinated
 * omission (autocannon, like most closed-loop tools, waits for an answer before the next request
 * of a connection and so hides the queue). Every answer is checked (status, then GraphQL errors);
 * latencies are kept raw so percentiles are exact.
 */
export async function runPhase(options: PhaseOptions): Promise<PhaseResult> {
  const target = new URL(options.url);
  const openLoop = !!options.ratePerSecond;
  const agent = new Agent({
    keepAlive: true,
    maxSockets: openLoop ? (options.maxSockets ?? 64) : (options.connections ?? 10),
  });
  const result: PhaseResult = {
    seconds: options.seconds,
    offered: 0,
    completed: 0,
    errors: 0,
    socketErrors: 0,
    timeouts: 0,
    unanswered: 0,
    latencies: [],
    dueAt: [],
    sendLagP99: 0,
    elapsedMs: 0,
    byOperation: new Map(),
    reasons: new Map(),
  };
  // Answers arrive out of order; keep them by schedule index, then flatten.
  const answers: { due: number; latency: number }[] = [];
  const start = performance.now();
  const phaseMs = options.seconds * 1000;

  /** Open loop: requests sent and not answered yet, by schedule index. */
  const outstanding = new Map<number, { due: number; operation: string; sent?: ClientRequest }>();
  let closed = false;
  const record = (index: number, due: number, operation: string, failure: string | null) => {
    if (closed) return;
    outstanding.delete(index);
    const now = performance.now();
    const latency = now - start - due;
    answers[index] = { due, latency };
    result.completed += 1;
    let stats = result.byOperation.get(operation);
    if (!stats) {
      stats = { count: 0, errors: 0, latencies: [], dueAt: [] };
      result.byOperation.set(operation, stats);
    }
    stats.count += 1;
    stats.latencies.push(latency);
    stats.dueAt.push(due);
    if (failure) {
      result.errors += 1;
      stats.errors += 1;
      const key = `${operation}: ${failure}`;
      result.reasons.set(key, (result.reasons.get(key) ?? 0) + 1);
    }
    result.elapsedMs = Math.max(result.elapsedMs, now - start);
  };

  const send = (index: number, due: number): Promise<void> => {
    const planned = options.next();
    outstanding.set(index, { due, operation: planned.operation });
    const headers: Record<string, string | number> = {
      'content-type': 'application/json',
      'accept-language': 'it',
      'content-length': Buffer.byteLength(planned.body),
    };
    if (planned.token) headers.authorization = `Bearer ${planned.token}`;
    return new Promise((done) => {
      const sent = httpRequest(
        {
          agent,
          host: target.hostname,
          port: target.port,
          method: 'POST',
          path: planned.path,
          headers,
          timeout: TIMEOUT_MS,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            record(
              index,
              due,
              planned.operation,
              options.check(response.statusCode ?? 0, Buffer.concat(chunks).toString('utf8')),
            );
            done();
          });
          response.on('error', () => {
            if (closed) return done();
            record(index, due, planned.operation, 'socket error');
            result.socketErrors += 1;
            done();
          });
        },
      );
      sent.on('timeout', () => {
        result.timeouts += 1;
        sent.destroy(new Error('timeout'));
      });
      sent.on('error', (error) => {
        // Aborted at the end of the phase: already counted as unanswered.
        if (closed) return done();
        if (error.message !== 'timeout') result.socketErrors += 1;
        record(index, due, planned.operation, error.message === 'timeout' ? 'timeout' : 'socket error');
        done();
      });
      const entry = outstanding.get(index);
      if (entry) entry.sent = sent;
      sent.end(planned.body);
    });
  };

  const inFlight = new Set<Promise<void>>();
  const track = (promise: Promise<void>) => {
    inFlight.add(promise);
    void promise.then(() => inFlight.delete(promise));
  };

  if (openLoop) {
    const interval = 1000 / (options.ratePerSecond as number);
    const total = Math.floor(phaseMs / interval);
    const lags: number[] = [];
    let index = 0;
    while (index < total) {
      const now = performance.now() - start;
      // Everything already due goes out now, each still timed from its own due moment.
      while (index < total && index * interval <= now) {
        const due = index * interval;
        lags.push(now - due);
        track(send(index, due));
        index += 1;
      }
      const wait = index * interval - (performance.now() - start);
      await new Promise((wake) => (wait >= 2 ? setTimeout(wake, Math.floor(wait)) : setImmediate(wake)));
    }
    result.offered = total;
    result.sendLagP99 = percentile(lags, 0.99);
  } else {
    let index = 0;
    const loop = async () => {
      while (performance.now() - start < phaseMs) {
        const i = index;
        index += 1;
        const sentAt = performance.now() - start;
        await send(i, sentAt);
      }
    };
    await Promise.all(Array.from({ length: options.connections ?? 10 }, loop));
    result.offered = index;
  }
  let drained: NodeJS.Timeout | undefined;
  await Promise.race([
    Promise.all(inFlight),
    new Promise<void>((wake) => (drained = setTimeout(wake, openLoop ? DRAIN_MS : TIMEOUT_MS + 1000))),
  ]);
  clearTimeout(drained);
  const left = [...outstanding.values()].map((entry) => entry.sent);
  for (const [index, { due, operation }] of outstanding) {
    record(index, due, operation, 'unanswered at the end of the phase');
    result.unanswered += 1;
  }
  closed = true;
  // Abort what is left, those still queued in the agent included: destroying the agent alone closes
  // its sockets, and it then opened new ones for its queue, so a saturated phase went on sending
  // its backlog to the server during the next phases.
  for (const sent of left) sent?.destroy();
  agent.destroy();

  for (const answer of answers) {
    if (!answer) continue;
    result.latencies.push(answer.latency);
    result.dueAt.push(answer.due);
  }
  if (!openLoop) result.elapsedMs = Math.max(result.elapsedMs, phaseMs);
  return result;
}

/** Requests answered per second, over the phase or until the last answer, whichever is longer. */
export function servedRate(result: PhaseResult): number {
  return (result.completed - result.unanswered) / (Math.max(result.elapsedMs, result.seconds * 1000) / 1000);
}

export function percentile(values: number[], fraction: number): number {
  if (!values.length) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))];
}
