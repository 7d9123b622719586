import { randomUUID } from 'node:crypto';
import { IncomingMessage, ServerResponse } from 'node:http';
import { languageFromAcceptLanguage } from '../i18n/language';
import { RequestContext } from './request-context';

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{8,64}$/;

type RequestWithId = IncomingMessage & { id?: string; ip?: string };

/** Gives each request an id (kept from a trusted proxy's header when well formed) and a language. */
export function requestContextMiddleware(req: RequestWithId, res: ServerResponse, next: () => void): void {
  const incoming = req.headers['x-request-id'];
  const requestId =
    typeof incoming === 'string' && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
  req.id = requestId;
  res.setHeader('x-request-id', requestId);
  RequestContext.run(
    {
      requestId,
      language: languageFromAcceptLanguage(req.headers['accept-language']),
      clientIp: req.ip ?? req.socket.remoteAddress ?? 'unknown',
    },
    next,
  );
}
