import type { ServerResponse } from 'node:http';
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import pino, { Level, LevelWithSilent } from 'pino';
import { Options as PinoHttpOptions, startTime } from 'pino-http';
import { AppConfig } from '../config/config.schema';
import { APP_CONFIG } from '../config/config.module';
import { isWarmUpRequest } from '../health/readiness';

/**
 * The level of a finished request's log line. A line per successful request costs a synchronous
 * write each and buries what matters, so: failures at error, client errors and slow requests at
 * warn, and the rest at debug (LOG_LEVEL=debug shows them all) or, for a sampled share, at info.
 */
export function requestLogLevel(
  config: Pick<AppConfig, 'LOG_SLOW_REQUEST_MS' | 'LOG_REQUEST_SAMPLE_RATE'>,
  statusCode: number,
  failed: boolean,
  elapsedMs: number,
  sample: () => number = Math.random,
): Level {
  if (failed || statusCode >= 500) return 'error';
  if (statusCode >= 400 || elapsedMs >= config.LOG_SLOW_REQUEST_MS) return 'warn';
  return config.LOG_REQUEST_SAMPLE_RATE > 0 && sample() < config.LOG_REQUEST_SAMPLE_RATE ? 'info' : 'debug';
}

/**
 * Structured JSON logs. Request bodies are never logged (GraphQL bodies carry codes and health
 * notes); credentials are redacted; every line of a request carries its request id. In production
 * lines go to stdout through an asynchronous buffered destination (flushed on exit), so logging
 * never blocks a request on a write.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const options: PinoHttpOptions = {
          level: config.LOG_LEVEL,
          genReqId: (req) => req.id ?? 'unknown',
          redact: {
            paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-gateway-signature"]'],
            censor: '[redacted]',
          },
          serializers: {
            req: (req: { id: string; method: string; url: string }) => ({
              id: req.id,
              method: req.method,
              url: String(req.url).split('?')[0],
            }),
          },
          customLogLevel: (_req, res: ServerResponse & { [startTime]?: number }, error): LevelWithSilent =>
            requestLogLevel(
              config,
              res.statusCode,
              Boolean(error),
              Date.now() - (res[startTime] ?? Date.now()),
            ),
          autoLogging: {
            // The api's own warm-up requests (hundreds at start) are not traffic.
            ignore: (req: { url?: string }) =>
              req.url === '/health' || req.url === '/ready' || isWarmUpRequest(req),
          },
        };
        return {
          pinoHttp:
            config.NODE_ENV === 'production'
              ? [options, pino.destination({ dest: 1, sync: false, minLength: 4096 })]
              : options,
        };
      },
    }),
  ],
})
export class LoggingModule {}
