import { ChildProcess } from 'node:child_process';

/**
 * Waits until the api child answers /ready on the loopback `port`, polling every half second;
 * fails at once if the child exits, and after `timeoutMs` if it never gets ready.
 */
export async function waitUntilApiReady(child: ChildProcess, port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the api stopped (exit ${child.exitCode})`);
    const ready = await fetch(`http://127.0.0.1:${port}/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((wait) => setTimeout(wait, 500));
  }
  throw new Error(`the api was not ready within ${timeoutMs / 1000} s`);
}
