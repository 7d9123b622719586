import {
  errorOf,
  hoursFromNow,
  ok,
  rideDriverProfile,
  SignedInUser,
  signUp,
  waitUntil,
} from '../support/fixtures';
import {
  batchRunOnceIn,
  eastOfLodiHospital as east,
  lodiScene,
  lodiRide as ride,
  pendingNeedsOf,
  postNeedAs,
  postTwoLodiRides,
} from '../support/rides';
import { startStackForFile } from '../support/stack';

// An operator changes a plan before publishing it (a need out, a need to another eligible helper),
// and plans several days at once. Times are hours from now: no weekday or time of day matters
// (the drivers' weekly limits are far from reached, but for one driver whose two rides are put in one
// Rome week). Each e2e file has its own database copy.

const RUN_FIELDS = `id status needsCount served totalMeters greedyServed greedyMeters proposalsSent edits
  windowStart windowEnd`;
const ENTRY_FIELDS = `needId windowStart helperKind helperName helperUserId organisationId meters alreadyAsked`;
const REQUEST = `mutation ($input: RequestBatchAssignmentInput!) { requestBatchAssignment(input: $input) { ${RUN_FIELDS} } }`;
const PUBLISH = `mutation ($input: PublishBatchAssignmentInput!) { publishBatchAssignment(input: $input) { ${RUN_FIELDS} } }`;
const EDIT = `mutation ($input: EditBatchPlanEntryInput!) {
  editBatchPlanEntry(input: $input) { run { ${RUN_FIELDS} } entry { ${ENTRY_FIELDS} } } }`;
const CANDIDATES = `query ($runId: ID!, $needId: ID!) {
  batchPlanCandidates(runId: $runId, needId: $needId) {
    helperKind helperUserId organisationId helperName meters alreadyAsked current otherNeeds } }`;
const RUN = `query ($id: ID!) { batchAssignmentRun(id: $id) { ${RUN_FIELDS} } }`;
const PLAN = `query ($runId: ID!) { batchAssignmentPlan(runId: $runId, first: 20) { items { ${ENTRY_FIELDS} } } }`;

interface Run {
  id: string;
  status: string;
  needsCount: number;
  served: number;
  totalMeters: number;
  greedyServed: number;
  greedyMeters: number;
  proposalsSent: number | null;
  edits: number;
}
interface Entry {
  needId: string;
  windowStart: string;
  helperName: string | null;
  helperUserId: string | null;
  meters: number | null;
  alreadyAsked: boolean;
}
interface Candidate {
  helperUserId: string;
  helperName: string;
  meters: number;
  alreadyAsked: boolean;
  current: boolean;
  otherNeeds: number;
}

/** The Monday (YYYY-MM-DD) of the Rome week of an ISO instant: weekly hours count per Rome week. */
function romeWeekOf(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Rome',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    weekday: 'short',
  }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((entry) => entry.type === type)!.value;
  const daysSinceMonday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(part('weekday'));
  const day = Date.UTC(Number(part('year')), Number(part('month')) - 1, Number(part('day')));
  return new Date(day - daysSinceMonday * 86_400_000).toISOString().slice(0, 10);
}

