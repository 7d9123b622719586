import {
  accreditedSharedCarerCooperative,
  createTerritory,
  errorOf,
  hoursFromNow,
  ok,
  PIEDMONT,
  signUp,
  signUpWithRoles,
  SignedInUser,
} from '../support/fixtures';
import { becomeDrivers, postNeedAs } from '../support/rides';
import { startStackForFile } from '../support/stack';

// What the Comune console's audit, settings and map pages read: the audit trail filtered by who,
// what and when; the territory's staff; the moderation mode of every content type; each Comune's
// helpers, offers and open needs.

const AUDIT = `query ($territoryId: ID!, $first: Int!, $after: String, $actions: [String!], $actorUserId: ID,
    $entityId: ID, $from: String, $to: String) {
  auditTrail(territoryId: $territoryId, first: $first, after: $after, actions: $actions,
             actorUserId: $actorUserId, entityId: $entityId, from: $from, to: $to) {
    items { id action entityType actorUserId actorName actorRoles territoryId createdAt }
    pageInfo { hasNextPage endCursor } } }`;
const STAFF = `query ($territoryId: ID!) { territoryStaff(territoryId: $territoryId) {
  userId displayName phoneE164 roles } }`;
const MODES = `query ($territoryId: ID!) { moderationModes(territoryId: $territoryId) {
  contentType mode isDefault } }`;
const SET_MODE = `mutation ($input: SetModerationModeInput!) { setModerationMode(input: $input) }`;
const SET_DESK = `mutation ($input: SetTerritoryDeskInput!) { setTerritoryDesk(input: $input) { id } }`;

