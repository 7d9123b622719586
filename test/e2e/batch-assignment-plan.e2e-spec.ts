import { errorOf, hoursFromNow, ok, SignedInUser } from '../support/fixtures';
import { batchRunOnceIn, LODI, lodiScene, postTwoLodiRides } from '../support/rides';
import { proposalsOf } from '../support/engagements';
import { startStackForFile } from '../support/stack';

// A batch assignment the operator looks at before it goes out: planned (publish: false), compared
// with greedy, read need by need, then published. Each e2e file has its own database copy.

const RUN_FIELDS = `id status needsCount helpersCount served totalMeters greedyServed greedyMeters proposalsSent
  plannedAt publishedAt`;
const REQUEST = `mutation ($input: RequestBatchAssignmentInput!) { requestBatchAssignment(input: $input) { ${RUN_FIELDS} } }`;
const PUBLISH = `mutation ($input: PublishBatchAssignmentInput!) { publishBatchAssignment(input: $input) { ${RUN_FIELDS} } }`;
const RUN = `query ($id: ID!) { batchAssignmentRun(id: $id) { ${RUN_FIELDS} } }`;
const PLAN = `query ($runId: ID!, $first: Int!, $after: String) {
  batchAssignmentPlan(runId: $runId, first: $first, after: $after) {
    items { needId category description comuneIstat windowStart helperKind helperName meters alreadyAsked }
    pageInfo { hasNextPage endCursor } } }`;

interface Run {
  id: string;
  status: string;
  needsCount: number;
  served: number;
  greedyServed: number;
  totalMeters: number;
  greedyMeters: number;
  proposalsSent: number | null;
  plannedAt: string | null;
  publishedAt: string | null;
}
interface PlanEntry {
  needId: string;
  helperKind: string | null;
  helperName: string | null;
  meters: number | null;
  alreadyAsked: boolean;
  description: string;
  comuneIstat: string;
}

