import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SANDBOX_SCRIPT, SANDBOX_STYLE } from './sandbox-assets';

/** Where the sandbox's script and style are served (our origin only). */
export const SANDBOX_ASSETS_PATH = '/graphql-sandbox';

/**
 * The page's own policy: everything from our origin, nothing inline, nothing from elsewhere. It
 * replaces any policy set before (the app's at `/` does not fit a page that calls /graphql).
 */
export const SANDBOX_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const version = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 12);
const SCRIPT_FILE = `sandbox-${version(SANDBOX_SCRIPT)}.js`;
const STYLE_FILE = `sandbox-${version(SANDBOX_STYLE)}.css`;

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>GraphQL sandbox - Prossimo</title>
<link rel="stylesheet" href="${SANDBOX_ASSETS_PATH}/${STYLE_FILE}">
<script defer src="${SANDBOX_ASSETS_PATH}/${SCRIPT_FILE}"></script>
</head>
<body>
<header><h1>Prossimo GraphQL sandbox</h1>
<label>Bearer token <input id="token" type="password" autocomplete="off" spellcheck="false"></label>
<button id="run" type="button" title="Ctrl+Enter">Run</button></header>
<main>
<section aria-label="Operation">
<label for="query">Operation</label><textarea id="query" spellcheck="false"></textarea>
<label for="variables">Variables (JSON)</label><textarea id="variables" spellcheck="false">{}</textarea>
</section>
<section aria-label="Result"><label for="result">Result</label><output id="result"></output></section>
<aside aria-label="Schema">
<label for="filter">Schema</label><input id="filter" type="search" placeholder="filter fields">
<div id="schema"></div>
</aside>
</main>
</body>
</html>
`;

/**
 * The developer sandbox at GET /graphql, served whole from our origin (a page, a script and a style
 * sheet, no third-party CDN): it works on a network without internet and under a strict policy.
 * POST /graphql (and GETs that do not ask for HTML) go on to Apollo.
 */
export function graphqlSandbox() {
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    // A browser asks for HTML; a GET query from a client asks for JSON and goes on to Apollo.
    if (path === '/graphql' && /\btext\/html\b/.test(req.headers.accept ?? '')) {
      sendAsset(res, 'text/html; charset=utf-8', PAGE, 'no-cache');
      return;
    }
    if (path === `${SANDBOX_ASSETS_PATH}/${SCRIPT_FILE}`) {
      sendAsset(res, 'text/javascript; charset=utf-8', SANDBOX_SCRIPT, 'public, max-age=31536000, immutable');
      return;
    }
    if (path === `${SANDBOX_ASSETS_PATH}/${STYLE_FILE}`) {
      sendAsset(res, 'text/css; charset=utf-8', SANDBOX_STYLE, 'public, max-age=31536000, immutable');
      return;
    }
    next();
  };
}

function sendAsset(res: ServerResponse, type: string, body: string, cacheControl: string): void {
  res.statusCode = 200;
  res.setHeader('content-type', type);
  res.setHeader('content-length', Buffer.byteLength(body));
  res.setHeader('cache-control', cacheControl);
  res.setHeader('content-security-policy', SANDBOX_CONTENT_SECURITY_POLICY);
  res.setHeader('x-content-type-options', 'nosniff');
  res.end(res.req?.method === 'HEAD' ? undefined : body);
}
