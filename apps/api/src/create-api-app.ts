import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import {
  AnonymousRateLimiter,
  APP_CONFIG,
  AppConfig,
  clientErrorHandler,
  createValidationPipe,
  DomainErrorFilter,
  IdArgumentsPipe,
  requestContextMiddleware,
  WellFormedStringsPipe,
} from '@prossimo/platform';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { graphqlSandbox } from './sandbox/graphql-sandbox';
import { QUEUE_DASHBOARD_PATH, QueueDashboardService } from './queue-dashboard/queue-dashboard.service';
import { isApiPath, serveWebApp, webAppContentSecurityPolicy, webAppDirectory } from './web-app';

/** Builds the api (GraphQL, health, readiness) without listening; main.ts and the e2e tests share it. */
export async function createApiApp(): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    bufferLogs: true,
    bodyParser: false,
    // Webhooks verify an HMAC of the exact bytes received.
    rawBody: true,
  });
  const config = app.get<AppConfig>(APP_CONFIG);
  app.useLogger(app.get(Logger));
  app.set('trust proxy', config.TRUST_PROXY);
  app.disable('x-powered-by');
  // Express hashes every answer for an ETag that only a GET could use: GraphQL answers POSTs.
  app.set('etag', false);
  app.use(requestContextMiddleware);
  app.use(
    helmet({
      // The sandbox at GET /graphql sets its own policy (our origin only); production serves no HTML.
      contentSecurityPolicy: config.NODE_ENV === 'production' ? undefined : false,
      crossOriginEmbedderPolicy: false,
    }),
  );
  // The web app's pages and files: our origin only, in every environment.
  app.use((req: Request, res: Response, next: NextFunction) =>
    isApiPath(req.path) ? next() : webAppContentSecurityPolicy(req, res, next),
  );
  // Only the web app's refresh cookie is read (identity's web-session-cookie.ts).
  app.use(cookieParser());
  app.enableCors({ origin: config.CORS_ORIGINS.length ? config.CORS_ORIGINS : false, credentials: false });
  // The developer sandbox, served from our origin (where introspection is on, as in development).
  if (config.GRAPHQL_PLAYGROUND ?? config.NODE_ENV !== 'production') app.use(graphqlSandbox());
  // Before the body is read: a refused anonymous flood costs neither parsing nor GraphQL work.
  app.use('/graphql', app.get(AnonymousRateLimiter).middleware);
  app.useBodyParser('json', { limit: config.HTTP_BODY_LIMIT });
  // Bodies too large or malformed: answered and logged as the client's error (before Nest's handler).
  app.use(clientErrorHandler);
  // bull-board, for platform admins only (the handler checks before anything is served).
  app.use(QUEUE_DASHBOARD_PATH, app.get(QueueDashboardService).handler());
  serveWebApp(app, webAppDirectory(config.WEB_APP_DIR));
  // Ill-formed strings first: validators (e-mail, URLs) throw on them instead of answering.
  app.useGlobalPipes(new WellFormedStringsPipe(), new IdArgumentsPipe(), createValidationPipe());
  app.useGlobalFilters(new DomainErrorFilter());
  app.enableShutdownHooks();
  const server = app.getHttpServer() as import('node:http').Server;
  server.requestTimeout = config.HTTP_REQUEST_TIMEOUT_MS;
  server.headersTimeout = Math.min(config.HTTP_REQUEST_TIMEOUT_MS, 60_000);
  server.keepAliveTimeout = config.HTTP_KEEP_ALIVE_TIMEOUT_MS;
  return app;
}
