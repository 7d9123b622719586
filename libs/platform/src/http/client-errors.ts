import type { IncomingMessage, ServerResponse } from 'node:http';
import { Logger } from '@nestjs/common';
import { RequestContext } from '../context/request-context';
import { renderMessage } from '../i18n/messages';

/** The shape of the errors body-parser raises (http-errors): a status and whether it may be shown. */
interface HttpClientError {
  status?: unknown;
  statusCode?: unknown;
  type?: unknown;
  expose?: unknown;
}

const CODE_BY_STATUS: Record<number, string> = {
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

const logger = new Logger('HttpClientError');

/** The 4xx status of an error a client caused while its body was read (too large, bad JSON, charset). */
export function clientErrorStatus(error: unknown): number | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const { status, statusCode, expose } = error as HttpClientError;
  const code = typeof status === 'number' ? status : statusCode;
  return typeof code === 'number' && code >= 400 && code < 500 && expose !== false ? code : undefined;
}

/**
 * Express error handler placed right after the body parsers: a body too large, malformed JSON or an
 * unsupported charset is the client's doing, so it is answered as a GraphQL-shaped error in the
 * caller's language and logged as one warning line without a stack (anyone can send such bodies;
 * at error level with a stack they would fill the error log). Anything else goes on to Nest.
 */
export function clientErrorHandler(
  error: unknown,
  req: IncomingMessage & { id?: string },
  res: ServerResponse,
  next: (error: unknown) => void,
): void {
  const status = clientErrorStatus(error);
  if (status === undefined || res.headersSent) return next(error);
  const code = CODE_BY_STATUS[status] ?? 'BAD_REQUEST';
  logger.warn({ requestId: req.id, status, type: (error as HttpClientError).type }, `Refused body: ${code}`);
  const body = JSON.stringify({
    errors: [{ message: renderMessage(code, RequestContext.language()), extensions: { code } }],
  });
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(body);
}
