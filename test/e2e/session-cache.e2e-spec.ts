import { createTerritory, grantRole, signUp, SignedInUser, TRENTINO } from '../support/fixtures';
import { startStackForFile, uniqueIp } from '../support/stack';

const ME = `{ me { id roles { role } } }`;
const STAFF_READ = `{ territoryNeeds(first: 1) { items { id } } }`;
const REQUEST_CODE = `mutation ($phone: String!) { requestPhoneVerification(input: { phone: $phone }) { phone } }`;
const VERIFY = `mutation ($phone: String!, $code: String!) {
  verifyPhone(input: { phone: $phone, code: $code }) { accessToken refreshToken }
}`;
const REFRESH = `mutation ($token: String!) { refreshSession(input: { refreshToken: $token }) { accessToken refreshToken } }`;
const GRANT = `mutation ($input: GrantStaffRoleInput!) { grantStaffRole(input: $input) { userId } }`;
const REVOKE = `mutation ($input: GrantStaffRoleInput!) { revokeStaffRole(input: $input) }`;
const SUSPEND = `mutation ($input: SuspendUserInput!) { suspendUser(input: $input) }`;

function errorCode(result: { errors?: { extensions?: Record<string, unknown> }[] }): unknown {
  return result.errors?.[0]?.extensions?.code;
}

/**
 * The session cache as production runs it (the e2e default is off): a checked token is reused for
 * SESSION_CACHE_TTL_MS, yet every change made through the api that ends or narrows access takes
 * effect on the very next request.
 */
describe('Session cache: revocations through the api are immediate', () => {
  const stack = startStackForFile({ env: { SESSION_CACHE_TTL_MS: '60000' } });
  let admin: SignedInUser;
  let territoryId: string;

  beforeAll(async () => {
    admin = await signUp(stack);
    await grantRole(stack.dataSource, admin.userId, 'platform_admin');
    territoryId = await createTerritory(stack.dataSource, 'Comune di Trento (cache)', [TRENTINO.trento]);
  });

  async function signIn(phone: string): Promise<{ accessToken: string; refreshToken: string }> {
    const before = stack.gateway.messagesTo(phone).length;
    await stack.dataSource.query(
      `UPDATE phone_verifications SET created_at = created_at - interval '61 seconds' WHERE phone_e164 = $1`,
      [phone],
    );
    expect((await stack.graphql(REQUEST_CODE, { phone }, { ip: uniqueIp() })).errors).toBeUndefined();
    const code = await stack.gateway.waitForCode(phone, before);
    const verified = await stack.graphql<{ verifyPhone: { accessToken: string; refreshToken: string } }>(
      VERIFY,
      { phone, code },
    );
    expect(verified.errors).toBeUndefined();
    return verified.data!.verifyPhone;
  }

  it('is on: a token checked a moment ago is not checked again (the documented bound)', async () => {
    const person = await signUp(stack);
    expect((await stack.graphql(ME, {}, { token: person.token })).errors).toBeUndefined();
    // Revoked behind the api's back (as another process would): this process trusts its check
    // until the TTL runs out, which is the bound docs/configuration.md states.
    await stack.dataSource.query(`UPDATE sessions SET revoked_at = now() WHERE user_id = $1`, [
      person.userId,
    ]);
    expect((await stack.graphql(ME, {}, { token: person.token })).errors).toBeUndefined();
  });

  it('signing out ends the cached token at once', async () => {
    const person = await signUp(stack);
    expect((await stack.graphql(ME, {}, { token: person.token })).errors).toBeUndefined();
    expect((await stack.graphql(`mutation { signOut }`, {}, { token: person.token })).errors).toBeUndefined();
    expect(errorCode(await stack.graphql(ME, {}, { token: person.token }))).toBe('UNAUTHENTICATED');
  });

  it('refreshing retires the old access token, and a reused refresh token ends the new one, at once', async () => {
    const person = await signUp(stack);
    const first = await signIn(person.phone);
    expect((await stack.graphql(ME, {}, { token: first.accessToken })).errors).toBeUndefined();
    const refreshed = await stack.graphql<{ refreshSession: { accessToken: string } }>(REFRESH, {
      token: first.refreshToken,
    });
    expect(refreshed.errors).toBeUndefined();
    const next = refreshed.data!.refreshSession.accessToken;
    expect(errorCode(await stack.graphql(ME, {}, { token: first.accessToken }))).toBe('UNAUTHENTICATED');
    expect((await stack.graphql(ME, {}, { token: next })).errors).toBeUndefined();
    expect(errorCode(await stack.graphql(REFRESH, { token: first.refreshToken }))).toBe('SESSION_INVALID');
    expect(errorCode(await stack.graphql(ME, {}, { token: next }))).toBe('UNAUTHENTICATED');
  });

  it('a suspension ends the cached token at once', async () => {
    const person = await signUp(stack);
    expect((await stack.graphql(ME, {}, { token: person.token })).errors).toBeUndefined();
    const suspended = await stack.graphql(
      SUSPEND,
      { input: { userId: person.userId, reason: 'Prova di sospensione' } },
      { token: admin.token },
    );
    expect(suspended.errors).toBeUndefined();
    expect(errorCode(await stack.graphql(ME, {}, { token: person.token }))).toBe('UNAUTHENTICATED');
  });

  it('a granted staff role works at once and a revoked one stops at once', async () => {
    const person = await signUp(stack);
    expect(errorCode(await stack.graphql(STAFF_READ, {}, { token: person.token }))).toBe('FORBIDDEN');
    const input = { phone: person.phone, role: 'COMUNE_OPERATOR', territoryId };
    expect((await stack.graphql(GRANT, { input }, { token: admin.token })).errors).toBeUndefined();
    expect((await stack.graphql(STAFF_READ, {}, { token: person.token })).errors).toBeUndefined();
    const revoked = await stack.graphql<{ revokeStaffRole: boolean }>(
      REVOKE,
      { input },
      { token: admin.token },
    );
    expect(revoked.data?.revokeStaffRole).toBe(true);
    expect(errorCode(await stack.graphql(STAFF_READ, {}, { token: person.token }))).toBe('FORBIDDEN');
  });
});
