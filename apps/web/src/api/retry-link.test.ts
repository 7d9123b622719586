import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { runThrough, scriptedServer } from '../testing/apollo-link';
import { serviceUnavailableRetryLink } from './retry-link';

const UNAVAILABLE = {
  errors: [
    { message: 'Riprova tra 5 secondi.', extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 5 } },
  ],
};
const OK = { data: { me: null } };

describe('serviceUnavailableRetryLink', () => {
  const retry = serviceUnavailableRetryLink({ maxAttempts: 3, maxDelayMs: 5 });

  it('asks again while the api is unavailable, then gives the answer', async () => {
    const { link, seen } = scriptedServer([UNAVAILABLE, UNAVAILABLE, OK]);
    expect(await runThrough(retry.concat(link))).toEqual(OK);
    expect(seen.requests).toBe(3);
  });

  it('gives up after its attempts and passes the error on', async () => {
    const { link, seen } = scriptedServer([UNAVAILABLE]);
    expect(await runThrough(retry.concat(link))).toEqual(UNAVAILABLE);
    expect(seen.requests).toBe(3);
  });

  it('does not repeat a mutation, nor any other error', async () => {
    const mutation = scriptedServer([UNAVAILABLE, OK]);
    expect(await runThrough(retry.concat(mutation.link), parse('mutation Out { signOut }'))).toEqual(
      UNAVAILABLE,
    );
    expect(mutation.seen.requests).toBe(1);
    const other = { errors: [{ message: 'no', extensions: { code: 'FORBIDDEN' } }] };
    const forbidden = scriptedServer([other, OK]);
    expect(await runThrough(retry.concat(forbidden.link))).toEqual(other);
    expect(forbidden.seen.requests).toBe(1);
  });
});
