import 'reflect-metadata';
import { ConfigError, loadConfigFromEnvironment } from '@prossimo/platform';
import { Logger } from 'nestjs-pino';
import { createWorkerApp } from './create-worker-app';

async function main(): Promise<void> {
  loadConfigFromEnvironment();
  const app = await createWorkerApp();
  await app.init();
  app.get(Logger).log('Prossimo worker running');
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
