/** What the state log writes to (Nest's Logger has these). */
export interface StateLogger {
  warn(message: string): void;
  log(message: string): void;
}

/**
 * Errors that mean "Redis is not reachable right now" (ioredis, BullMQ, a Sentinel or a Cluster
 * looking for its nodes). Each client retries on its own and reports each retry: these are states,
 * not events worth a line each.
 */
const CONNECTION_ERROR =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EHOSTUNREACH|ENOTFOUND|Connection is closed|Stream isn't writeable|All sentinels are unreachable|Failed to refresh slots cache|None of (the )?startup nodes|CLUSTERDOWN|Cluster is down|READONLY|LOADING|MASTERDOWN|Reached the max retries|connect ETIMEDOUT|Command timed out|UNBLOCKED/i;

/** After "back", stragglers (a blocking connection still reconnecting) for this long are not a new loss. */
export const STRAGGLER_MS = 3000;
/** "Back" needs every client ready and this long without a connection error (a Cluster stays ready during a failover). */
export const QUIET_MS = 1000;
const CHECK_MS = 250;

/**
 * One log line per change of state of the queue's Redis connections: "lost" at the first
 * connection error, "back" once every client is ready again and the errors have stopped (with how
 * long and how many errors meanwhile), instead of a warning per retry of each of a dozen clients
 * (about 200 lines for a 5-second Sentinel failover). Other errors are logged as they come.
 */
export class ConnectionStateLog {
  private down = false;
  private downSince = 0;
  private lastErrorAt = 0;
  private backAt = Number.NEGATIVE_INFINITY;
  private errorsWhileDown = 0;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly logger: StateLogger,
    /** Whether every client is ready now (ioredis `status === 'ready'`). */
    private readonly allReady: () => boolean,
    private readonly now: () => number = Date.now,
  ) {}

  get isDown(): boolean {
    return this.down;
  }

  /** An 'error' event of a queue, a worker or a client (`source` names it). */
  error(source: string, error: Error): void {
    if (!CONNECTION_ERROR.test(error.message)) {
      this.logger.warn(`${source}: ${error.message}`);
      return;
    }
    this.lastErrorAt = this.now();
    if (this.down) {
      this.errorsWhileDown++;
      return;
    }
    if (this.lastErrorAt - this.backAt < STRAGGLER_MS) return;
    this.down = true;
    this.downSince = this.lastErrorAt;
    this.errorsWhileDown = 1;
    this.logger.warn(
      `Redis connection lost (${source}: ${error.message}); retrying, one line when it is back`,
    );
    // Checked on a timer as well as on 'ready': the last client may have been ready before the
    // last error (a blocking connection BullMQ duplicates is not among the clients watched).
    this.timer = setInterval(() => this.check(), CHECK_MS);
    this.timer.unref();
  }

  /** A client became ready (or a periodic check): "back" once every client is and errors stopped. */
  check(): void {
    if (!this.down || !this.allReady() || this.now() - this.lastErrorAt < QUIET_MS) return;
    this.down = false;
    clearInterval(this.timer);
    this.timer = undefined;
    this.backAt = this.now();
    this.logger.log(
      `Redis connection back, lost for ${this.backAt - this.downSince} ms (${this.errorsWhileDown} connection errors meanwhile)`,
    );
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
