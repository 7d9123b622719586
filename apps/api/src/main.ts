import 'reflect-metadata';
import cluster from 'node:cluster';
import { ConfigError, loadConfigFromEnvironment } from '@prossimo/platform';
import { Logger } from 'nestjs-pino';
import { runApiPrimary } from './cluster-primary';
import { createApiApp } from './create-api-app';
import { warmUpApi } from './warm-up';

async function main(): Promise<void> {
  const config = loadConfigFromEnvironment();
  if (config.API_PROCESSES > 1 && cluster.isPrimary) {
    runApiPrimary({
      processes: config.API_PROCESSES,
      logLevel: config.LOG_LEVEL,
      // A request may run HTTP_REQUEST_TIMEOUT_MS; then the pools and Redis close.
      shutdownGraceMs: config.HTTP_REQUEST_TIMEOUT_MS + 10_000,
      poolSizePerProcess: config.DATABASE_POOL_SIZE,
    });
    return;
  }
  const app = await createApiApp();
  await app.init();
  // Before listening: /ready (and the cluster's round robin) only see a warm process.
  const warm = await warmUpApi(app, {
    requests: config.API_WARM_UP_REQUESTS,
    poolSize: config.DATABASE_POOL_SIZE,
    maxMs: config.API_WARM_UP_MAX_MS,
  });
  const logger = app.get(Logger);
  const warmUpLine =
    `api warmed up in ${warm.ms} ms: ${warm.connections} database connections (writes rehearsed and rolled ` +
    `back on ${warm.rehearsed}, ${warm.rehearsalMs} ms; ${warm.rehearsalPasses} passes), ${warm.requests} requests` +
    (warm.lastBatchCpuMs === undefined
      ? ''
      : ` (CPU per request ${warm.firstBatchCpuMs} ms in the first batch, ${warm.lastBatchCpuMs} in the last` +
        `${warm.settled ? ', settled' : ''})`) +
    (warm.timedOut ? ` (stopped by API_WARM_UP_MAX_MS)` : '');
  if (warm.failures) logger.warn(`${warmUpLine}, ${warm.failures} failed (first: ${warm.firstFailure})`);
  else logger.log(warmUpLine);
  await app.listen(config.HTTP_PORT, config.HTTP_HOST);
  logger.log(`Prossimo api listening: GraphQL at ${await app.getUrl()}/graphql`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('Prossimo api failed to start:', error);
  }
  process.exit(1);
});
