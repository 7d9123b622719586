import { TcpProxy } from '../support/tcp-proxy';
import { startStack, TestStack, uniqueIp, uniquePhone } from '../support/stack';

const SEARCH = `{ searchServiceOffers(filter: { near: { lat: 44.7, lon: 8.03, radiusKm: 20 } }, first: 5) { items { id } } }`;
const REQUEST_CODE = `mutation ($phone: String!) { requestPhoneVerification(input: { phone: $phone }) { phone } }`;

/**
 * While PostgreSQL does not answer, the api says so with a retryable error (issue 16):
 * SERVICE_UNAVAILABLE with extensions.retryAfterSeconds, not INTERNAL_SERVER_ERROR; and it
 * serves again by itself once the database is back.
 */
describe('PostgreSQL unavailable', () => {
  let stack: TestStack;
  let proxy: TcpProxy;

  beforeAll(async () => {
    const database = new URL(process.env.PROSSIMO_TEST_DATABASE_URL as string);
    proxy = new TcpProxy(database.hostname, Number(database.port || 5432));
    await proxy.up();
    database.hostname = proxy.address.host;
    database.port = String(proxy.address.port);
    stack = await startStack({ startWorker: false, env: { DATABASE_URL: database.toString() } });
  });

  afterAll(async () => {
    await proxy?.up();
    await stack?.close();
    await proxy?.down();
  });

  it('answers SERVICE_UNAVAILABLE with a retry hint while it is down, and serves again once it is back', async () => {
    const before = await stack.graphql(SEARCH, {}, { ip: uniqueIp() });
    expect(before.errors).toBeUndefined();

    await proxy.down();
    for (const [query, variables] of [
      [SEARCH, {}],
      [REQUEST_CODE, { phone: uniquePhone() }],
    ] as const) {
      const answer = await stack.graphql(query, variables, { ip: uniqueIp(), language: 'it' });
      expect(answer.status).toBe(200);
      expect(answer.errors?.[0].extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 5 });
      expect(answer.errors?.[0].message).toBe(
        'Il servizio è momentaneamente non disponibile. Riprova tra 5 secondi.',
      );
    }

    await proxy.up();
    const after = await stack.graphql(SEARCH, {}, { ip: uniqueIp() });
    expect(after.errors).toBeUndefined();
    const signUp = await stack.graphql(REQUEST_CODE, { phone: uniquePhone() }, { ip: uniqueIp() });
    expect(signUp.errors).toBeUndefined();
  });
});
