import { renameSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

/**
 * Preloaded into the api (NODE_OPTIONS=--require) for the benchmark only. The first SIGWINCH
 * starts the V8 sampling profiler, the second writes a .cpuprofile to BENCH_PROFILE_PATH.
 * Unlike --cpu-prof it profiles one phase, and it needs no clean exit (Nest re-raises SIGTERM).
 * SIGWINCH because Nest's shutdown hooks take SIGUSR2 and Node keeps SIGUSR1 for the debugger;
 * without this hook SIGWINCH is ignored, so a stray one is harmless.
 */
const target = process.env.BENCH_PROFILE_PATH;
if (target) {
  const session = new Session();
  session.connect();
  let running = false;
  process.on('SIGWINCH', () => {
    if (!running) {
      running = true;
      session.post('Profiler.enable', () =>
        session.post('Profiler.setSamplingInterval', { interval: 500 }, () => session.post('Profiler.start')),
      );
      return;
    }
    running = false;
    session.post('Profiler.stop', (error, result) => {
      if (error) {
        console.error('profiler:', error);
        return;
      }
      writeFileSync(`${target}.partial`, JSON.stringify(result.profile));
      renameSync(`${target}.partial`, target);
    });
  });
}
