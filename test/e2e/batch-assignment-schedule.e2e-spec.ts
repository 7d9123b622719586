import { randomBytes } from 'node:crypto';
import { SignedInUser, createTerritory, grantRole, ok, signUp, waitUntil } from '../support/fixtures';
import { becomeDrivers, eastOf, Place, postNeedAs, rideInput } from '../support/rides';
import { proposalsOf } from '../support/engagements';
import { startStackForFile } from '../support/stack';

// Rovigo and Adria: no other test file posts needs there.
const ROVIGO = '029041';
const ADRIA = '029001';
const ORIGIN = { lat: 45.07, lon: 11.79 };
const east = (km: number) => eastOf(ORIGIN, km);
const HOSPITAL = { name: 'Ospedale di Rovigo', location: ORIGIN };

const SET_SETTINGS = `mutation ($input: SetTerritoryMatchingSettingsInput!) {
  setTerritoryMatchingSettings(input: $input) { territoryId citizenConfirmationRequired scheduledBatchAssignment } }`;
const SETTINGS = `query ($id: ID!) { territoryMatchingSettings(territoryId: $id) { citizenConfirmationRequired scheduledBatchAssignment } }`;
const RUNS = `query ($territoryId: ID) { batchAssignmentRuns(first: 10, territoryId: $territoryId) {
  items { id status scheduled windowStart windowEnd needsCount served greedyServed proposalsSent } } }`;

interface Run {
  id: string;
  status: string;
  scheduled: boolean;
  windowStart: string;
  windowEnd: string;
  needsCount: number;
  served: number;
  greedyServed: number;
  proposalsSent: number;
}

function ride(place: Place, start: Date, maxDistanceKm: number) {
  return rideInput({ place, comuneIstat: ROVIGO, hospital: HOSPITAL, start, maxDistanceKm });
}

