import { renameSync, writeFileSync } from 'node:fs';
import { constants, PerformanceEntry, PerformanceObserver } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';

/**
 * Preloaded into the api (NODE_OPTIONS=--require) for the benchmark only, when BENCH_GC_PATH is
 * set. Counts this process's garbage collections (how many, and their main-thread pause in ms, by
 * kind) and writes the running totals with the heap's size to `<BENCH_GC_PATH>.<pid>` four times
 * a second, so the bench can tell, phase by phase, how much of the api's CPU is collection and
 * whether the heap is still growing (a growing heap collects its old generation more often).
 */
const target = process.env.BENCH_GC_PATH;
if (target) {
  const totals = { minor: 0, minorMs: 0, major: 0, majorMs: 0, incremental: 0, incrementalMs: 0 };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind;
      if (kind === constants.NODE_PERFORMANCE_GC_MINOR) {
        totals.minor += 1;
        totals.minorMs += entry.duration;
      } else if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) {
        totals.major += 1;
        totals.majorMs += entry.duration;
      } else if (kind === constants.NODE_PERFORMANCE_GC_INCREMENTAL) {
        totals.incremental += 1;
        totals.incrementalMs += entry.duration;
      }
    }
  }).observe({ entryTypes: ['gc'] });
  const file = `${target}.${process.pid}`;
  setInterval(() => {
    const heap = getHeapStatistics();
    writeFileSync(
      `${file}.partial`,
      JSON.stringify({
        ...totals,
        heapUsedMb: heap.used_heap_size / 2 ** 20,
        heapMb: heap.total_heap_size / 2 ** 20,
      }),
    );
    renameSync(`${file}.partial`, file);
  }, 250).unref();
}
