import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { PrivatePostgres } from '../faults/fault-support';
import {
  accreditedSharedCarerCooperative,
  createTerritory,
  grantRole,
  ok,
  PIEDMONT,
  signUp,
  waitUntil,
} from '../support/fixtures';
import { startStackForFile } from '../support/stack';

const SEARCH = `query ($filter: ServiceOfferFilter) {
  searchServiceOffers(filter: $filter, first: 50) { items { id organisation { id } } }
}`;

/**
 * PostgreSQL read replica (issue 16): a private primary and a streaming replica made from it with
 * pg_basebackup -R, both on loopback. With DATABASE_REPLICA_URL the catalogue search reads on the
 * replica (an offer written while its replay is paused is not seen until replay resumes), writes
 * and reads after them stay on the primary, and a replica that stops sends reads back to the
 * primary without a failed request.
 */
describe('PostgreSQL read replica', () => {
  const primary = new PrivatePostgres();
  const replica = new PrivatePostgres();
  let onReplica: Client;
  let territoryId: string;

  beforeAll(async () => {
    await primary.startMigrated();
    await replica.startReplicaOf(primary);
    onReplica = new Client({ connectionString: replica.url });
    await onReplica.connect();
  }, 180000);
  const stack = startStackForFile(() => ({
    env: {
      DATABASE_URL: primary.url,
      DATABASE_REPLICA_URL: replica.url,
      // Replay is paused on purpose below; its lag check has its own limit, not what this shows.
      DATABASE_REPLICA_MAX_LAG_SECONDS: '3600',
    },
  }));
  afterAll(async () => {
    await onReplica?.end().catch(() => undefined);
    await replica.cleanup();
    await primary.cleanup();
  });
  beforeAll(async () => {
    territoryId = await createTerritory(stack.dataSource, `Langhe ${randomBytes(3).toString('hex')}`, [
      PIEDMONT.alba,
    ]);
  });

  async function offerOfNewCooperative(): Promise<string> {
    const [cooperative, moderator] = await Promise.all([signUp(stack), signUp(stack)]);
    await grantRole(stack.dataSource, moderator.userId, 'comune_moderator', { territoryId });
    const { organisationId } = await accreditedSharedCarerCooperative(
      stack,
      { cooperative, moderator },
      { territoryId, comuneIstat: PIEDMONT.alba },
      [1500, 1000, 800],
    );
    return organisationId;
  }

  async function catalogue(): Promise<string[]> {
    const data = ok(
      await stack.graphql<{ searchServiceOffers: { items: { organisation: { id: string } }[] } }>(SEARCH, {
        filter: { comuneIstat: PIEDMONT.alba },
      }),
    );
    return data.searchServiceOffers.items.map((item) => item.organisation.id);
  }

  it('serves the catalogue from the replica: an offer written while replay is paused shows once it resumes', async () => {
    const first = await offerOfNewCooperative();
    await waitUntil(async () => (await catalogue()).includes(first), 20000);
    // The api has its own pool on the replica.
    const { rows } = await onReplica.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'prossimo'`,
    );
    expect(rows[0].n).toBeGreaterThan(0);

    await onReplica.query(`SELECT pg_wal_replay_pause()`);
    // Sign-up, accreditation and the offer: writes and reads after them, all on the primary.
    const second = await offerOfNewCooperative();
    const [onPrimary] = await stack.dataSource.query(
      `SELECT count(*)::int AS n FROM service_offers WHERE organisation_id = $1`,
      [second],
    );
    expect(onPrimary.n).toBe(1);
    const stale = await catalogue();
    expect(stale).toContain(first);
    expect(stale).not.toContain(second);

    await onReplica.query(`SELECT pg_wal_replay_resume()`);
    await waitUntil(async () => (await catalogue()).includes(second), 20000);
  });

  it('reads on the primary when the replica stops, without a failed request', async () => {
    await onReplica.end();
    await replica.stop();
    const third = await offerOfNewCooperative();
    const offers = await catalogue();
    expect(offers).toContain(third);
  });
});