describe('Batch assignment planned, looked at and published', () => {
  const stack = startStackForFile({ env: { MATCHING_PROPOSALS_PER_NEED: '1' } });
  let territoryId: string;
  let operator: SignedInUser;
  let moderator: SignedInUser;
  let foreignOperator: SignedInUser;
  let citizen: SignedInUser;
  let near: SignedInUser;
  let west: SignedInUser;
  let firstRide: string;
  let secondRide: string;
  let planned: Run;

  const until = (runId: string, statuses: string[]) =>
    batchRunOnceIn<Run>(stack, operator, RUN, runId, statuses);

  /** The operator's plan over the next two days (publish: false), as the api answers its request. */
  async function requestPlan(): Promise<Run> {
    return ok(
      await stack.graphql<{ requestBatchAssignment: Run }>(
        REQUEST,
        { input: { territoryId, from: hoursFromNow(0), to: hoursFromNow(48), publish: false } },
        { token: operator.token },
      ),
    ).requestBatchAssignment;
  }

  beforeAll(async () => {
    ({
      territoryId,
      operator,
      moderator,
      foreignOperator,
      citizen,
      nino: near,
      walter: west,
    } = await lodiScene(stack));
    // As in batch-assignment: online matching asks Nino for both rides.
    ({ firstRide, secondRide } = await postTwoLodiRides(stack, citizen, near));
  });

  it('plans without sending anything, beside greedy nearest-first', async () => {
    const requested = await requestPlan();
    planned = await until(requested.id, ['PLANNED']);
    expect(planned).toMatchObject({
      status: 'PLANNED',
      needsCount: 2,
      served: 2,
      greedyServed: 1,
      proposalsSent: null,
      publishedAt: null,
    });
    expect(planned.plannedAt).not.toBeNull();
    expect(planned.totalMeters).toBeGreaterThan(2900);
    expect(planned.greedyMeters).toBeLessThan(1050);
    // Nothing sent: Nino still holds both proposals, Walter none.
    expect((await proposalsOf(stack, near)).filter((p) => p.status === 'PENDING')).toHaveLength(2);
    expect(await proposalsOf(stack, west)).toEqual([]);
  });

  it('reads the plan need by need, in time order, one page at a time', async () => {
    const first = ok(
      await stack.graphql<{
        batchAssignmentPlan: { items: PlanEntry[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
      }>(PLAN, { runId: planned.id, first: 1 }, { token: moderator.token }),
    ).batchAssignmentPlan;
    expect(first.items).toEqual([
      expect.objectContaining({
        needId: firstRide,
        helperKind: 'VOLUNTEER',
        helperName: 'Walter',
        alreadyAsked: false,
        comuneIstat: LODI,
        description: 'Accompagnamento a una visita (20 ore)',
      }),
    ]);
    expect(first.items[0].meters).toBeGreaterThan(1400);
    expect(first.items[0].meters).toBeLessThan(1600);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = ok(
      await stack.graphql<{
        batchAssignmentPlan: { items: PlanEntry[]; pageInfo: { hasNextPage: boolean } };
      }>(PLAN, { runId: planned.id, first: 1, after: first.pageInfo.endCursor }, { token: operator.token }),
    ).batchAssignmentPlan;
    expect(second.items).toEqual([
      expect.objectContaining({ needId: secondRide, helperName: 'Nino', alreadyAsked: true }),
    ]);
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect(
      errorOf(await stack.graphql(PLAN, { runId: planned.id, first: 5 }, { token: foreignOperator.token })),
    ).toEqual({ code: 'BATCH_ASSIGNMENT_NOT_FOUND', field: 'id' });
  });

  it('is published by an operator of the territory only, once', async () => {
    for (const outsider of [foreignOperator, moderator, citizen]) {
      expect(
        errorOf(await stack.graphql(PUBLISH, { input: { runId: planned.id } }, { token: outsider.token }))
          .code,
      ).toBe('FORBIDDEN');
    }
    const publishing = ok(
      await stack.graphql<{ publishBatchAssignment: Run }>(
        PUBLISH,
        { input: { runId: planned.id } },
        { token: operator.token },
      ),
    ).publishBatchAssignment;
    expect(['PUBLISHING', 'COMPLETED']).toContain(publishing.status);
    expect(publishing.publishedAt).not.toBeNull();
    const done = await until(planned.id, ['COMPLETED']);
    expect(done).toMatchObject({ status: 'COMPLETED', served: 2, greedyServed: 1, proposalsSent: 1 });

    // As the plan said: Walter asked for the first ride, Nino keeps the second.
    const nino = await proposalsOf(stack, near);
    expect(nino.find((p) => p.needId === firstRide)?.status).toBe('WITHDRAWN');
    expect(nino.find((p) => p.needId === secondRide)?.status).toBe('PENDING');
    expect(await proposalsOf(stack, west)).toEqual([
      expect.objectContaining({ needId: firstRide, status: 'PENDING' }),
    ]);

    expect(
      errorOf(await stack.graphql(PUBLISH, { input: { runId: planned.id } }, { token: operator.token })),
    ).toEqual({ code: 'BATCH_NOT_PLANNED', field: 'runId' });
    const audit: { action: string; actor_user_id: string }[] = await stack.dataSource.query(
      `SELECT action, actor_user_id FROM audit_log WHERE entity_id = $1 ORDER BY id`,
      [planned.id],
    );
    expect(audit).toEqual([
      { action: 'matching.batch_assignment_requested', actor_user_id: operator.userId },
      { action: 'matching.batch_assignment_published', actor_user_id: operator.userId },
    ]);
  });

  it('does not ask again a helper who answered after the plan was made', async () => {
    // A new plan (the same two rides: nothing to change), then Walter declines the first ride.
    const again = await requestPlan();
    await until(again.id, ['PLANNED']);
    const [walters]: { id: string }[] = await stack.dataSource.query(
      `SELECT id FROM match_proposals WHERE need_id = $1 AND helper_user_id = $2`,
      [firstRide, west.userId],
    );
    ok(
      await stack.graphql(
        `mutation ($id: ID!) { declineProposal(input: { proposalId: $id }) { id } }`,
        { id: walters.id },
        { token: west.token },
      ),
    );
    ok(await stack.graphql(PUBLISH, { input: { runId: again.id } }, { token: operator.token }));
    const done = await until(again.id, ['COMPLETED']);
    expect(done.status).toBe('COMPLETED');
    expect((await proposalsOf(stack, west)).find((p) => p.needId === firstRide)?.status).toBe('DECLINED');
  });
});
