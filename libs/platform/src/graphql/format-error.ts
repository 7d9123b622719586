import { HttpException, Logger } from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { RequestContext } from '../context/request-context';
import { DomainError, InputValidationError } from '../errors/domain-error';
import { isServiceUnavailable, SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS } from '../errors/service-unavailable';
import { renderMessage } from '../i18n/messages';
import { LIMIT_ERROR_CODES } from './limits';

const logger = new Logger('GraphQLErrors');

// During an outage every request fails alike: one log line per this many milliseconds, with a count.
const UNAVAILABLE_LOG_INTERVAL_MS = 5000;
let unavailableLoggedAt = 0;
let unavailableSinceLog = 0;

function logUnavailable(error: unknown): void {
  unavailableSinceLog++;
  const now = Date.now();
  if (now - unavailableLoggedAt < UNAVAILABLE_LOG_INTERVAL_MS) return;
  logger.warn(
    `Answered SERVICE_UNAVAILABLE to ${unavailableSinceLog} request(s): ${(error as Error)?.message ?? String(error)}`,
  );
  unavailableLoggedAt = now;
  unavailableSinceLog = 0;
}

// Errors raised by GraphQL itself (syntax, unknown field, bad variable) already name the field.
const GRAPHQL_OWN_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  ...LIMIT_ERROR_CODES,
]);

// SQLSTATE classes 22 (data exception) that only bad input can cause.
const CLIENT_DATA_ERRORS = new Set(['22P02', '22003', '22007', '22008', '22001', '22023', '2201X', '2201W']);

function httpExceptionCode(exception: HttpException): string {
  switch (exception.getStatus()) {
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 429:
      return 'RATE_LIMITED';
    default:
      return 'BAD_REQUEST';
  }
}

/**
 * Turns any error into { message (caller's language), extensions: { code, field? } }.
 * A store that does not answer gives SERVICE_UNAVAILABLE with extensions.retryAfterSeconds.
 * Unknown errors are logged with the request id and reach the client as INTERNAL_SERVER_ERROR,
 * never with a stack trace or SQL.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const language = RequestContext.language();
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const base = { locations: formatted.locations, path: formatted.path };

  if (original instanceof InputValidationError) {
    const problems = original.problems.map((problem) => ({
      field: problem.field,
      code: problem.code,
      message: renderMessage(problem.code, language, { field: problem.field, ...problem.params }),
    }));
    return {
      ...base,
      message: problems.map((problem) => problem.message).join(' '),
      extensions: { code: original.code, field: original.field, problems },
    };
  }
  if (original instanceof DomainError) {
    return {
      ...base,
      message: renderMessage(original.code, language, {
        field: original.field ?? '',
        ...original.options.params,
      }),
      extensions: { code: original.code, field: original.field, ...original.options.params },
    };
  }
  const databaseCode = (original as { driverError?: { code?: unknown } } | undefined)?.driverError?.code;
  if (typeof databaseCode === 'string' && CLIENT_DATA_ERRORS.has(databaseCode)) {
    // A value PostgreSQL cannot take (bad uuid, number out of range, text too long): the client's input.
    return {
      ...base,
      message: renderMessage('INVALID_INPUT', language),
      extensions: { code: 'INVALID_INPUT' },
    };
  }
  if (original instanceof HttpException) {
    const code = httpExceptionCode(original);
    return {
      ...base,
      message: renderMessage(code, language, { retryAfterSeconds: 60 }),
      extensions: { code },
    };
  }
  // Limit errors raised during validation are re-coded by Apollo; the original keeps our code.
  const originalCode = original instanceof GraphQLError ? original.extensions?.code : undefined;
  const code =
    typeof originalCode === 'string' && GRAPHQL_OWN_CODES.has(originalCode)
      ? originalCode
      : formatted.extensions?.code;
  if (typeof code === 'string' && GRAPHQL_OWN_CODES.has(code)) {
    return { ...base, message: formatted.message, extensions: { code } };
  }
  if (isServiceUnavailable(original)) {
    // PostgreSQL or the queue is away: a retryable answer, not a bug (issue 16).
    logUnavailable(original);
    const retryAfterSeconds = SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS;
    return {
      ...base,
      message: renderMessage('SERVICE_UNAVAILABLE', language, { retryAfterSeconds }),
      extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds },
    };
  }
  logger.error(
    { requestId: RequestContext.current()?.requestId, err: original },
    `Unhandled error in GraphQL operation: ${(original as Error)?.message ?? String(original)}`,
  );
  return {
    ...base,
    message: renderMessage('INTERNAL_SERVER_ERROR', language),
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
