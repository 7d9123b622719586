import type { IncomingMessage, ServerResponse } from 'node:http';
import { Inject, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { LoggerModule, Params, PARAMS_PROVIDER_TOKEN } from 'nestjs-pino';
import { Store, storage } from 'nestjs-pino/storage';
import pino, { Level, LevelWithSilent, Logger } from 'pino';
import { Options as PinoHttpOptions, pinoHttp, startTime } from 'pino-http';
import { RequestContext } from '../context/request-context';
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
          // nestjs-pino mounts nothing: LoggingModule.configure mounts pino-http and binds its
          // logger into the request's store (one AsyncLocalStorage, see request-context.ts).
          useExisting: true,
          forRoutes: [],
          pinoHttp:
            config.NODE_ENV === 'production'
              ? [options, pino.destination({ dest: 1, sync: false, minLength: 4096 })]
              : options,
        };
      },
    }),
  ],
})
export class LoggingModule implements NestModule {
  constructor(@Inject(PARAMS_PROVIDER_TOKEN) private readonly params: Params) {}

  /** Where nestjs-pino mounted its middlewares, and with the same pino-http options. */
  configure(consumer: MiddlewareConsumer): void {
    // The factory above gives either options or options and a destination.
    const options = this.params.pinoHttp as PinoHttpOptions | [PinoHttpOptions, pino.DestinationStream];
    const logRequest = Array.isArray(options) ? pinoHttp(...options) : pinoHttp(options);
    consumer.apply(logRequest, bindRequestLogger).forRoutes({ path: '*', method: RequestMethod.ALL });
  }
}

/**
 * The request's lines carry its pino-http logger: set on the store the request-context middleware
 * opened, or (a request that did not pass through it) in a store of its own, as nestjs-pino did.
 */
function bindRequestLogger(
  req: IncomingMessage & { log: Logger },
  _res: ServerResponse,
  next: () => void,
): void {
  if (RequestContext.bindLogger(req.log)) next();
  else storage.run(new Store(req.log), next);
}
