import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { parse } from 'graphql';
import { firstValueFrom, of } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { sessionRenewalLink } from './session-renewal-link';

const UNAUTHENTICATED = {
  errors: [{ message: 'Devi accedere di nuovo.', extensions: { code: 'UNAUTHENTICATED' } }],
};
const OK = { data: { me: { id: '1' } } };

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

describe('sessionRenewalLink', () => {
  it('renews once and asks again when a signed-in request is refused (another tab rotated the session)', async () => {
    const { link, seen } = server([UNAUTHENTICATED, OK]);
    let renewals = 0;
    const renewal = sessionRenewalLink(
      () => true,
      async () => {
        renewals += 1;
        return true;
      },
    );
    expect(await run(renewal.concat(link))).toEqual(OK);
    expect({ requests: seen.requests, renewals }).toEqual({ requests: 2, renewals: 1 });
  });

  it('passes the refusal on when the session cannot be renewed, and asks only once', async () => {
    const { link, seen } = server([UNAUTHENTICATED]);
    const renewal = sessionRenewalLink(
      () => true,
      async () => false,
    );
    expect(await run(renewal.concat(link))).toEqual(UNAUTHENTICATED);
    expect(seen.requests).toBe(1);
  });

  it('does not renew again when the second answer is refused too', async () => {
    const { link, seen } = server([UNAUTHENTICATED, UNAUTHENTICATED]);
    let renewals = 0;
    const renewal = sessionRenewalLink(
      () => true,
      async () => {
        renewals += 1;
        return true;
      },
    );
    expect(await run(renewal.concat(link))).toEqual(UNAUTHENTICATED);
    expect({ requests: seen.requests, renewals }).toEqual({ requests: 2, renewals: 1 });
  });

  it('leaves signed-out requests and the session operations alone', async () => {
    let renewals = 0;
    const renew = async () => {
      renewals += 1;
      return true;
    };
    const signedOut = server([UNAUTHENTICATED]);
    expect(await run(sessionRenewalLink(() => false, renew).concat(signedOut.link))).toEqual(UNAUTHENTICATED);
    const refresh = server([UNAUTHENTICATED]);
    expect(
      await run(
        sessionRenewalLink(() => true, renew).concat(refresh.link),
        parse('mutation RefreshWebSession { refreshSession { accessToken } }'),
      ),
    ).toEqual(UNAUTHENTICATED);
    expect(renewals).toBe(0);
  });
});
