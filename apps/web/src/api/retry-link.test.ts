import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { parse } from 'graphql';
import { firstValueFrom, of } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { serviceUnavailableRetryLink } from './retry-link';

const UNAVAILABLE = {
  errors: [
    { message: 'Riprova tra 5 secondi.', extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 5 } },
  ],
};
const OK = { data: { me: null } };

/** A server that answers `answers` in turn, and counts the requests. */
function server(answers: ApolloLink.Result[]) {
  const seen = { requests: 0 };
  const link = new ApolloLink(() => of(answers[Math.min(seen.requests++, answers.length - 1)]));
  return { link, seen };
}

// parse(), not a gql tag: codegen would take a tagged document here for one of the app's operations.
function run(link: ApolloLink, document = parse('query Me { me { id } }')) {
  const client = new ApolloClient({ link, cache: new InMemoryCache() });
  return firstValueFrom(ApolloLink.execute(link, { query: document }, { client }));
}

describe('serviceUnavailableRetryLink', () => {
  const retry = serviceUnavailableRetryLink({ maxAttempts: 3, maxDelayMs: 5 });

  it('asks again while the api is unavailable, then gives the answer', async () => {
    const { link, seen } = server([UNAVAILABLE, UNAVAILABLE, OK]);
    expect(await run(retry.concat(link))).toEqual(OK);
    expect(seen.requests).toBe(3);
  });

  it('gives up after its attempts and passes the error on', async () => {
    const { link, seen } = server([UNAVAILABLE]);
    expect(await run(retry.concat(link))).toEqual(UNAVAILABLE);
    expect(seen.requests).toBe(3);
  });

  it('does not repeat a mutation, nor any other error', async () => {
    const mutation = server([UNAVAILABLE, OK]);
    expect(await run(retry.concat(mutation.link), parse('mutation Out { signOut }'))).toEqual(UNAVAILABLE);
    expect(mutation.seen.requests).toBe(1);
    const other = { errors: [{ message: 'no', extensions: { code: 'FORBIDDEN' } }] };
    const forbidden = server([other, OK]);
    expect(await run(retry.concat(forbidden.link))).toEqual(other);
    expect(forbidden.seen.requests).toBe(1);
  });
});
