import { Injectable } from '@nestjs/common';

/**
 * What /ready waits for besides PostgreSQL and the queue backend: the api's warm-up
 * (apps/api/src/warm-up.ts). A process that is still warming up answers /ready with 503, so that
 * neither a load balancer nor a bench sends it traffic that would queue behind cold code.
 */
@Injectable()
export class Readiness {
  private warming = false;

  get warmingUp(): boolean {
    return this.warming;
  }

  /** Runs `work` with /ready answering 503 until it ends (also when it fails). */
  async whileWarmingUp<T>(work: () => Promise<T>): Promise<T> {
    this.warming = true;
    try {
      return await work();
    } finally {
      this.warming = false;
    }
  }
}

/**
 * The requests the api sent itself while warming up. Membership of a module-private set: nothing a
 * client sends (headers, JSON) can put a request there; only the warm-up's private server does,
 * for the requests it accepts with the process's own secret. The rate limiters skip these
 * requests, so the warm-up uses no client's budget (and writes no counters), and the request log
 * leaves them out. (A WeakSet rather than a symbol property: `symbol in req` walks Express's
 * request prototypes on every check, which showed in the profile.)
 */
const warmUpRequests = new WeakSet<object>();

export function markWarmUpRequest(request: object): void {
  warmUpRequests.add(request);
}

export function isWarmUpRequest(request: unknown): boolean {
  return typeof request === 'object' && request !== null && warmUpRequests.has(request);
}
