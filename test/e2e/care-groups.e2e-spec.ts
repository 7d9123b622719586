import { randomBytes } from 'node:crypto';
import {
  accreditedSharedCarerCooperative,
  createTerritory,
  errorOf,
  ok,
  sharedCarerNeed,
  SignedInUser,
  signUp,
  signUpWithRoles,
  waitUntil,
} from '../support/fixtures';
import { moderatorOf, operatorOf } from '../support/roles';
import { startStackForFile } from '../support/stack';
import { postNeedAs } from '../support/engagements';

// Cremona and Mantova: no other test file posts needs there, so nobody else's households join.
const CREMONA = '019036';
const MANTOVA = '020030';
const HOME = { lat: 45.1333, lon: 10.0213 };

const QUOTE_FIELDS = `needId status priceCentsPerHour individualPriceCentsPerHour savingCentsPerHour weeklyCents
  individualWeeklyCents weeklySavingCents confirmedAt leftAt`;
const GROUP_FIELDS = `id status comuneIstat householdCount weeklyMinutes sharedSchedule { dayOfWeek start end }
  offer { id title organisationName } myQuotes { ${QUOTE_FIELDS} } members { ${QUOTE_FIELDS} }`;
const MY_GROUPS = `query { myCareGroups(first: 10) { items { ${GROUP_FIELDS} } } }`;
const GROUP = `query ($id: ID!) { careGroup(id: $id) { ${GROUP_FIELDS} } }`;
const TERRITORY_GROUPS = `query ($status: CareGroupStatus) {
  territoryCareGroups(status: $status, first: 10) { items { ${GROUP_FIELDS} } } }`;
const ORGANISATION_GROUPS = `query ($organisationId: ID!, $status: CareGroupStatus) {
  organisationCareGroups(organisationId: $organisationId, status: $status, first: 10) { items { ${GROUP_FIELDS} } } }`;
const CONFIRM = `mutation ($input: CareGroupMemberInput!) { confirmCareGroup(input: $input) { ${GROUP_FIELDS} } }`;
const LEAVE = `mutation ($input: LeaveCareGroupInput!) { leaveCareGroup(input: $input) { ${GROUP_FIELDS} } }`;
const POST_NEED = `mutation ($input: PostNeedInput!) { postNeed(input: $input) { id status } }`;
const NEED_STATUS = `query ($id: ID!) { need(id: $id) { id status } }`;

interface Quote {
  needId: string;
  status: string;
  priceCentsPerHour: number;
  individualPriceCentsPerHour: number;
  savingCentsPerHour: number;
  weeklyCents: number;
  individualWeeklyCents: number;
  weeklySavingCents: number;
  confirmedAt: string | null;
  leftAt: string | null;
}
interface Group {
  id: string;
  status: string;
  comuneIstat: string;
  householdCount: number;
  weeklyMinutes: number;
  sharedSchedule: { dayOfWeek: number; start: string; end: string }[];
  offer: { id: string; title: string; organisationName: string };
  myQuotes: Quote[];
  members: Quote[] | null;
}

/** About `meters` north-east of the first home. */
const near = (meters: number) => ({ lat: HOME.lat + meters / 111_320, lon: HOME.lon + meters / 78_800 });
const MORNINGS = [1, 2, 3, 4, 5].map((dayOfWeek) => ({ dayOfWeek, start: '09:00', end: '12:00' }));

function careNeed(location: { lat: number; lon: number }, schedule = MORNINGS) {
  return sharedCarerNeed(location, CREMONA, schedule);
}

