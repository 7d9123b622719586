import request from 'supertest';
import { QUEUE_NAMES } from '@prossimo/platform';
import { grantRole, signUp, SignedInUser } from '../support/fixtures';
import { startStackForFile } from '../support/stack';

const OPEN = `mutation { openQueueDashboard { url expiresAt } }`;
const QUEUES = '/admin/queues/api/queues';

interface QueueList {
  queues: { name: string; counts: Record<string, number> }[];
}

describe.each(['redis', 'postgres'] as const)('queue dashboard (bull-board) on the %s backend', (backend) => {
  const stack = startStackForFile({ queueBackend: backend });
  let admin: SignedInUser;
  let citizen: SignedInUser;
  let operator: SignedInUser;

  beforeAll(async () => {
    [admin, citizen, operator] = await Promise.all([signUp(stack), signUp(stack), signUp(stack)]);
    await grantRole(stack.dataSource, admin.userId, 'platform_admin');
    const [territory]: { id: string }[] = await stack.dataSource.query(
      `INSERT INTO territories (kind, name) VALUES ('comune', $1) RETURNING id`,
      [`Dashboard ${backend} ${Date.now()}`],
    );
    await grantRole(stack.dataSource, operator.userId, 'comune_operator', { territoryId: territory.id });
  });

  const get = (path: string) => request(stack.api.getHttpServer()).get(path);

  it('refuses requests without credentials or with a bad token (401), and anyone but a platform admin (403)', async () => {
    for (const path of ['/admin/queues', QUEUES, '/admin/queues/static/images/logo.svg']) {
      expect((await get(path)).status).toBe(401);
    }
    expect((await get(QUEUES).set('authorization', 'Bearer not-a-token')).status).toBe(401);
    const asCitizen = await get(QUEUES).set('authorization', `Bearer ${citizen.token}`);
    expect(asCitizen.status).toBe(403);
    expect(asCitizen.body).toEqual({ error: 'FORBIDDEN' });
    expect((await get(QUEUES).set('authorization', `Bearer ${operator.token}`)).status).toBe(403);
  });

  it('shows every queue with its counts to a platform admin with a Bearer token', async () => {
    const response = await get(QUEUES).set('authorization', `Bearer ${admin.token}`);
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const { queues } = response.body as QueueList;
    expect(queues.map((queue) => queue.name).sort()).toEqual([...QUEUE_NAMES].sort());
    expect(QUEUE_NAMES).toEqual(expect.arrayContaining(['notifications', 'matching', 'maintenance']));
    // The sign-up codes went through the notifications queue of this backend.
    const notifications = queues.find((queue) => queue.name === 'notifications')!;
    expect(notifications.counts.completed).toBeGreaterThanOrEqual(3);
  });

  it('opens in a browser with the HttpOnly cookie of openQueueDashboard, for admins only', async () => {
    const denied = await stack.graphql(OPEN, {}, { token: citizen.token });
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const opened = await request(stack.api.getHttpServer())
      .post('/graphql')
      .set('authorization', `Bearer ${admin.token}`)
      .send({ query: OPEN });
    expect(opened.body.errors).toBeUndefined();
    expect(opened.body.data.openQueueDashboard.url).toBe('/admin/queues');
    const setCookie = String(opened.headers['set-cookie']);
    expect(setCookie).toMatch(
      /^prossimo_queue_dashboard=[^;]+; Max-Age=600; Path=\/admin\/queues; .*HttpOnly; SameSite=Strict/,
    );
    const cookie = setCookie.split(';')[0];

    const page = await get('/admin/queues').set('cookie', cookie);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    // bull-board's page links Google Fonts: the browser is told to load nothing from another origin.
    expect(page.text).toContain('fonts.googleapis.com');
    expect(page.headers['content-security-policy']).toMatch(/^default-src 'self';/);
    expect(page.headers['content-security-policy']).not.toMatch(/googleapis|https:/);
    expect((await get(QUEUES).set('cookie', cookie)).status).toBe(200);

    // A forged or altered ticket opens nothing, and the ticket is no access token for the api.
    expect((await get(QUEUES).set('cookie', `${cookie}x`)).status).toBe(401);
    const ticket = cookie.split('=')[1];
    const asBearer = await stack.graphql(`{ me { id } }`, {}, { token: ticket });
    expect(asBearer.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    const [{ count }] = await stack.dataSource.query(
      `SELECT count(*)::int AS count FROM audit_log WHERE action = 'queue_dashboard.opened' AND actor_user_id = $1`,
      [admin.userId],
    );
    expect(count).toBe(1);

    // The ticket lives only as long as the role and the session.
    await stack.dataSource.query(`DELETE FROM user_roles WHERE user_id = $1 AND role = 'platform_admin'`, [
      admin.userId,
    ]);
    expect((await get(QUEUES).set('cookie', cookie)).status).toBe(403);
    await grantRole(stack.dataSource, admin.userId, 'platform_admin');
    expect((await get(QUEUES).set('cookie', cookie)).status).toBe(200);
    expect((await stack.graphql(`mutation { signOut }`, {}, { token: admin.token })).errors).toBeUndefined();
    expect((await get(QUEUES).set('cookie', cookie)).status).toBe(401);
  });
});
