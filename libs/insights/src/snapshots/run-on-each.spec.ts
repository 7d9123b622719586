import { runOnEach } from './run-on-each';
import { QueryExecutor } from './indicator-snapshots';

/** An executor that records which task ran on it; no database. */
const executor = (name: string): QueryExecutor & { label: string } =>
  Object.assign(async () => [], { label: name });

/** Resolves after the other tasks of this turn have had their chance to start. */
const turn = () => new Promise<void>((done) => setImmediate(done));

describe('runOnEach', () => {
  it('runs every task once, each executor one task at a time, all executors at once', async () => {
    const executors = [executor('a'), executor('b')];
    const running = new Set<string>();
    let mostAtOnce = 0;
    const ranOn: string[] = [];
    const tasks = Array.from({ length: 5 }, (_, index) => async (on: QueryExecutor) => {
      const label = (on as QueryExecutor & { label: string }).label;
      // An executor is a connection: it must never hold two tasks (two transactions) at once.
      expect(running.has(label)).toBe(false);
      running.add(label);
      mostAtOnce = Math.max(mostAtOnce, running.size);
      await turn();
      running.delete(label);
      ranOn[index] = label;
    });

    await runOnEach(executors, tasks);

    expect(ranOn.filter(Boolean)).toHaveLength(5);
    expect(mostAtOnce).toBe(2);
    expect(new Set(ranOn)).toEqual(new Set(['a', 'b']));
  });

  it('starts no task after a failure, lets the running one end, and throws the first failure', async () => {
    const started: number[] = [];
    let slowEnded = false;
    const tasks = [
      async () => {
        started.push(0);
        await turn();
        await turn();
        slowEnded = true;
      },
      async () => {
        started.push(1);
        throw new Error('statement failed');
      },
      async () => {
        started.push(2);
      },
    ];

    await expect(runOnEach([executor('a'), executor('b')], tasks)).rejects.toThrow('statement failed');

    expect(started).toEqual([0, 1]);
    expect(slowEnded).toBe(true);
  });

  it('with one executor runs the tasks in their order', async () => {
    const order: number[] = [];
    await runOnEach(
      [executor('a')],
      [0, 1, 2].map((index) => async () => {
        await turn();
        order.push(index);
      }),
    );
    expect(order).toEqual([0, 1, 2]);
  });
});