interface Entry {
  id: string;
  action: string;
  actorUserId: string | null;
  actorName: string | null;
  actorRoles: string[];
  territoryId: string;
  createdAt: string;
}
interface Trail {
  auditTrail: { items: Entry[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

describe('The console’s audit trail, staff and moderation modes', () => {
  const stack = startStackForFile();
  let langhe: string;
  let novarese: string;
  let moderator: SignedInUser;
  let operator: SignedInUser;
  let foreignModerator: SignedInUser;

  const trail = (variables: Record<string, unknown>, user: SignedInUser = moderator) =>
    stack.graphql<Trail>(AUDIT, { territoryId: langhe, first: 50, ...variables }, { token: user.token });

  beforeAll(async () => {
    langhe = await createTerritory(stack.dataSource, 'Langhe (console)', [PIEDMONT.alba, PIEDMONT.bra]);
    novarese = await createTerritory(stack.dataSource, 'Novarese (console)', [PIEDMONT.novara]);
    [moderator, operator, foreignModerator] = await signUpWithRoles(stack, [
      { role: 'comune_moderator', territoryId: langhe },
      { role: 'comune_operator', territoryId: langhe },
      { role: 'comune_moderator', territoryId: novarese },
    ]);
    await stack.dataSource.query(`UPDATE users SET display_name = 'Marta Moderatrice' WHERE id = $1`, [
      moderator.userId,
    ]);

    // Entries of today, by the moderator, through the api.
    ok(
      await stack.graphql(
        SET_MODE,
        { input: { territoryId: langhe, contentType: 'REVIEW', mode: 'POST' } },
        { token: moderator.token },
      ),
    );
    ok(
      await stack.graphql(
        SET_DESK,
        { input: { territoryId: langhe, phone: '0173 316000', hours: 'lun-ven 9-12' } },
        { token: moderator.token },
      ),
    );
    ok(
      await stack.graphql(
        SET_MODE,
        { input: { territoryId: novarese, contentType: 'NEED', mode: 'PRE' } },
        { token: foreignModerator.token },
      ),
    );
    // Older entries at the edges of Rome's days (the log is append-only: inserted, never changed).
    // 2024-03-31 00:30 in Rome is 2024-03-30 23:30 UTC; 2024-03-31 23:30 in Rome is 21:30 UTC (summer time).
    await stack.dataSource.query(
      `INSERT INTO audit_log (actor_user_id, action, entity_type, entity_id, territory_id, details, created_at) VALUES
         ($1, 'desk.person_read', 'beneficiary', gen_random_uuid(), $2, '{}', '2024-03-30T22:30:00Z'),
         ($1, 'desk.person_read', 'beneficiary', gen_random_uuid(), $2, '{}', '2024-03-30T23:30:00Z'),
         ($1, 'desk.person_searched', 'territory', $2, $2, '{}', '2024-03-31T21:30:00Z'),
         ($1, 'need.sensitive_notes_read', 'need', gen_random_uuid(), $2, '{}', '2024-03-31T22:30:00Z'),
         (NULL, 'retention.purged', 'territory', $2, $2, '{}', '2024-03-31T12:00:00Z')`,
      [operator.userId, langhe],
    );
  });

  it('names each actor and their roles in the territory; null for the system', async () => {
    const items = ok(await trail({})).auditTrail.items;
    const byModerator = items.find((item) => item.action === 'moderation.mode_set');
    expect(byModerator).toMatchObject({
      actorUserId: moderator.userId,
      actorName: 'Marta Moderatrice',
      actorRoles: ['COMUNE_MODERATOR'],
      territoryId: langhe,
    });
    expect(items.find((item) => item.action === 'desk.person_read')).toMatchObject({
      actorName: null,
      actorRoles: ['COMUNE_OPERATOR'],
    });
    expect(items.find((item) => item.action === 'retention.purged')).toMatchObject({
      actorUserId: null,
      actorName: null,
      actorRoles: [],
    });
    // Nothing of the Novarese.
    expect(items.every((item) => item.territoryId === langhe)).toBe(true);
  });

  it('filters by who, by what (an action or a family) and by Rome’s days, and pages with the cursor', async () => {
    // Every filter null, as a client sends the ones not chosen: the whole log.
    const all = ok(await trail({ actions: null, actorUserId: null, from: null, to: null })).auditTrail.items;
    expect(all.length).toBe(ok(await trail({})).auditTrail.items.length);
    const byOperator = ok(await trail({ actorUserId: operator.userId })).auditTrail.items;
    expect(byOperator.map((item) => item.action).sort()).toEqual([
      'desk.person_read',
      'desk.person_read',
      'desk.person_searched',
      'need.sensitive_notes_read',
    ]);
    const reads = ok(await trail({ actions: ['desk.', 'need.sensitive_notes_read'] })).auditTrail.items;
    expect(reads).toHaveLength(4);
    const settings = ok(await trail({ actions: ['moderation.', 'territory.desk_set'] })).auditTrail.items;
    expect(settings.map((item) => item.action).sort()).toEqual(['moderation.mode_set', 'territory.desk_set']);
    // "desk_" is not a family of "desk.": LIKE's wildcard is literal.
    expect(ok(await trail({ actions: ['desk_.'] })).auditTrail.items).toEqual([]);

    // 31 March 2024 in Rome: from 00:30 (23:30 UTC the day before) to 23:30 (21:30 UTC), not 00:30 of the 30th.
    const day = ok(await trail({ from: '2024-03-31', to: '2024-03-31' })).auditTrail.items;
    expect(day.map((item) => item.createdAt).sort()).toEqual([
      '2024-03-30T23:30:00.000Z',
      '2024-03-31T12:00:00.000Z',
      '2024-03-31T21:30:00.000Z',
    ]);
    const since = ok(await trail({ from: '2024-04-01', actorUserId: operator.userId })).auditTrail.items;
    expect(since.map((item) => item.createdAt)).toEqual(['2024-03-31T22:30:00.000Z']);

    // Newest first, two at a time, no entry twice.
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: Trail['auditTrail'] = ok(
        await trail({ first: 2, after, actorUserId: operator.userId }),
      ).auditTrail;
      seen.push(...page.items.map((item) => item.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toHaveLength(4);
    expect([...seen].sort((a, b) => Number(b) - Number(a))).toEqual(seen);
  });

  it('names the field of a wrong day', async () => {
    expect(errorOf(await trail({ from: '2024-02-30' }))).toEqual({ code: 'FIELD_INVALID', field: 'from' });
    expect(errorOf(await trail({ to: '31/03/2024' }))).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(errorOf(await trail({ from: '2024-04-01', to: '2024-03-31' }))).toEqual({
      code: 'AUDIT_PERIOD_REVERSED',
      field: 'to',
    });
  });

  it('filters by record, and exports the same filters as CSV (audited) to the territory’s moderators only', async () => {
    const record = '7b0c8a52-36a1-4f4e-9d8e-2f1d5a6c9e01';
    await stack.dataSource.query(
      `INSERT INTO audit_log (actor_user_id, action, entity_type, entity_id, territory_id, details, created_at) VALUES
         ($1, 'desk.person_read', 'beneficiary', $3, $2, '{}', '2024-02-01T09:00:00Z'),
         ($1, 'desk.person_contact_read', 'beneficiary', $3, $2, '{"field":"phone"}', '2024-02-02T09:00:00Z'),
         ($1, 'desk.person_read', 'beneficiary', gen_random_uuid(), $2, '{}', '2024-02-03T09:00:00Z')`,
      [operator.userId, langhe, record],
    );
    const byRecord = ok(await trail({ entityId: record }));
    expect(byRecord.auditTrail.items.map((entry) => entry.action)).toEqual([
      'desk.person_contact_read',
      'desk.person_read',
    ]);
    expect(errorOf(await trail({ entityId: 'not-an-id' }))).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'entityId',
    });

    const CSV = `query ($territoryId: ID!, $entityId: ID, $from: String, $to: String) {
      auditTrailCsv(territoryId: $territoryId, entityId: $entityId, from: $from, to: $to) { fileName csv rowCount } }`;
    const exported = ok(
      await stack.graphql<{ auditTrailCsv: { fileName: string; csv: string; rowCount: number } }>(
        CSV,
        { territoryId: langhe, entityId: record },
        { token: moderator.token },
      ),
    ).auditTrailCsv;
    expect(exported.rowCount).toBe(2);
    expect(exported.fileName).toMatch(/^registro-attivita-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = exported.csv.trim().split('\n');
    expect(lines[0]).toBe(
      'id,created_at,action,entity_type,entity_id,actor_user_id,actor_name,actor_roles,details',
    );
    expect(lines.slice(1).map((line) => line.split(',')[2])).toEqual([
      'desk.person_contact_read',
      'desk.person_read',
    ]);
    expect(lines[1]).toContain(',2024-02-02T09:00:00.000Z,');
    expect(lines[1]).toContain(`,${operator.userId},`);
    expect(lines[1]).toContain(',comune_operator,');
    // The export is in the trail itself.
    const [logged]: { details: Record<string, unknown> }[] = await stack.dataSource.query(
      `SELECT details FROM audit_log WHERE action = 'audit.exported' AND actor_user_id = $1`,
      [moderator.userId],
    );
    expect(logged.details).toMatchObject({ rows: 2, entityId: record });

    for (const user of [operator, foreignModerator]) {
      const refused = await stack.graphql(CSV, { territoryId: langhe }, { token: user.token });
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect(
      errorOf(
        await stack.graphql(
          CSV,
          { territoryId: langhe, from: '2024-04-01', to: '2024-03-31' },
          { token: moderator.token },
        ),
      ),
    ).toEqual({
      code: 'AUDIT_PERIOD_REVERSED',
      field: 'to',
    });
  });

  it('lists the territory’s staff to its moderators only', async () => {
    const staff = ok(
      await stack.graphql<{
        territoryStaff: { userId: string; displayName: string | null; phoneE164: string; roles: string[] }[];
      }>(STAFF, { territoryId: langhe }, { token: moderator.token }),
    ).territoryStaff;
    expect(staff).toEqual([
      {
        userId: moderator.userId,
        displayName: 'Marta Moderatrice',
        phoneE164: moderator.phone,
        roles: ['COMUNE_MODERATOR'],
      },
      { userId: operator.userId, displayName: null, phoneE164: operator.phone, roles: ['COMUNE_OPERATOR'] },
    ]);
    for (const outsider of [operator, foreignModerator]) {
      expect(
        errorOf(await stack.graphql(STAFF, { territoryId: langhe }, { token: outsider.token })).code,
      ).toBe('FORBIDDEN');
    }
  });

  it('gives every content type’s mode: chosen, or the default', async () => {
    const modes = ok(
      await stack.graphql<{ moderationModes: { contentType: string; mode: string; isDefault: boolean }[] }>(
        MODES,
        { territoryId: langhe },
        { token: operator.token },
      ),
    ).moderationModes;
    expect(modes).toHaveLength(9);
    expect(modes.find((row) => row.contentType === 'REVIEW')).toEqual({
      contentType: 'REVIEW',
      mode: 'POST',
      isDefault: false,
    });
    expect(modes.find((row) => row.contentType === 'ORGANISATION')).toEqual({
      contentType: 'ORGANISATION',
      mode: 'PRE',
      isDefault: true,
    });
    // The Novarese chose PRE for needs; the Langhe did not.
    expect(modes.find((row) => row.contentType === 'NEED')).toMatchObject({ mode: 'POST', isDefault: true });
    expect(
      errorOf(await stack.graphql(MODES, { territoryId: langhe }, { token: foreignModerator.token })).code,
    ).toBe('FORBIDDEN');
  });

  it('counts, per Comune of the territory, the helpers and offers that reach it and the needs open there', async () => {
    const SUPPLY = `query ($territoryId: ID!, $category: NeedCategory) {
      territorySupply(territoryId: $territoryId, category: $category) { comuneIstat volunteers serviceOffers openNeeds } }`;
    const [driver, farDriver, cooperative, citizen] = await Promise.all([
      signUp(stack),
      signUp(stack),
      signUp(stack),
      signUp(stack),
    ]);
    // A driver at Alba (20 km: Bra, 14 km away, too), another at Novara; a cooperative accredited by
    // the Langhe with a shared-carer offer over Alba; a need open at Bra.
    await becomeDrivers(stack, [
      [driver, 'Dario', { lat: 44.7, lon: 8.035 }],
      [farDriver, 'Franco', { lat: 45.445, lon: 8.62 }],
    ]);
    await accreditedSharedCarerCooperative(
      stack,
      { cooperative, moderator },
      { territoryId: langhe, comuneIstat: PIEDMONT.alba },
      [1500, 1000, 800],
    );
    await postNeedAs(stack, citizen, {
      category: 'COMPANIONSHIP',
      description: 'Compagnia il pomeriggio',
      location: { lat: 44.7, lon: 7.855 },
      comuneIstat: PIEDMONT.bra,
      windowStart: hoursFromNow(24),
      windowEnd: hoursFromNow(27),
    });
    const supply = async (variables: Record<string, unknown>, user: SignedInUser = operator) =>
      ok(
        await stack.graphql<{ territorySupply: Record<string, unknown>[] }>(
          SUPPLY,
          { territoryId: langhe, ...variables },
          { token: user.token },
        ),
      ).territorySupply;
    expect(await supply({})).toEqual([
      { comuneIstat: PIEDMONT.alba, volunteers: 1, serviceOffers: 1, openNeeds: 0 },
      { comuneIstat: PIEDMONT.bra, volunteers: 1, serviceOffers: 0, openNeeds: 1 },
    ]);
    expect(await supply({ category: 'RIDES_AND_ACCOMPANIMENT' })).toEqual([
      { comuneIstat: PIEDMONT.alba, volunteers: 1, serviceOffers: 0, openNeeds: 0 },
      { comuneIstat: PIEDMONT.bra, volunteers: 1, serviceOffers: 0, openNeeds: 0 },
    ]);
    expect(await supply({ territoryId: novarese }, foreignModerator)).toEqual([
      { comuneIstat: PIEDMONT.novara, volunteers: 1, serviceOffers: 0, openNeeds: 0 },
    ]);
    expect(
      errorOf(await stack.graphql(SUPPLY, { territoryId: langhe }, { token: foreignModerator.token })).code,
    ).toBe('FORBIDDEN');
  });
});
