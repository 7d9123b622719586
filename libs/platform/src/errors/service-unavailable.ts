import { registerMessages } from '../i18n/messages';

/** What a client is told to wait before it tries again while a store is unavailable. */
export const SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/** A store the request needs (PostgreSQL, the queue) is not answering: the same request may succeed later. */
export class ServiceUnavailableError extends Error {}

// Network errors of a connection to PostgreSQL or Redis.
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
// SQLSTATE: connection exceptions (08), shutdown and recovery (57P01-57P03), too many connections
// (53300), a read-only server during failover (25006).
const UNAVAILABLE_SQLSTATES = /^(08...|57P0[1-3]|53300|25006)$/;
// pg and pg-pool, ioredis: the messages of a lost or impossible connection (they carry no code).
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/,
  /^Connection is closed/,
  /enableOfflineQueue options is false/,
  /Reached the max retries per request limit/,
  /did not answer within \d+ ms$/,
];

/** Whether `error` says a store is unavailable (the request may be retried), not that it is wrong. */
export function isServiceUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 4; depth++) {
    if (current instanceof ServiceUnavailableError) return true;
    const candidate = current as {
      code?: unknown;
      driverError?: unknown;
      message?: unknown;
      cause?: unknown;
      thrownValue?: unknown;
    };
    if (typeof candidate.code === 'string') {
      if (NETWORK_CODES.has(candidate.code) || UNAVAILABLE_SQLSTATES.test(candidate.code)) return true;
    }
    if (typeof candidate.message === 'string') {
      const message = candidate.message;
      if (UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))) return true;
    }
    // TypeORM's QueryFailedError, an Error's cause, graphql's wrapper of a thrown non-Error
    // (pg-pool rejects with the bare socket error object).
    current = candidate.driverError ?? candidate.cause ?? candidate.thrownValue;
  }
  return false;
}

registerMessages({
  SERVICE_UNAVAILABLE: {
    it: 'Il servizio è momentaneamente non disponibile. Riprova tra {retryAfterSeconds} secondi.',
    en: 'The service is temporarily unavailable. Try again in {retryAfterSeconds} seconds.',
  },
});