describe('Scheduled batch assignment: the next day’s rides of the territories that opted in', () => {
  // The schedule fires every two seconds here (every evening by default); one proposal per
  // need online, so the batch has someone new to ask.
  const stack = startStackForFile({
    env: { MATCHING_PROPOSALS_PER_NEED: '1', MATCHING_BATCH_SCHEDULE: '*/2 * * * * *' },
  });
  let territoryId: string;
  let otherTerritoryId: string;
  let operator: SignedInUser;
  let moderator: SignedInUser;
  let citizen: SignedInUser;
  let near: SignedInUser;
  let west: SignedInUser;
  let firstRide: string;
  let secondRide: string;

  const runs = async (id: string) =>
    ok(
      await stack.graphql<{ batchAssignmentRuns: { items: Run[] } }>(
        RUNS,
        { territoryId: id },
        { token: operator.token },
      ),
    ).batchAssignmentRuns.items;

  beforeAll(async () => {
    const suffix = randomBytes(3).toString('hex');
    territoryId = await createTerritory(stack.dataSource, `Polesine ${suffix}`, [ROVIGO]);
    otherTerritoryId = await createTerritory(stack.dataSource, `Basso Polesine ${suffix}`, [ADRIA]);
    [operator, moderator, citizen, near, west] = await Promise.all(
      Array.from({ length: 5 }, () => signUp(stack)),
    );
    for (const id of [territoryId, otherTerritoryId]) {
      await grantRole(stack.dataSource, operator.userId, 'comune_operator', { territoryId: id });
      await grantRole(stack.dataSource, moderator.userId, 'comune_moderator', { territoryId: id });
    }
    await becomeDrivers(stack, [
      [near, 'Nina', east(1)],
      [west, 'Walter', east(-1.5)],
    ]);
    // Tomorrow at 11:00 and 11:30, Rome time: the two rides overlap. The first is 1 km from Nina
    // and 1.5 km from Walter; the second, 1.5 km from Nina, takes helpers within 2 km only.
    const [{ tomorrow }]: { tomorrow: Date }[] = await stack.dataSource.query(
      `SELECT (((now() AT TIME ZONE 'Europe/Rome')::date + 1) + time '11:00') AT TIME ZONE 'Europe/Rome' AS tomorrow`,
    );
    const post = (input: unknown) => postNeedAs(stack, citizen, input);
    firstRide = await post(ride(east(0), tomorrow, 15));
    secondRide = await post(ride(east(2.5), new Date(tomorrow.getTime() + 1800_000), 2));
    // Online matching asks Nina for both.
    await waitUntil(async () => (await proposalsOf(stack, near)).length === 2, 30000);
  });

  it('starts nothing where the territory has not opted in', async () => {
    // Several ticks of the schedule have passed since the stack started.
    await new Promise((resolve) => setTimeout(resolve, 4500));
    expect(await runs(territoryId)).toEqual([]);
    expect(
      ok(
        await stack.graphql<{ territoryMatchingSettings: unknown }>(
          SETTINGS,
          { id: territoryId },
          { token: operator.token },
        ),
      ).territoryMatchingSettings,
    ).toEqual({ citizenConfirmationRequired: false, scheduledBatchAssignment: false });
  });

  it('once opted in, the evening run assigns the next day’s rides: both served, once per window', async () => {
    const settings = ok(
      await stack.graphql<{ setTerritoryMatchingSettings: unknown }>(
        SET_SETTINGS,
        { input: { territoryId, citizenConfirmationRequired: false, scheduledBatchAssignment: true } },
        { token: moderator.token },
      ),
    ).setTerritoryMatchingSettings;
    expect(settings).toEqual({
      territoryId,
      citizenConfirmationRequired: false,
      scheduledBatchAssignment: true,
    });

    let run: Run | undefined;
    await waitUntil(async () => {
      [run] = await runs(territoryId);
      return run?.status === 'COMPLETED';
    }, 30000);
    expect(run).toMatchObject({
      scheduled: true,
      needsCount: 2,
      served: 2,
      greedyServed: 1,
      proposalsSent: 1,
    });
    // The window is the next Rome day.
    const window = run as Run;
    expect(
      new Date(window.windowEnd).getTime() - new Date(window.windowStart).getTime(),
    ).toBeGreaterThanOrEqual(23 * 3600_000);
    expect(new Date(window.windowStart).getTime()).toBeGreaterThan(Date.now());
    expect(new Date(window.windowStart).getTime()).toBeLessThan(Date.now() + 24 * 3600_000);

    // Walter asked for the first ride, Nina keeps the second.
    expect(await proposalsOf(stack, west)).toEqual([
      expect.objectContaining({ needId: firstRide, status: 'PENDING' }),
    ]);
    const nina = await proposalsOf(stack, near);
    expect(nina.find((p) => p.needId === secondRide)?.status).toBe('PENDING');
    expect(nina.find((p) => p.needId === firstRide)?.status).toBe('WITHDRAWN');

    // More ticks: still one scheduled run for that window, and no other territory got one.
    await new Promise((resolve) => setTimeout(resolve, 4500));
    expect(await runs(territoryId)).toHaveLength(1);
    expect(await runs(otherTerritoryId)).toEqual([]);
    const [{ jobs }]: { jobs: number }[] = await stack.dataSource.query(
      `SELECT count(*)::int AS jobs FROM outbox WHERE job_name = 'assign-batch' AND payload ->> 'runId' = $1`,
      [window.id],
    );
    expect(jobs).toBe(1);
  });

  it('a Comune moderator turns it off again; leaving it out keeps it as it was', async () => {
    ok(
      await stack.graphql(
        SET_SETTINGS,
        { input: { territoryId, citizenConfirmationRequired: true } },
        { token: moderator.token },
      ),
    );
    const kept = ok(
      await stack.graphql<{ territoryMatchingSettings: unknown }>(
        SETTINGS,
        { id: territoryId },
        { token: operator.token },
      ),
    ).territoryMatchingSettings;
    expect(kept).toEqual({ citizenConfirmationRequired: true, scheduledBatchAssignment: true });
    ok(
      await stack.graphql(
        SET_SETTINGS,
        { input: { territoryId, citizenConfirmationRequired: true, scheduledBatchAssignment: false } },
        { token: moderator.token },
      ),
    );
    const off = ok(
      await stack.graphql<{ territoryMatchingSettings: unknown }>(
        SETTINGS,
        { id: territoryId },
        { token: operator.token },
      ),
    ).territoryMatchingSettings;
    expect(off).toEqual({ citizenConfirmationRequired: true, scheduledBatchAssignment: false });
  });
});
