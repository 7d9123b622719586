import request from 'supertest';
import { startStackForFile, uniqueIp, uniquePhone } from '../support/stack';

describe('Limits at the edge', () => {
  const stack = startStackForFile({
    startWorker: false,
    env: {
      RATE_LIMIT_PER_MINUTE: '40',
      RATE_LIMIT_SENSITIVE_PER_MINUTE: '5',
      GRAPHQL_MAX_COST: '300',
      GRAPHQL_MAX_DEPTH: '3',
    },
  });

  function codes(result: { errors?: { extensions?: Record<string, unknown> }[] }): unknown[] {
    return (result.errors ?? []).map((error) => error.extensions?.code);
  }

  it('refuses queries deeper than the limit, also through fragments', async () => {
    const verify = (selection: string) =>
      stack.graphql(
        `mutation { verifyPhone(input: { phone: "${uniquePhone()}", code: "123456" }) ${selection} }`,
      );
    // Depth 3 is within this stack's limit of 3: it runs (and fails on the code, not on depth).
    expect(codes(await verify('{ user { id } }'))).toEqual(['OTP_NOT_REQUESTED']);
    expect(codes(await verify('{ user { roles { role } } }'))).toEqual(['QUERY_TOO_DEEP']);
    const throughFragment = await stack.graphql(
      `fragment R on User { roles { role } }
       mutation { verifyPhone(input: { phone: "${uniquePhone()}", code: "123456" }) { user { ...R } } }`,
    );
    expect(codes(throughFragment)).toEqual(['QUERY_TOO_DEEP']);
  });

  it('refuses more than ten aliases in a document', async () => {
    const aliases = Array.from(
      { length: 11 },
      (_, index) => `c${index}: comuni(first: 1) { items { name } }`,
    );
    expect(codes(await stack.graphql(`{ ${aliases.join(' ')} }`, {}, { ip: uniqueIp() }))).toEqual([
      'TOO_MANY_ALIASES',
    ]);
    expect(
      (await stack.graphql(`{ ${aliases.slice(0, 10).join(' ')} }`, {}, { ip: uniqueIp() })).errors,
    ).toBeUndefined();
  });

  it('refuses operations whose cost exceeds the limit, counting page sizes', async () => {
    const cheap = await stack.graphql(
      `{ comuni(first: 50) { items { name istat } } }`,
      {},
      { ip: uniqueIp() },
    );
    expect(cheap.errors).toBeUndefined();
    const costly = await stack.graphql(
      `{ comuni(first: 100) { items { name istat province region lat lon } } }`,
      {},
      { ip: uniqueIp() },
    );
    expect(codes(costly)).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it('counts the page size of every request, also when the same document comes again', async () => {
    // Costs are remembered per document and page size: a cheap request must not let a costly one through.
    const query = `query ($first: Int!, $near: String) { comuni(first: $first, search: $near) {
      items { name istat province region lat lon } } }`;
    const run = async (first: number, near: string) =>
      codes(await stack.graphql(query, { first, near }, { ip: uniqueIp() }));
    expect(await run(10, 'Tor')).toEqual([]);
    expect(await run(100, 'Tor')).toEqual(['QUERY_TOO_COMPLEX']);
    expect(await run(10, 'Ast')).toEqual([]);
    expect(await run(100, 'Ast')).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it('limits sign-up attempts per client IP more strictly than other calls', async () => {
    const ip = uniqueIp();
    const outcomes: unknown[] = [];
    for (let attempt = 0; attempt < 7; attempt += 1) {
      const result = await stack.graphql(
        `mutation ($phone: String!) { requestPhoneVerification(input: { phone: $phone }) { phone } }`,
        { phone: uniquePhone() },
        { ip },
      );
      outcomes.push(codes(result)[0] ?? 'OK');
    }
    expect(outcomes.slice(0, 5)).toEqual(Array(5).fill('OK'));
    expect(outcomes.slice(5)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
  });

  it('counts made-up access tokens by client IP: they cannot open a fresh budget each', async () => {
    const ip = uniqueIp();
    const outcomes: unknown[] = [];
    for (let page = 0; page < 7; page += 1) {
      const result = await stack.graphql(
        `{ searchServiceOffers(first: 5) { items { title } } }`,
        {},
        { ip, token: `forged.token${page}.signature` },
      );
      outcomes.push(codes(result)[0] ?? 'OK');
    }
    expect(outcomes).toEqual([...Array(5).fill('OK'), 'RATE_LIMITED', 'RATE_LIMITED']);
  });

  it('stops search scraping from one client at the stricter limit', async () => {
    const ip = uniqueIp();
    const outcomes: unknown[] = [];
    for (let page = 0; page < 7; page += 1) {
      const result = await stack.graphql(`{ searchServiceOffers(first: 5) { items { title } } }`, {}, { ip });
      outcomes.push(codes(result)[0] ?? 'OK');
    }
    expect(outcomes).toEqual([...Array(5).fill('OK'), 'RATE_LIMITED', 'RATE_LIMITED']);
  });

  it('limits any client IP overall, and answers 429-coded errors in the caller language', async () => {
    const ip = uniqueIp();
    let limited: { message: string } | undefined;
    for (let call = 0; call < 45 && !limited; call += 1) {
      const result = await stack.graphql(
        `{ comuni(first: 1) { items { name } } }`,
        {},
        { ip, language: 'en' },
      );
      if (codes(result)[0] === 'RATE_LIMITED') limited = result.errors?.[0];
    }
    expect(limited?.message).toMatch(/Too many requests/);
  });

  it('sends security headers, refuses unknown browser origins, and caps the body size', async () => {
    const response = await request(stack.api.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('origin', 'https://evil.example')
      .send({ query: '{ __typename }' });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    expect(response.headers['x-powered-by']).toBeUndefined();
    // No ETag: a hash of every answer, of no use to a POST.
    expect(response.headers.etag).toBeUndefined();

    const huge = await request(stack.api.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({ query: `{ comuni(search: "${'x'.repeat(200_000)}") { items { name } } }` });
    expect(huge.status).toBe(413);
    expect(JSON.stringify(huge.body)).not.toMatch(/at .*\.js/);
  });

  it('answers variables that do not fit the schema with 400 BAD_USER_INPUT, and bad ids naming the argument', async () => {
    const badVariables = await stack.graphql(
      `query ($first: Int) { comuni(first: $first) { items { name } } }`,
      {
        first: 'many',
      },
    );
    expect(badVariables.status).toBe(400);
    expect(codes(badVariables)).toEqual(['BAD_USER_INPUT']);
    const badId = await stack.graphql(`query ($id: ID!) { territory(id: $id) { name } }`, {
      id: 'not-a-uuid',
    });
    expect(badId.errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'id' });
  });

  it('refuses HTTP batching', async () => {
    const batch = await request(stack.api.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .send([{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(batch.status).toBe(400);
  });
});