describe('Shared caregiver groups: quotes by band, confirmation, leaving re-prices the others', () => {
  const stack = startStackForFile();
  let anna: SignedInUser;
  let bruno: SignedInUser;
  let carla: SignedInUser;
  let far: SignedInUser;
  let evening: SignedInUser;
  let stranger: SignedInUser;
  let operator: SignedInUser;
  let foreignOperator: SignedInUser;
  let cooperative: SignedInUser;
  let offer: { organisationId: string; offerModerationStatus: string };
  const needOf = new Map<SignedInUser, string>();
  let groupId: string;

  async function myGroups(user: SignedInUser): Promise<Group[]> {
    return ok(await stack.graphql<{ myCareGroups: { items: Group[] } }>(MY_GROUPS, {}, { token: user.token }))
      .myCareGroups.items;
  }

  /**
   * The in-app notices of one event, newest first (SMS go out too, but may be held for the
   * recipient's quiet hours, so the test reads the in-app copy).
   */
  async function notices(user: SignedInUser, event: string): Promise<string[]> {
    const page = ok(
      await stack.graphql<{ myNotifications: { items: { event: string; body: string }[] } }>(
        `query { myNotifications(first: 50) { items { event body } } }`,
        {},
        { token: user.token },
      ),
    ).myNotifications;
    return page.items.filter((item) => item.event === event).map((item) => item.body);
  }

  /** Quotes and re-pricings about the group, newest first. */
  async function groupNotices(user: SignedInUser): Promise<string[]> {
    const page = ok(
      await stack.graphql<{ myNotifications: { items: { event: string; body: string }[] } }>(
        `query { myNotifications(first: 50) { items { event body } } }`,
        {},
        { token: user.token },
      ),
    ).myNotifications;
    return page.items
      .filter((item) => item.event === 'care_group_quote' || item.event === 'care_group_repriced')
      .map((item) => item.body);
  }

  async function waitForNotice(user: SignedInUser, event: string, count = 1): Promise<string> {
    await waitUntil(async () => (await notices(user, event)).length >= count);
    const [[sms]]: { n: number }[][] = [
      await stack.dataSource.query(
        `SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND event = $2 AND channel = 'sms'`,
        [user.userId, event],
      ),
    ];
    expect(sms.n).toBeGreaterThanOrEqual(count);
    return (await notices(user, event))[0];
  }

  async function needStatus(user: SignedInUser): Promise<string> {
    return ok(
      await stack.graphql<{ need: { status: string } }>(
        NEED_STATUS,
        { id: needOf.get(user) },
        { token: user.token },
      ),
    ).need.status;
  }

  beforeAll(async () => {
    const suffix = randomBytes(3).toString('hex');
    const territoryId = await createTerritory(stack.dataSource, `Cremonese ${suffix}`, [CREMONA]);
    const foreign = await createTerritory(stack.dataSource, `Mantovano ${suffix}`, [MANTOVA]);
    let moderator: SignedInUser;
    [anna, bruno, carla, far, evening, stranger, operator, foreignOperator, cooperative, moderator] =
      await signUpWithRoles(stack, [
        ...Array.from({ length: 6 }, () => null),
        operatorOf(territoryId),
        operatorOf(foreign),
        null,
        moderatorOf(territoryId),
      ]);

    // A social cooperative, accredited by the Comune, offers a carer priced by how many share.
    offer = await accreditedSharedCarerCooperative(
      stack,
      { cooperative, moderator },
      { territoryId, comuneIstat: CREMONA },
      [1000, 700, 500],
    );
    expect(offer.offerModerationStatus).toBe('PUBLISHED');
  });

  it('three neighbours with the same mornings form one group; each sees the 3-household band and the saving', async () => {
    const homes: [SignedInUser, ReturnType<typeof careNeed>][] = [
      [anna, careNeed(HOME)],
      [bruno, careNeed(near(120))],
      [carla, careNeed(near(250))],
      // Too far (2 km), and close but only in the evenings: neither fits.
      [far, careNeed(near(2000))],
      [evening, careNeed(near(60), [{ dayOfWeek: 2, start: '18:00', end: '22:00' }])],
    ];
    for (const [user, input] of homes) {
      const posted = ok(
        await stack.graphql<{ postNeed: { id: string; status: string } }>(
          POST_NEED,
          { input },
          { token: user.token },
        ),
      ).postNeed;
      expect(posted.status).toBe('OPEN');
      needOf.set(user, posted.id);
    }

    await waitUntil(async () => {
      const groups = await Promise.all([anna, bruno, carla].map(myGroups));
      return groups.every((list) => list.length === 1 && list[0].householdCount === 3);
    });
    for (const user of [anna, bruno, carla]) {
      const [group] = await myGroups(user);
      groupId = group.id;
      expect(group).toMatchObject({
        status: 'PROPOSED',
        comuneIstat: CREMONA,
        householdCount: 3,
        // Their common mornings are 15 hours; each asked for 10, so the carer shares 10.
        weeklyMinutes: 600,
        sharedSchedule: MORNINGS,
        offer: { title: 'Badante di condominio' },
        // Households see only their own quote, never the neighbours'.
        members: null,
      });
      expect(group.myQuotes).toEqual([
        {
          needId: needOf.get(user),
          status: 'INVITED',
          priceCentsPerHour: 500,
          individualPriceCentsPerHour: 1000,
          savingCentsPerHour: 500,
          // 5 EUR × 10 hours, against 10 EUR × 10 hours alone.
          weeklyCents: 5000,
          individualWeeklyCents: 10000,
          weeklySavingCents: 5000,
          confirmedAt: null,
          leftAt: null,
        },
      ]);
      // Told once at least; when the group first formed with two, its first two were told again
      // as the third joined. The latest notice has the final price either way.
      await waitForNotice(user, 'care_group_quote');
      let latest = '';
      await waitUntil(async () => {
        const [newest] = await groupNotices(user);
        latest = newest ?? '';
        return /per 3 famiglie|ora siete 3/.test(latest);
      });
      expect(latest).toContain('5,00 EUR');
      expect(latest).toContain('risparmi 5,00 EUR');
    }
    for (const user of [far, evening]) expect(await myGroups(user)).toEqual([]);
  });

  it('only the households, the territory’s staff and the cooperative see the group', async () => {
    const staffView = ok(
      await stack.graphql<{ territoryCareGroups: { items: Group[] } }>(
        TERRITORY_GROUPS,
        { status: 'PROPOSED' },
        { token: operator.token },
      ),
    ).territoryCareGroups.items;
    expect(staffView.map((group) => group.id)).toEqual([groupId]);
    expect(staffView[0].members?.map((member) => member.needId).sort()).toEqual(
      [anna, bruno, carla].map((user) => needOf.get(user)).sort(),
    );
    const foreignView = ok(
      await stack.graphql<{ territoryCareGroups: { items: Group[] } }>(
        TERRITORY_GROUPS,
        {},
        { token: foreignOperator.token },
      ),
    ).territoryCareGroups.items;
    expect(foreignView).toEqual([]);
    for (const outsider of [foreignOperator, stranger, far]) {
      expect(errorOf(await stack.graphql(GROUP, { id: groupId }, { token: outsider.token }))).toEqual({
        code: 'CARE_GROUP_NOT_FOUND',
        field: 'id',
      });
    }
    expect(errorOf(await stack.graphql(TERRITORY_GROUPS, {}, { token: stranger.token })).code).toBe(
      'FORBIDDEN',
    );
    const cooperativeView = ok(
      await stack.graphql<{ careGroup: Group }>(GROUP, { id: groupId }, { token: cooperative.token }),
    ).careGroup;
    expect(cooperativeView.members).toHaveLength(3);
    // The cooperative's own list, by state: every household's quote; strangers are refused.
    const organisationView = async (status?: string, token = cooperative.token) =>
      stack.graphql<{ organisationCareGroups: { items: Group[] } }>(
        ORGANISATION_GROUPS,
        { organisationId: offer.organisationId, status },
        { token },
      );
    const proposed = ok(await organisationView('PROPOSED')).organisationCareGroups.items;
    expect(proposed.map((group) => [group.id, group.members?.length])).toEqual([[groupId, 3]]);
    expect(ok(await organisationView()).organisationCareGroups.items.map((group) => group.id)).toEqual([
      groupId,
    ]);
    expect(ok(await organisationView('CONFIRMED')).organisationCareGroups.items).toEqual([]);
    expect(errorOf(await organisationView('PROPOSED', stranger.token)).code).toBe('FORBIDDEN');
    expect(errorOf(await stack.graphql(MY_GROUPS, {})).code).toBe('UNAUTHENTICATED');

    // Nobody confirms or leaves for another household (a Comune operator of another
    // territory neither); the answer does not even reveal the group.
    for (const [user, needId] of [
      [stranger, needOf.get(anna)],
      [anna, needOf.get(bruno)],
      [foreignOperator, needOf.get(anna)],
    ] as const) {
      for (const mutation of [CONFIRM, LEAVE]) {
        expect(
          errorOf(await stack.graphql(mutation, { input: { groupId, needId } }, { token: user.token })),
        ).toEqual({ code: 'CARE_GROUP_NOT_FOUND', field: 'groupId' });
      }
    }
    // A need outside the group, and a malformed id, are named.
    expect(
      errorOf(
        await stack.graphql(
          CONFIRM,
          { input: { groupId, needId: needOf.get(far) } },
          { token: operator.token },
        ),
      ),
    ).toEqual({ code: 'CARE_GROUP_MEMBER_NOT_FOUND', field: 'needId' });
    const malformed = await stack.graphql(
      CONFIRM,
      { input: { groupId: 'not-a-uuid', needId: needOf.get(anna) } },
      { token: anna.token },
    );
    expect(JSON.stringify(malformed.errors)).toContain('groupId');
    const [history]: { n: number }[] = await stack.dataSource.query(
      `SELECT count(*)::int AS n FROM care_group_members WHERE group_id = $1 AND status <> 'invited'`,
      [groupId],
    );
    expect(history.n).toBe(0);
  });

  it('the group starts when every household confirms (one at the desk); the needs are matched', async () => {
    const first = ok(
      await stack.graphql<{ confirmCareGroup: Group }>(
        CONFIRM,
        { input: { groupId, needId: needOf.get(anna) } },
        { token: anna.token },
      ),
    ).confirmCareGroup;
    expect(first.status).toBe('PROPOSED');
    expect(first.myQuotes[0].status).toBe('CONFIRMED');
    // Confirming twice changes nothing.
    ok(await stack.graphql(CONFIRM, { input: { groupId, needId: needOf.get(anna) } }, { token: anna.token }));
    ok(
      await stack.graphql(CONFIRM, { input: { groupId, needId: needOf.get(bruno) } }, { token: bruno.token }),
    );
    // Carla confirms at the Comune's desk: the operator acts for her, and it is audited.
    const last = ok(
      await stack.graphql<{ confirmCareGroup: Group }>(
        CONFIRM,
        { input: { groupId, needId: needOf.get(carla) } },
        { token: operator.token },
      ),
    ).confirmCareGroup;
    expect(last.status).toBe('CONFIRMED');
    expect(last.members?.every((member) => member.status === 'CONFIRMED')).toBe(true);
    const audit: { action: string }[] = await stack.dataSource.query(
      `SELECT action FROM audit_log WHERE entity_type = 'care_group' AND entity_id = $1 AND actor_user_id = $2`,
      [groupId, operator.userId],
    );
    expect(audit.map((row) => row.action)).toEqual(['care_group.confirmed_for_household']);
    for (const user of [anna, bruno, carla]) expect(await needStatus(user)).toBe('MATCHED');
    for (const user of [anna, bruno, carla]) {
      expect(await waitForNotice(user, 'care_group_confirmed')).toContain('hanno confermato');
    }
    expect(
      errorOf(
        await stack.graphql(CONFIRM, { input: { groupId, needId: needOf.get(anna) } }, { token: anna.token }),
      ),
    ).toEqual({ code: 'CARE_GROUP_NOT_PROPOSED', field: 'groupId' });
  });

  it('a household that leaves re-prices the others on the 2-household band and they are told', async () => {
    const repricedBefore = await Promise.all(
      [anna, bruno].map(async (user) => (await notices(user, 'care_group_repriced')).length),
    );
    const afterLeaving = ok(
      await stack.graphql<{ leaveCareGroup: Group }>(
        LEAVE,
        { input: { groupId, needId: needOf.get(carla), reason: 'Mia figlia si trasferisce da me' } },
        { token: carla.token },
      ),
    ).leaveCareGroup;
    expect(afterLeaving.householdCount).toBe(2);
    expect(afterLeaving.myQuotes[0]).toMatchObject({ status: 'LEFT', priceCentsPerHour: 500 });
    expect(afterLeaving.myQuotes[0].leftAt).not.toBeNull();
    expect(await needStatus(carla)).toBe('OPEN');

    for (const [index, user] of [anna, bruno].entries()) {
      const [group] = await myGroups(user);
      expect(group).toMatchObject({ status: 'CONFIRMED', householdCount: 2 });
      expect(group.myQuotes[0]).toMatchObject({
        status: 'CONFIRMED',
        priceCentsPerHour: 700,
        savingCentsPerHour: 300,
        // 7 EUR × 2 households × 10 hours = 140 EUR, split exactly.
        weeklyCents: 7000,
        individualWeeklyCents: 10000,
      });
      // Anna and Bruno were told when Carla's household joined (3) and now that it left (2).
      const notice = await waitForNotice(user, 'care_group_repriced', repricedBefore[index] + 1);
      expect(notice).toContain('ora siete 2');
      expect(notice).toContain('7,00 EUR');
    }
    expect(await needStatus(anna)).toBe('MATCHED');
    const staffView = ok(
      await stack.graphql<{ careGroup: Group }>(GROUP, { id: groupId }, { token: operator.token }),
    ).careGroup;
    const totals = staffView.members!.filter((m) => m.leftAt === null).map((m) => m.weeklyCents);
    expect(totals.reduce((a, b) => a + b, 0)).toBe(14000);
  });

  it('with one household left the group dissolves, the last one is told and its need reopens', async () => {
    const dissolved = ok(
      await stack.graphql<{ leaveCareGroup: Group }>(
        LEAVE,
        { input: { groupId, needId: needOf.get(bruno) } },
        { token: bruno.token },
      ),
    ).leaveCareGroup;
    expect(dissolved).toMatchObject({ status: 'DISSOLVED', householdCount: 0 });
    expect(await needStatus(anna)).toBe('OPEN');
    expect(await needStatus(bruno)).toBe('OPEN');
    expect(await waitForNotice(anna, 'care_group_dissolved')).toContain('non parte');
    expect(
      errorOf(
        await stack.graphql(LEAVE, { input: { groupId, needId: needOf.get(anna) } }, { token: anna.token }),
      ),
    ).toEqual({ code: 'CARE_GROUP_MEMBER_NOT_FOUND', field: 'needId' });
    const history: { to_status: string }[] = await stack.dataSource.query(
      `SELECT to_status FROM status_history WHERE entity_type = 'care_group' AND entity_id = $1 ORDER BY id`,
      [groupId],
    );
    expect(history.map((row) => row.to_status)).toEqual(['proposed', 'confirmed', 'dissolved']);
  });

  it('a household whose need is cancelled leaves its group: the others are re-priced, then the group dissolves', async () => {
    // Far's need (2 km away) waited alone; two neighbours of Far's post the same mornings.
    const [dora, elio] = await Promise.all([signUp(stack), signUp(stack)]);
    for (const [user, location] of [
      [dora, near(2060)],
      [elio, near(2120)],
    ] as const) {
      needOf.set(user, await postNeedAs(stack, user, careNeed(location)));
    }
    await waitUntil(async () => {
      const groups = await Promise.all([far, dora, elio].map(myGroups));
      return groups.every((list) => list.length === 1 && list[0].householdCount === 3);
    });
    const [threeHouseholds] = await myGroups(dora);
    expect(threeHouseholds.myQuotes[0]).toMatchObject({ status: 'INVITED', priceCentsPerHour: 500 });
    const repricedBefore = (await notices(dora, 'care_group_repriced')).length;

    ok(
      await stack.graphql(
        `mutation ($input: CancelNeedInput!) { cancelNeed(input: $input) { id status } }`,
        { input: { needId: needOf.get(far), reason: 'Ho trovato una badante da sola' } },
        { token: far.token },
      ),
    );
    // The worker takes the cancelled need out of its group, as if the household had left.
    await waitUntil(async () => (await myGroups(dora))[0].householdCount === 2);
    for (const user of [dora, elio]) {
      const [group] = await myGroups(user);
      expect(group).toMatchObject({ id: threeHouseholds.id, status: 'PROPOSED', householdCount: 2 });
      expect(group.myQuotes[0]).toMatchObject({
        status: 'INVITED',
        priceCentsPerHour: 700,
        weeklyCents: 7000,
      });
    }
    const notice = await waitForNotice(dora, 'care_group_repriced', repricedBefore + 1);
    expect(notice).toContain('ora siete 2');
    const left: { left_reason: string; status: string }[] = await stack.dataSource.query(
      `SELECT left_reason, status FROM care_group_members WHERE group_id = $1 AND need_id = $2`,
      [threeHouseholds.id, needOf.get(far)],
    );
    expect(left).toEqual([{ left_reason: 'need_closed', status: 'left' }]);
    expect(await needStatus(far)).toBe('CANCELLED');

    // One more cancellation leaves one household: the group dissolves and Dora is told.
    ok(
      await stack.graphql(
        `mutation ($input: CancelNeedInput!) { cancelNeed(input: $input) { id } }`,
        { input: { needId: needOf.get(elio), reason: 'Non serve più' } },
        { token: elio.token },
      ),
    );
    await waitUntil(async () => (await myGroups(dora))[0].status === 'DISSOLVED');
    expect(await waitForNotice(dora, 'care_group_dissolved')).toContain('non parte');
    expect(await needStatus(dora)).toBe('OPEN');
  });
});
