import { readdirSync, readFileSync } from 'node:fs';
import { Client } from 'pg';

/** Linux reports CPU time in clock ticks; 100 per second on every mainstream kernel build. */
const TICKS_PER_SECOND = 100;

export interface CpuSnapshot {
  /** CPU seconds used so far, per named group of processes, per process id. */
  groups: Map<string, Map<number, number>>;
  /** CPU seconds the whole machine spent busy so far. */
  machineBusy: number;
}

export interface CpuUsage {
  /** CPU seconds per group during the interval. */
  groups: Map<string, number>;
  /** Busy CPU seconds of everything else on the machine (other people's tests, the kernel). */
  other: number;
}

/**
 * Where the CPU went during a phase, from /proc: the api process, the baseline process, the
 * PostgreSQL backends serving the benchmark database, and the load generator. On a shared
 * two-core machine this tells a slow api from a busy neighbour. Linux only; elsewhere it is empty.
 */
export class CpuMeter {
  constructor(
    private readonly monitor: Client,
    private readonly database: string,
    /** Per group, its process ids (a cluster's primary and workers). */
    private readonly processes: () => Record<string, readonly (number | undefined)[]>,
  ) {}

  async snapshot(): Promise<CpuSnapshot> {
    const groups = new Map<string, Map<number, number>>();
    const read = (pids: readonly (number | undefined)[]) =>
      new Map(pids.filter((pid): pid is number => !!pid).map((pid) => [pid, processSeconds(pid)]));
    for (const [name, pids] of Object.entries(this.processes())) groups.set(name, read(pids));
    const { rows } = await this.monitor.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = $1`,
      [this.database],
    );
    groups.set('postgres', read(rows.map((row) => row.pid)));
    return { groups, machineBusy: machineBusySeconds() };
  }

  /**
   * Per process: what it used between the snapshots, or since it started when it appeared in
   * between (a new PostgreSQL backend, a restarted worker). A process that ended in between takes
   * its last ticks with it; summing per group instead would have counted its whole past as a
   * negative, which is how a pool closing idle connections once hid a slice's database CPU.
   */
  static between(before: CpuSnapshot, after: CpuSnapshot): CpuUsage {
    const groups = new Map<string, number>();
    let ours = 0;
    for (const [name, pids] of after.groups) {
      const earlier = before.groups.get(name) ?? new Map<number, number>();
      let used = 0;
      for (const [pid, seconds] of pids) used += Math.max(0, seconds - (earlier.get(pid) ?? 0));
      groups.set(name, used);
      ours += used;
    }
    return { groups, other: Math.max(0, after.machineBusy - before.machineBusy - ours) };
  }
}

/** CPU seconds a process has used so far (0 if it is gone). */
export function processSeconds(pid: number): number {
  try {
    // Fields after the command name (which may contain spaces): utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

function machineBusySeconds(): number {
  try {
    const [line] = readFileSync('/proc/stat', 'utf8').split('\n');
    const ticks = line.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal: everything but idle and iowait is busy.
    const total = ticks.slice(0, 8).reduce((sum, value) => sum + value, 0);
    return (total - ticks[3] - ticks[4]) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** The processes whose parent is `parent` (a node:cluster primary's workers), from /proc. */
export function childPids(parent: number | undefined): number[] {
  if (!parent) return [];
  const pids: number[] = [];
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // After the command name: state, then the parent's pid.
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === parent) pids.push(Number(entry));
    } catch {
      // It ended while we looked.
    }
  }
  return pids.sort((a, b) => a - b);
}
