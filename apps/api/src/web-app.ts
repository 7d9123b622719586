import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import express from 'express';
import helmet from 'helmet';

// Paths the api answers itself; every other GET that asks for HTML is a route of the web app.
const API_PATHS = /^\/(graphql|graphql-sandbox|health|ready|webhooks|admin)(\/|$)/;
export const isApiPath = (path: string): boolean => API_PATHS.test(path);

/**
 * Where the built web app is: WEB_APP_DIR, else dist/web beside the compiled api
 * (dist/apps/api/src -> dist/web) or, when the api runs from its sources (tests), the repo's dist/web.
 */
export function webAppDirectory(configured: string | undefined): string | undefined {
  const candidates = configured
    ? [resolve(configured)]
    : [resolve(__dirname, '../../../web'), resolve(__dirname, '../../../dist/web')];
  return candidates.find((directory) => existsSync(join(directory, 'index.html')));
}

/**
 * The web app's Content-Security-Policy: our origin only (fonts, icons, scripts, the graphql-ws
 * socket), inline styles for the few style attributes React components set, data: images for
 * Bootstrap Italia's inline SVG backgrounds.
 */
export const webAppContentSecurityPolicy = helmet.contentSecurityPolicy({
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    manifestSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
});

/** Serves the built app at /: hashed assets cached for a year, index.html never, client routes fall back. */
export function serveWebApp(app: INestApplication, directory: string | undefined): void {
  if (!directory) {
    app.use('/', (req: Request, res: Response, next: NextFunction) => {
      if (req.method !== 'GET' || req.path !== '/') return next();
      res
        .status(503)
        .type('text/plain')
        .send('The web app is not built: run `npm run build` (or `npm run build:web`).');
    });
    return;
  }
  const indexFile = join(directory, 'index.html');
  app.use(
    '/assets',
    express.static(join(directory, 'assets'), {
      index: false,
      fallthrough: false,
      immutable: true,
      maxAge: '365d',
    }),
  );
  app.use(
    express.static(directory, {
      index: false,
      setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache'),
    }),
  );
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApiPath(req.path)) return next();
    if (!req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexFile);
  });
}
