/*
 * The baseline of bench:notifications (bench/notifications.bench.ts), in its own process as the
 * outbox path's worker is: a plain BullMQ worker that sends each job through the same HTTP SMS
 * channel the api's worker uses, to the same loopback gateway, at the same concurrency. No
 * database, no outbox, no decryption. Configured by the environment the bench passes; prints
 * "ready" once it takes jobs and stops on SIGTERM.
 */
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { Worker } from 'bullmq';
import IORedis from 'ioredis';

const ROOT = resolve(__dirname, '..', '..', '..');
const load = createRequire(join(ROOT, 'package.json'));
// The compiled channel (npm run build), loaded as bench/matching loads the engine.
const { HttpSmsChannel } = load(
  join(ROOT, 'dist', 'libs', 'notifications', 'src', 'sms', 'http-sms.channel.js'),
) as {
  HttpSmsChannel: new (options: {
    url: string;
    username: string;
    password: string;
    sender: string;
    timeoutMs: number;
  }) => { send(message: { idempotencyKey: string; to: string; text: string }): Promise<unknown> };
};

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

async function main(): Promise<void> {
  const channel = new HttpSmsChannel({
    url: required('SMS_HTTP_URL'),
    username: required('SMS_HTTP_USERNAME'),
    password: required('SMS_HTTP_PASSWORD'),
    sender: 'Prossimo',
    timeoutMs: Number(required('SMS_HTTP_TIMEOUT_MS')),
  });
  const connection = new IORedis(required('REDIS_URL'), { maxRetriesPerRequest: null });
  const worker = new Worker(
    required('BASELINE_QUEUE'),
    async (job) => {
      const data = job.data as { to: string; text: string };
      await channel.send({ idempotencyKey: `baseline-${String(job.id)}`, to: data.to, text: data.text });
    },
    { connection, prefix: required('BASELINE_PREFIX'), concurrency: Number(required('WORKER_CONCURRENCY')) },
  );
  await worker.waitUntilReady();
  process.stdout.write('ready\n');
  process.once('SIGTERM', () => {
    void worker
      .close()
      .then(() => connection.quit())
      .finally(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
