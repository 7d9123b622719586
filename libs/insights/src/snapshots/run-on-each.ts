import { QueryExecutor } from './indicator-snapshots';

/**
 * Runs the tasks on the executors, each executor one task at a time, until none is left; after a
 * failure no new task starts, and the first failure is thrown once the running ones have ended.
 */
export async function runOnEach(
  executors: QueryExecutor[],
  tasks: ((on: QueryExecutor) => Promise<void>)[],
): Promise<void> {
  let next = 0;
  const failures: unknown[] = [];
  await Promise.all(
    executors.map(async (on) => {
      while (!failures.length && next < tasks.length) {
        const task = tasks[next];
        next += 1;
        try {
          await task(on);
        } catch (error) {
          failures.push(error);
        }
      }
    }),
  );
  if (failures.length) throw failures[0];
}
