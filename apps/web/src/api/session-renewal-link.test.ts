import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { runThrough, scriptedServer } from '../testing/apollo-link';
import { sessionRenewalLink } from './session-renewal-link';

const UNAUTHENTICATED = {
  errors: [{ message: 'Devi accedere di nuovo.', extensions: { code: 'UNAUTHENTICATED' } }],
};
const OK = { data: { me: { id: '1' } } };

/** The link for a signed-in page whose renewals succeed, and how many it asked for. */
function signedInRenewal() {
  const counts = { renewals: 0 };
  const renewal = sessionRenewalLink(
    () => true,
    async () => {
      counts.renewals += 1;
      return true;
    },
  );
  return { renewal, counts };
}

describe('sessionRenewalLink', () => {
  it('renews once and asks again when a signed-in request is refused (another tab rotated the session)', async () => {
    const { link, seen } = scriptedServer([UNAUTHENTICATED, OK]);
    const { renewal, counts } = signedInRenewal();
    expect(await runThrough(renewal.concat(link))).toEqual(OK);
    expect({ requests: seen.requests, renewals: counts.renewals }).toEqual({ requests: 2, renewals: 1 });
  });

  it('passes the refusal on when the session cannot be renewed, and asks only once', async () => {
    const { link, seen } = scriptedServer([UNAUTHENTICATED]);
    const renewal = sessionRenewalLink(
      () => true,
      async () => false,
    );
    expect(await runThrough(renewal.concat(link))).toEqual(UNAUTHENTICATED);
    expect(seen.requests).toBe(1);
  });

  it('does not renew again when the second answer is refused too', async () => {
    const { link, seen } = scriptedServer([UNAUTHENTICATED, UNAUTHENTICATED]);
    const { renewal, counts } = signedInRenewal();
    expect(await runThrough(renewal.concat(link))).toEqual(UNAUTHENTICATED);
    expect({ requests: seen.requests, renewals: counts.renewals }).toEqual({ requests: 2, renewals: 1 });
  });

  it('leaves signed-out requests and the session operations alone', async () => {
    let renewals = 0;
    const renew = async () => {
      renewals += 1;
      return true;
    };
    const signedOut = scriptedServer([UNAUTHENTICATED]);
    expect(await runThrough(sessionRenewalLink(() => false, renew).concat(signedOut.link))).toEqual(
      UNAUTHENTICATED,
    );
    const refresh = scriptedServer([UNAUTHENTICATED]);
    expect(
      await runThrough(
        sessionRenewalLink(() => true, renew).concat(refresh.link),
        parse('mutation RefreshWebSession { refreshSession { accessToken } }'),
      ),
    ).toEqual(UNAUTHENTICATED);
    expect(renewals).toBe(0);
  });
});