describe('A batch plan changed before it is published, and a plan of several days', () => {
  const stack = startStackForFile({ env: { MATCHING_PROPOSALS_PER_NEED: '1' } });
  let territoryId: string;
  let operator: SignedInUser;
  let moderator: SignedInUser;
  let foreignOperator: SignedInUser;
  let citizen: SignedInUser;
  let nino: SignedInUser;
  let walter: SignedInUser;
  let firstRide: string;
  let secondRide: string;
  let runId: string;

  const as = (user: SignedInUser) => ({ token: user.token });
  const edit = (user: SignedInUser, input: Record<string, unknown>) =>
    stack.graphql<{ editBatchPlanEntry: { run: Run; entry: Entry } }>(
      EDIT,
      { input: { runId, ...input } },
      as(user),
    );
  const runNow = async (id = runId) =>
    ok(await stack.graphql<{ batchAssignmentRun: Run }>(RUN, { id }, as(operator))).batchAssignmentRun;
  const planOf = async (id = runId) =>
    ok(await stack.graphql<{ batchAssignmentPlan: { items: Entry[] } }>(PLAN, { runId: id }, as(operator)))
      .batchAssignmentPlan.items;
  const auditActions = async () =>
    (
      (await stack.dataSource.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [
        runId,
      ])) as { action: string }[]
    ).map((row) => row.action);
  const pendingOf = (user: SignedInUser) => pendingNeedsOf(stack, user);

  async function plan(from: string, to: string): Promise<Run> {
    const requested = ok(
      await stack.graphql<{ requestBatchAssignment: Run }>(
        REQUEST,
        { input: { territoryId, from, to, publish: false } },
        as(operator),
      ),
    ).requestBatchAssignment;
    return batchRunOnceIn<Run>(stack, operator, RUN, requested.id, ['PLANNED']);
  }

  beforeAll(async () => {
    ({ territoryId, operator, moderator, foreignOperator, citizen, nino, walter } = await lodiScene(stack));
    // Online matching asks Nino for both rides; the plan gives the first to Walter.
    ({ firstRide, secondRide } = await postTwoLodiRides(stack, citizen, nino));
    const planned = await plan(hoursFromNow(0), hoursFromNow(48));
    expect(planned).toMatchObject({ status: 'PLANNED', needsCount: 2, served: 2, greedyServed: 1, edits: 0 });
    runId = planned.id;
  });

  it('lists who could take a need instead: eligible and free with the rest of the plan', async () => {
    const first = ok(
      await stack.graphql<{ batchPlanCandidates: Candidate[] }>(
        CANDIDATES,
        { runId, needId: firstRide },
        as(moderator),
      ),
    ).batchPlanCandidates;
    // Nino is eligible but has the second ride at that time in this plan.
    expect(first).toEqual([
      expect.objectContaining({
        helperUserId: walter.userId,
        current: true,
        alreadyAsked: false,
        otherNeeds: 0,
      }),
    ]);
    const second = ok(
      await stack.graphql<{ batchPlanCandidates: Candidate[] }>(
        CANDIDATES,
        { runId, needId: secondRide },
        as(operator),
      ),
    ).batchPlanCandidates;
    expect(second).toEqual([
      expect.objectContaining({ helperUserId: nino.userId, current: true, alreadyAsked: true }),
    ]);
    expect(
      errorOf(await stack.graphql(CANDIDATES, { runId, needId: firstRide }, as(foreignOperator))),
    ).toEqual({ code: 'BATCH_ASSIGNMENT_NOT_FOUND', field: 'id' });
  });

  it('refuses a helper who is not eligible, or busy in the plan, at the field, writing nothing', async () => {
    // Walter lives beyond the second ride's 2 km.
    expect(errorOf(await edit(operator, { needId: secondRide, helperUserId: walter.userId }))).toEqual({
      code: 'HELPER_NOT_ELIGIBLE',
      field: 'helperUserId',
    });
    // Nino may drive the first ride, but the plan has him on the second one then.
    expect(errorOf(await edit(operator, { needId: firstRide, helperUserId: nino.userId }))).toEqual({
      code: 'BATCH_HELPER_BUSY',
      field: 'helperUserId',
    });
    // The citizen is no helper at all.
    expect(errorOf(await edit(operator, { needId: firstRide, helperUserId: citizen.userId }))).toEqual({
      code: 'HELPER_NOT_ELIGIBLE',
      field: 'helperUserId',
    });
    expect(
      errorOf(
        await edit(operator, { needId: firstRide, helperUserId: nino.userId, organisationId: territoryId }),
      ),
    ).toEqual({ code: 'ASSIGN_ONE_HELPER', field: 'organisationId' });
    // A need that is not in this plan.
    expect(errorOf(await edit(operator, { needId: territoryId }))).toEqual({
      code: 'BATCH_PLAN_NEED_NOT_FOUND',
      field: 'needId',
    });
    expect(await runNow()).toMatchObject({ served: 2, edits: 0 });
    expect((await planOf()).map((entry) => entry.helperUserId)).toEqual([walter.userId, nino.userId]);
    expect(await auditActions()).toEqual(['matching.batch_assignment_requested']);
  });

  it('is changed by operators of the plan’s territory only', async () => {
    for (const outsider of [foreignOperator, moderator, citizen]) {
      expect(errorOf(await edit(outsider, { needId: secondRide })).code).toBe('FORBIDDEN');
    }
    expect(await runNow()).toMatchObject({ served: 2, edits: 0 });
  });

  it('takes a need out of the plan, then gives another to the helper freed, the totals following', async () => {
    const before = await runNow();
    const removed = ok(await edit(operator, { needId: secondRide })).editBatchPlanEntry;
    expect(removed.entry).toMatchObject({
      needId: secondRide,
      helperName: null,
      helperUserId: null,
      meters: null,
    });
    // Only Walter's 1.5 km is left; nearest-first's figures stay as they were.
    expect(removed.run).toMatchObject({
      status: 'PLANNED',
      served: 1,
      edits: 1,
      greedyServed: before.greedyServed,
      greedyMeters: before.greedyMeters,
    });
    expect(removed.run.totalMeters).toBeGreaterThan(1400);
    expect(removed.run.totalMeters).toBeLessThan(1600);

    // Nino is free at that time now: the first ride goes to him (he was asked for it online).
    const candidates = ok(
      await stack.graphql<{ batchPlanCandidates: Candidate[] }>(
        CANDIDATES,
        { runId, needId: firstRide },
        as(operator),
      ),
    ).batchPlanCandidates;
    expect(candidates.map((candidate) => [candidate.helperName, candidate.current])).toEqual([
      ['Nino', false],
      ['Walter', true],
    ]);
    const changed = ok(
      await edit(operator, { needId: firstRide, helperUserId: nino.userId }),
    ).editBatchPlanEntry;
    expect(changed.entry).toMatchObject({
      needId: firstRide,
      helperName: 'Nino',
      helperUserId: nino.userId,
      alreadyAsked: true,
    });
    expect(changed.run).toMatchObject({ served: 1, edits: 2 });
    expect(changed.run.totalMeters).toBeGreaterThan(900);
    expect(changed.run.totalMeters).toBeLessThan(1100);
    expect(await auditActions()).toEqual([
      'matching.batch_assignment_requested',
      'matching.batch_plan_need_removed',
      'matching.batch_plan_helper_changed',
    ]);
    const [details]: { details: Record<string, unknown> }[] = await stack.dataSource.query(
      `SELECT details FROM audit_log WHERE entity_id = $1 AND action = 'matching.batch_plan_helper_changed'`,
      [runId],
    );
    expect(details.details).toEqual({
      needId: firstRide,
      fromHelperUserId: walter.userId,
      fromOrganisationId: null,
      toHelperUserId: nino.userId,
      toOrganisationId: null,
    });
  });

  it('is published as changed, and cannot be changed once published', async () => {
    ok(await stack.graphql(PUBLISH, { input: { runId } }, as(operator)));
    let run: Run | undefined;
    await waitUntil(async () => {
      run = await runNow();
      return run.status === 'COMPLETED' || run.status === 'FAILED';
    }, 30000);
    // Nino keeps the first ride (already asked: nothing new sent); the second, out of the plan,
    // stays open and his proposal for it goes, since the plan gives him another ride at that time.
    expect(run).toMatchObject({ status: 'COMPLETED', served: 1, proposalsSent: 0 });
    expect(await pendingOf(nino)).toEqual([firstRide]);
    expect(await pendingOf(walter)).toEqual([]);
    const [{ status }]: { status: string }[] = await stack.dataSource.query(
      `SELECT status FROM needs WHERE id = $1`,
      [secondRide],
    );
    expect(status).toBe('open');

    expect(errorOf(await edit(operator, { needId: firstRide }))).toEqual({
      code: 'BATCH_PLAN_NOT_EDITABLE',
      field: 'runId',
    });
    expect((await planOf()).map((entry) => entry.helperUserId)).toEqual([nino.userId, null]);
    expect((await runNow()).edits).toBe(2);
  });

  it('plans several days in one plan, at most 7, with the field named otherwise', async () => {
    // A driver free for four days, and a ride on the third day 2 km from his home.
    const dario = await signUp(stack);
    ok(
      await stack.graphql(
        `mutation ($input: UpsertVolunteerProfileInput!) { upsertVolunteerProfile(input: $input) { id } }`,
        {
          input: {
            ...rideDriverProfile('Dario', east(-1)),
            availability: [{ oneOff: { startsAt: hoursFromNow(1), endsAt: hoursFromNow(96) } }],
          },
        },
        as(dario),
      ),
    );
    const thirdDayRide = await postNeedAs(stack, citizen, ride(east(-3), 60, 15));
    await waitUntil(async () => (await pendingOf(dario)).includes(thirdDayRide), 30000);

    const days = await plan(hoursFromNow(0), hoursFromNow(72));
    expect(days).toMatchObject({ status: 'PLANNED', needsCount: 3 });
    const entries = await planOf(days.id);
    expect(entries.map((entry) => entry.needId)).toEqual([firstRide, secondRide, thirdDayRide]);
    expect(entries[2]).toMatchObject({ helperName: 'Dario', alreadyAsked: true });
    const spread = Date.parse(entries[2].windowStart) - Date.parse(entries[0].windowStart);
    expect(spread).toBeGreaterThan(36 * 3600_000);

    const tooLong = await stack.graphql(
      REQUEST,
      { input: { territoryId, from: hoursFromNow(0), to: hoursFromNow(8 * 24), publish: false } },
      as(operator),
    );
    expect(errorOf(tooLong)).toEqual({ code: 'BATCH_WINDOW_TOO_LONG', field: 'to' });
    const reversed = await stack.graphql(
      REQUEST,
      { input: { territoryId, from: hoursFromNow(48), to: hoursFromNow(24), publish: false } },
      as(operator),
    );
    expect(errorOf(reversed)).toEqual({ code: 'BATCH_WINDOW_REVERSED', field: 'to' });
  });

  it('refuses a helper whose weekly hours the plan’s other needs would use up, and takes them once freed', async () => {
    // Elena gives one hour a week, and only she is near two rides 3 hours apart (each holds a
    // driver for an hour: half an hour either side of the appointment). The two rides are put in
    // the same Rome week, whatever the day: of three pairs of times, a week's end splits one at most.
    const elena = await signUp(stack);
    ok(
      await stack.graphql(
        `mutation ($input: UpsertVolunteerProfileInput!) { upsertVolunteerProfile(input: $input) { id } }`,
        { input: { ...rideDriverProfile('Elena', east(10.5)), weeklyHourLimit: 1 } },
        as(elena),
      ),
    );
    const startsIn = [3, 8, 28].find(
      (hours) => romeWeekOf(hoursFromNow(hours + 0.5)) === romeWeekOf(hoursFromNow(hours + 3.5)),
    )!;
    const early = await postNeedAs(stack, citizen, ride(east(10), startsIn, 3));
    const late = await postNeedAs(stack, citizen, ride(east(10), startsIn + 3, 3));

    const hours = await plan(hoursFromNow(startsIn - 1), hoursFromNow(startsIn + 5));
    expect(hours).toMatchObject({ status: 'PLANNED', needsCount: 2, served: 1 });
    // Her hour goes to one ride (the planner keeps to it); the other is left without a driver.
    const planned = await planOf(hours.id);
    expect(planned.map((entry) => entry.needId).sort()).toEqual([early, late].sort());
    expect(planned.map((entry) => entry.helperName).sort()).toEqual(['Elena', null]);
    const taken = planned.find((entry) => entry.helperName === 'Elena')!.needId;
    const left = taken === early ? late : early;
    const candidatesFor = async (needId: string) =>
      ok(
        await stack.graphql<{ batchPlanCandidates: Candidate[] }>(
          CANDIDATES,
          { runId: hours.id, needId },
          as(operator),
        ),
      ).batchPlanCandidates.map((candidate) => candidate.helperName);
    expect(await candidatesFor(left)).toEqual([]);
    expect(
      errorOf(await edit(operator, { runId: hours.id, needId: left, helperUserId: elena.userId })),
    ).toEqual({
      code: 'BATCH_HELPER_HOURS',
      field: 'helperUserId',
    });
    expect(await runNow(hours.id)).toMatchObject({ served: 1, edits: 0 });

    // The ride she had out of the plan: her hour is free for the other one.
    ok(await edit(operator, { runId: hours.id, needId: taken }));
    expect(await candidatesFor(left)).toEqual(['Elena']);
    ok(await edit(operator, { runId: hours.id, needId: left, helperUserId: elena.userId }));
    const changed = await planOf(hours.id);
    expect(changed.find((entry) => entry.needId === left)?.helperName).toBe('Elena');
    expect(changed.find((entry) => entry.needId === taken)?.helperName).toBeNull();
    expect(await runNow(hours.id)).toMatchObject({ served: 1, edits: 2 });
  });
});
