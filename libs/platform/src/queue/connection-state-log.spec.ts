import { ConnectionStateLog, QUIET_MS, STRAGGLER_MS } from './connection-state-log';

describe('ConnectionStateLog', () => {
  let now: number;
  let ready: boolean;
  let lines: string[];
  let log: ConnectionStateLog;

  beforeEach(() => {
    now = 1000;
    ready = true;
    lines = [];
    log = new ConnectionStateLog(
      { warn: (message) => lines.push(`warn ${message}`), log: (message) => lines.push(`log ${message}`) },
      () => ready,
      () => now,
    );
  });

  afterEach(() => log.stop());

  const refused = new Error('connect ECONNREFUSED 127.0.0.1:6390');

  it('writes one line when the connection is lost and one when it is back, whatever the retries', () => {
    ready = false;
    for (let i = 0; i < 200; i++) {
      log.error(i % 2 ? 'Worker notifications' : 'Queue matching', refused);
      now += 25;
    }
    log.error('Worker io', new Error('All sentinels are unreachable. Retrying from scratch after 10ms.'));
    log.check(); // not ready yet
    ready = true;
    log.check(); // ready, but the last error is too recent
    now += QUIET_MS;
    log.check();
    log.check();
    expect(lines).toEqual([
      'warn Redis connection lost (Queue matching: connect ECONNREFUSED 127.0.0.1:6390); retrying, one line when it is back',
      'log Redis connection back, lost for 6000 ms (201 connection errors meanwhile)',
    ]);
    expect(log.isDown).toBe(false);
  });

  it('counts a straggler just after "back" as part of the same outage, a later error as a new one', () => {
    log.error('Queue io', refused);
    now += QUIET_MS;
    log.check();
    now += STRAGGLER_MS - 1;
    log.error('Worker io', refused);
    expect(log.isDown).toBe(false);
    now += 2;
    log.error('Worker io', refused);
    expect(log.isDown).toBe(true);
    expect(lines.filter((line) => line.includes('lost ('))).toHaveLength(2);
  });

  it('logs other errors each time, without changing the state', () => {
    log.error('Worker notifications', new Error('Missing lock for job 1. moveToFinished'));
    log.error('Worker notifications', new Error('Missing lock for job 2. moveToFinished'));
    expect(lines).toEqual([
      'warn Worker notifications: Missing lock for job 1. moveToFinished',
      'warn Worker notifications: Missing lock for job 2. moveToFinished',
    ]);
    expect(log.isDown).toBe(false);
  });
});
