import { SignedInUser, errorOf, hoursFromNow, ok, waitUntil } from '../support/fixtures';
import {
  batchRunOnceIn,
  eastOfLodiHospital,
  lodiRide,
  lodiScene,
  postNeedAs,
  postTwoLodiRides,
} from '../support/rides';
import { proposalsOf } from '../support/engagements';
import { startStackForFile } from '../support/stack';

const RUN_FIELDS = `id territoryId category status needsCount helpersCount served totalMeters greedyServed
  greedyMeters proposalsSent finishedAt`;
const REQUEST = `mutation ($input: RequestBatchAssignmentInput!) { requestBatchAssignment(input: $input) { ${RUN_FIELDS} } }`;
const RUN = `query ($id: ID!) { batchAssignmentRun(id: $id) { ${RUN_FIELDS} } }`;
const RUNS = `query { batchAssignmentRuns(first: 10) { items { id } } }`;

interface Run {
  id: string;
  status: string;
  needsCount: number;
  helpersCount: number;
  served: number;
  totalMeters: number;
  greedyServed: number;
  greedyMeters: number;
  proposalsSent: number;
}

describe('Batch assignment through the queue: optimal, no helper twice, at least as good as greedy', () => {
  // One proposal per need online, so the batch has someone new to ask.
  const stack = startStackForFile({ env: { MATCHING_PROPOSALS_PER_NEED: '1' } });
  let territoryId: string;
  let operator: SignedInUser;
  let foreignOperator: SignedInUser;
  let citizen: SignedInUser;
  let near: SignedInUser;
  let west: SignedInUser;
  let firstRide: string;
  let secondRide: string;

  const finished = (runId: string) => batchRunOnceIn<Run>(stack, operator, RUN, runId, ['COMPLETED']);

  /** The operator's run over the next two days, as the api answers its request. */
  async function requestRun(): Promise<Run> {
    return ok(
      await stack.graphql<{ requestBatchAssignment: Run }>(
        REQUEST,
        { input: { territoryId, from: hoursFromNow(0), to: hoursFromNow(48) } },
        { token: operator.token },
      ),
    ).requestBatchAssignment;
  }

  beforeAll(async () => {
    ({ territoryId, operator, foreignOperator, citizen, nino: near, walter: west } = await lodiScene(stack));
    // Walter (4 km from the second ride) cannot take it; online matching asks Nino for both.
    ({ firstRide, secondRide } = await postTwoLodiRides(stack, citizen, near));
  });

  it('only operators of the territory start a run, with a sane window', async () => {
    const input = { territoryId, from: hoursFromNow(0), to: hoursFromNow(48) };
    const [{ n: before }]: { n: number }[] = await stack.dataSource.query(
      `SELECT count(*)::int AS n FROM batch_assignment_runs`,
    );
    expect(errorOf(await stack.graphql(REQUEST, { input }, { token: foreignOperator.token })).code).toBe(
      'FORBIDDEN',
    );
    expect(errorOf(await stack.graphql(REQUEST, { input }, { token: citizen.token })).code).toBe('FORBIDDEN');
    expect(errorOf(await stack.graphql(REQUEST, { input }))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(
      errorOf(
        await stack.graphql(
          REQUEST,
          { input: { ...input, from: hoursFromNow(10), to: hoursFromNow(5) } },
          { token: operator.token },
        ),
      ),
    ).toEqual({ code: 'BATCH_WINDOW_REVERSED', field: 'to' });
    expect(
      errorOf(
        await stack.graphql(
          REQUEST,
          { input: { ...input, to: hoursFromNow(24 * 9) } },
          { token: operator.token },
        ),
      ),
    ).toEqual({ code: 'BATCH_WINDOW_TOO_LONG', field: 'to' });
    const [{ n: after }]: { n: number }[] = await stack.dataSource.query(
      `SELECT count(*)::int AS n FROM batch_assignment_runs`,
    );
    expect(after).toBe(before);
  });

  it('serves both rides where greedy serves one: one pending proposal per ride, nobody on two', async () => {
    const requested = await requestRun();
    // The answer reads the run after its commit, so a quick worker may already have begun it.
    expect(['QUEUED', 'RUNNING', 'COMPLETED']).toContain(requested.status);
    // The job carries the run id only.
    const [job]: { payload: Record<string, unknown> }[] = await stack.dataSource.query(
      `SELECT payload FROM outbox WHERE job_name = 'assign-batch' AND payload ->> 'runId' = $1`,
      [requested.id],
    );
    expect(job.payload).toEqual({ runId: requested.id });

    const run = await finished(requested.id);
    expect(run).toMatchObject({
      status: 'COMPLETED',
      needsCount: 2,
      helpersCount: 2,
      served: 2,
      greedyServed: 1,
      // Walter asked for the first ride; Nino kept the second.
      proposalsSent: 1,
    });
    // 1.5 km + 1.5 km, against greedy's 1 km for a single ride.
    expect(run.totalMeters).toBeGreaterThan(2900);
    expect(run.totalMeters).toBeLessThan(3100);
    expect(run.greedyMeters).toBeGreaterThan(950);
    expect(run.greedyMeters).toBeLessThan(1050);

    const nino = await proposalsOf(stack, near);
    expect(nino.find((p) => p.needId === secondRide)?.status).toBe('PENDING');
    expect(nino.find((p) => p.needId === firstRide)?.status).toBe('WITHDRAWN');
    const walter = await proposalsOf(stack, west);
    expect(walter).toEqual([expect.objectContaining({ needId: firstRide, status: 'PENDING' })]);
    const pending: { helper: string; n: number }[] = await stack.dataSource.query(
      `SELECT helper_user_id AS helper, count(*)::int AS n FROM match_proposals
        WHERE need_id = ANY($1::uuid[]) AND status = 'pending' GROUP BY helper_user_id`,
      [[firstRide, secondRide]],
    );
    expect(pending.every((row) => row.n === 1)).toBe(true);
    expect(pending).toHaveLength(2);
    // Walter's new proposal was sent like any other (SMS: the ride is within a day).
    await stack.gateway.waitFor(() => stack.gateway.messagesTo(west.phone).length > 1);
  });

  it('a second run changes nothing, and runs are visible to the territory’s staff only', async () => {
    const again = await requestRun();
    const run = await finished(again.id);
    expect(run).toMatchObject({ status: 'COMPLETED', served: 2, proposalsSent: 0 });
    const [{ n }]: { n: number }[] = await stack.dataSource.query(
      `SELECT count(*)::int AS n FROM match_proposals WHERE need_id = ANY($1::uuid[]) AND status = 'pending'`,
      [[firstRide, secondRide]],
    );
    expect(n).toBe(2);

    expect(errorOf(await stack.graphql(RUN, { id: again.id }, { token: foreignOperator.token }))).toEqual({
      code: 'BATCH_ASSIGNMENT_NOT_FOUND',
      field: 'id',
    });
    const theirs = ok(
      await stack.graphql<{ batchAssignmentRuns: { items: { id: string }[] } }>(
        RUNS,
        {},
        { token: foreignOperator.token },
      ),
    ).batchAssignmentRuns.items;
    expect(theirs).toEqual([]);
    const ours = ok(
      await stack.graphql<{ batchAssignmentRuns: { items: { id: string }[] } }>(
        RUNS,
        {},
        { token: operator.token },
      ),
    ).batchAssignmentRuns.items;
    expect(ours.map((item) => item.id)).toContain(again.id);
    expect(errorOf(await stack.graphql(RUNS, {}, { token: citizen.token })).code).toBe('FORBIDDEN');
  });

  it('gives one driver two rides that do not overlap (ride buffers included)', async () => {
    // Four hours after the second ride, 1.5 km from Nino and within 2 km only: Nino alone can take
    // it. One need per driver would have to drop it or the second ride; the batch keeps both.
    const laterRide = await postNeedAs(stack, citizen, lodiRide(eastOfLodiHospital(2.5), 24.5, 2));
    await waitUntil(async () => (await proposalsOf(stack, near)).some((p) => p.needId === laterRide), 30000);
    const requested = await requestRun();
    const run = await finished(requested.id);
    expect(run).toMatchObject({ status: 'COMPLETED', needsCount: 3, served: 3, proposalsSent: 0 });
    const nino = await proposalsOf(stack, near);
    expect(nino.filter((p) => p.status === 'PENDING').map((p) => p.needId)).toEqual(
      expect.arrayContaining([secondRide, laterRide]),
    );
    expect(nino.find((p) => p.needId === laterRide)?.status).toBe('PENDING');
    expect(nino.find((p) => p.needId === secondRide)?.status).toBe('PENDING');
    expect(nino.find((p) => p.needId === firstRide)?.status).toBe('WITHDRAWN');
  });
});
