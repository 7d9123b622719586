/*
 * The outbox relay in a process of its own (`npm run start:relay`): moves committed outbox rows into
 * BullMQ, so that the workers, started with OUTBOX_RELAY_IN_WORKER=false, spend their CPU on jobs.
 * Several relays are safe (rows claimed FOR UPDATE SKIP LOCKED, a job's id is its row's id).
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfigFromEnvironment } from '@prossimo/platform';
import { Logger } from 'nestjs-pino';
import { RelayModule } from './relay.module';

async function main(): Promise<void> {
  loadConfigFromEnvironment();
  const app = await NestFactory.createApplicationContext(RelayModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.init();
  app.get(Logger).log('Prossimo outbox relay running');
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
