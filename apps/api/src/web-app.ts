import { existsSync, readdirSync } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import express from 'express';
import helmet from 'helmet';

// Paths the api answers itself; every other GET that asks for HTML is a route of the web app.
const API_PATHS = /^\/(graphql|graphql-sandbox|health|ready|webhooks|admin|auth|\.well-known)(\/|$)/;
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

/** Every file under directory, as URL paths ("/assets/index-abc.js"). */
function filesUnder(directory: string): Set<string> {
  const walk = (current: string): string[] =>
    readdirSync(current, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(join(current, entry.name)) : [join(current, entry.name)],
    );
  return new Set(walk(directory).map((file) => `/${relative(directory, file).split(sep).join('/')}`));
}

/**
 * Sends the brotli or gzip copy the build made (vite.config.ts) when the browser accepts it: the
 * static handler below then serves that file, with the original's type and these headers.
 */
const suffixOf = { br: 'br', gzip: 'gz' } as const;

function precompressed(directory: string) {
  const files = filesUnder(directory);
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    // Brotli whenever accepted (browsers list it after gzip at the same weight), else gzip.
    const encoding = (['br', 'gzip'] as const).find(
      (candidate) =>
        req.acceptsEncodings(candidate) === candidate && files.has(`${req.path}.${suffixOf[candidate]}`),
    );
    if (!encoding) return next();
    res.type(extname(req.path));
    res.setHeader('Content-Encoding', encoding);
    res.setHeader('Vary', 'Accept-Encoding');
    req.url = `${req.path}.${suffixOf[encoding]}${req.url.slice(req.path.length)}`;
    next();
  };
}

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
  app.use(precompressed(directory));
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
