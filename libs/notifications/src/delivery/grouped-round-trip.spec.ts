import { GroupedRoundTrip } from './grouped-round-trip';

/** A run whose batches the test ends one by one. */
function controlledRun() {
  const batches: { inputs: number[]; finish: () => void; fail: (error: Error) => void }[] = [];
  const run = (inputs: number[]) =>
    new Promise<number[]>((resolve, reject) => {
      batches.push({ inputs, finish: () => resolve(inputs.map((n) => n * 10)), fail: reject });
    });
  return { batches, run };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('GroupedRoundTrip', () => {
  it('sends the first call at once and groups the calls that arrive while it runs', async () => {
    const { batches, run } = controlledRun();
    const group = new GroupedRoundTrip(run);
    const first = group.call(1);
    const later = [group.call(2), group.call(3)];
    await tick();
    expect(batches.map((batch) => batch.inputs)).toEqual([[1]]);
    batches[0].finish();
    expect(await first).toBe(10);
    await tick();
    expect(batches.map((batch) => batch.inputs)).toEqual([[1], [2, 3]]);
    batches[1].finish();
    expect(await Promise.all(later)).toEqual([20, 30]);
  });

  it('runs up to maxInFlight batches at once, and each caller gets its own batch outcome', async () => {
    const { batches, run } = controlledRun();
    const group = new GroupedRoundTrip(run, 500, 2);
    const first = group.call(1);
    const second = group.call(2);
    const waiting = [group.call(3), group.call(4)];
    await tick();
    // Two statements in flight; the other calls wait for either to end, then go together.
    expect(batches.map((batch) => batch.inputs)).toEqual([[1], [2]]);
    batches[1].fail(new Error('lost connection'));
    await expect(second).rejects.toThrow('lost connection');
    await tick();
    expect(batches.map((batch) => batch.inputs)).toEqual([[1], [2], [3, 4]]);
    batches[2].finish();
    expect(await Promise.all(waiting)).toEqual([30, 40]);
    batches[0].finish();
    expect(await first).toBe(10);
  });

  it('splits what waits into batches of at most maxBatch', async () => {
    const { batches, run } = controlledRun();
    const group = new GroupedRoundTrip(run, 2, 1);
    const calls = [1, 2, 3, 4, 5].map((n) => group.call(n));
    await tick();
    batches[0].finish();
    await tick();
    batches[1].finish();
    await tick();
    batches[2].finish();
    expect(await Promise.all(calls)).toEqual([10, 20, 30, 40, 50]);
    expect(batches.map((batch) => batch.inputs)).toEqual([[1], [2, 3], [4, 5]]);
  });
});
