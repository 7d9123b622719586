import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '../config/config.schema';
import { APP_CONFIG } from '../config/config.module';

/**
 * Structured JSON logs. Request bodies are never logged (GraphQL bodies carry codes and health
 * notes); credentials are redacted; every line of a request carries its request id.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
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
          autoLogging: { ignore: (req: { url?: string }) => req.url === '/health' || req.url === '/ready' },
        },
      }),
    }),
  ],
})
export class LoggingModule {}
