/**
 * Something a test file starts once and uses in all its tests (the e2e stack, the web stack,
 * service modules): `start` runs in a `beforeAll` this call declares, so before the file's own
 * set-up declared after it, and `stop` in an `afterAll`. The object returned stands for the started
 * one: each property read goes through to it (methods bound to it), so the file uses it as the
 * thing itself inside hooks and tests; read before `start` has run, it throws.
 */
export function startedForFile<T extends object>(
  start: () => Promise<T>,
  stop: (started: T) => Promise<void>,
): T {
  let started: T | undefined;
  beforeAll(async () => {
    started = await start();
  });
  afterAll(async () => {
    if (started) await stop(started);
  });
  return new Proxy({} as T, {
    get(_placeholder, key) {
      // Not a promise: `await` and Promise.resolve look for `then` and must find none.
      if (key === 'then') return undefined;
      if (!started)
        throw new Error(`Read ${String(key)} before beforeAll started it: use it in hooks and tests.`);
      const value: unknown = Reflect.get(started, key);
      return typeof value === 'function' ? value.bind(started) : value;
    },
  });
}
