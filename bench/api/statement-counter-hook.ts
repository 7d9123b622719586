import { writeFileSync, renameSync } from 'node:fs';
import Module from 'node:module';

/**
 * Preloaded into the api for the benchmark only (with the profiler hook): counts the SQL
 * statements sent through `pg` and the commands sent through `ioredis`. SIGURG (ignored by
 * default, unused by Node) writes what was counted since the previous SIGURG to
 * BENCH_STATEMENTS_PATH.<pid> as JSON and starts counting afresh, so the benchmark can tell how
 * many round trips each operation of the mix costs (summed over the api's worker processes).
 * Counting starts at the first SIGURG (the counting phase): before it the hook only passes calls
 * through, so the timed phases do not pay for it in the api's CPU (it showed as 1.3% in a profile).
 */
const target = process.env.BENCH_STATEMENTS_PATH;
if (target) {
  let sql = new Map<string, number>();
  let redis = new Map<string, number>();
  let counting = false;
  const count = (into: Map<string, number>, key: string) => into.set(key, (into.get(key) ?? 0) + 1);
  const patched = new Set<string>();
  const moduleLoader = Module as unknown as {
    _load: (request: string, parent: unknown, isMain: boolean) => unknown;
  };
  const originalLoad = moduleLoader._load;
  moduleLoader._load = function load(request: string, parent: unknown, isMain: boolean) {
    const loaded = originalLoad.call(this, request, parent, isMain);
    if (request === 'pg' && !patched.has('pg')) {
      patched.add('pg');
      const client = (loaded as { Client: { prototype: { query: (...args: unknown[]) => unknown } } }).Client;
      const query = client.prototype.query;
      client.prototype.query = function countedQuery(...args: unknown[]) {
        if (!counting) return query.apply(this, args);
        const first = args[0] as string | { text?: string } | undefined;
        const text = typeof first === 'string' ? first : (first?.text ?? '(other)');
        // Normalised only when written: counting must stay cheap on the hot path.
        count(sql, text.slice(0, 160));
        return query.apply(this, args);
      };
    }
    if (request === 'ioredis' && !patched.has('ioredis')) {
      patched.add('ioredis');
      const redisClass = ((loaded as { default?: unknown }).default ?? loaded) as {
        prototype: { sendCommand: (command: { name: string }, ...rest: unknown[]) => unknown };
      };
      const sendCommand = redisClass.prototype.sendCommand;
      redisClass.prototype.sendCommand = function countedCommand(
        command: { name: string },
        ...rest: unknown[]
      ) {
        if (counting) count(redis, command.name);
        return sendCommand.call(this, command, ...rest);
      };
    }
    return loaded;
  };
  process.on('SIGURG', () => {
    const statements = new Map<string, number>();
    for (const [text, times] of sql) {
      const short = text.replace(/\s+/g, ' ').trim().slice(0, 90);
      statements.set(short, (statements.get(short) ?? 0) + times);
    }
    const path = `${target}.${process.pid}`;
    writeFileSync(`${path}.partial`, JSON.stringify({ sql: [...statements], redis: [...redis] }));
    renameSync(`${path}.partial`, path);
    sql = new Map();
    redis = new Map();
    counting = true;
  });
}
