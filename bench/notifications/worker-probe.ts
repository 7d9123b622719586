import { copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { summariseProfile } from '../api/profile';

// Run by Jest from the source (bench/notifications), the hooks from the compiled bench.
const ROOT = resolve(__dirname, '..', '..');
const HOOKS = ['profiler-hook.js', 'statement-counter-hook.js'].map((hook) =>
  resolve(ROOT, 'dist', 'bench', 'api', hook),
);

/**
 * BENCH_WORKER_CPU_PROFILE=<dir>: the outbox worker runs with bench:api's two preloaded hooks (the
 * V8 sampling profiler, SIGWINCH to start and to write; the pg and ioredis counters, SIGURG to
 * write and start afresh), so that a phase (the backlog, the steady load) has its own profile and
 * its own statements and Redis commands per message. The worker is stopped by SIGTERM, which Nest
 * re-raises: --cpu-prof would write nothing, hence the hooks.
 */
export class WorkerProbe {
  constructor(
    private readonly dir: string,
    private readonly round: number,
    /** Whose worker: the outbox path's (files worker-<round>.*) or the baseline's (baseline-worker-<round>.*). */
    private readonly path: 'outbox' | 'baseline' = 'outbox',
  ) {}

  private get fileStem(): string {
    return `${this.path === 'outbox' ? '' : `${this.path}-`}worker-${this.round}`;
  }

  /** The environment that preloads the hooks into the worker. */
  env(): Record<string, string> {
    return {
      NODE_OPTIONS: HOOKS.map((hook) => `--require=${hook}`).join(' '),
      BENCH_PROFILE_PATH: this.profilePath,
      BENCH_STATEMENTS_PATH: this.countsPath,
    };
  }

  private get profilePath(): string {
    return resolve(this.dir, `${this.fileStem}.cpuprofile`);
  }

  private get countsPath(): string {
    return resolve(this.dir, `${this.fileStem}.statements`);
  }

  /** Starts the profile and the counts of a phase. */
  async begin(pid: number): Promise<void> {
    await this.counts(pid);
    process.kill(pid, 'SIGWINCH');
  }

  /** Ends the phase: its profile summary and its statements and commands per message, printed. */
  async end(pid: number, phase: string, messages: number): Promise<void> {
    rmSync(this.profilePath, { force: true });
    process.kill(pid, 'SIGWINCH');
    const counts = await this.counts(pid);
    await until(() => existsSync(this.profilePath));
    // Kept per phase (the next phase's profile is written to the same path).
    copyFileSync(this.profilePath, `${this.profilePath}.${phase.split(' ')[0]}`);
    const summary = summariseProfile(this.profilePath, ROOT, 25);
    const busy = summary.busyMs + summary.idleMs;
    const lines = [
      `\n${this.path === 'outbox' ? 'Outbox' : 'Baseline'} worker, round ${this.round}, ${phase} (${messages} messages): main thread busy ${((summary.busyMs / busy) * 100).toFixed(0)}% of ${(busy / 1000).toFixed(1)} s, ${(summary.busyMs / messages).toFixed(3)} ms of CPU per message`,
      'self time by area:',
      ...summary.areas.map((a) => `  ${(a.share * 100).toFixed(1).padStart(5)}%  ${a.name}`),
      'top functions:',
      ...summary.functions.map((f) => `  ${(f.share * 100).toFixed(1).padStart(5)}%  ${f.name}`),
      'SQL statements per message:',
      ...counts.sql.map(([text, n]) => `  ${(n / messages).toFixed(3).padStart(7)}  ${text}`),
      `  ${(counts.sql.reduce((s, [, n]) => s + n, 0) / messages).toFixed(3).padStart(7)}  (all)`,
      'Redis commands per message:',
      ...counts.redis.map(([name, n]) => `  ${(n / messages).toFixed(3).padStart(7)}  ${name}`),
      `  ${(counts.redis.reduce((s, [, n]) => s + n, 0) / messages).toFixed(3).padStart(7)}  (all)`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  }

  private async counts(pid: number): Promise<{ sql: [string, number][]; redis: [string, number][] }> {
    const path = `${this.countsPath}.${pid}`;
    rmSync(path, { force: true });
    process.kill(pid, 'SIGURG');
    await until(() => existsSync(path));
    const counts = JSON.parse(readFileSync(path, 'utf8')) as {
      sql: [string, number][];
      redis: [string, number][];
    };
    const byCount = (a: [string, number], b: [string, number]) => b[1] - a[1];
    return { sql: counts.sql.sort(byCount), redis: counts.redis.sort(byCount) };
  }
}

async function until(done: () => boolean): Promise<void> {
  const deadline = Date.now() + 30000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('the worker probe did not answer');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
