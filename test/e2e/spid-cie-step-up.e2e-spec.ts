import { startStackForFile } from '../support/stack';
import {
  createTerritory,
  errorOf,
  grantRole,
  companionshipInSaluzzo,
  ok,
  signUp,
  signUpWithRoles,
  SignedInUser,
} from '../support/fixtures';
import { moderatorOf, operatorOf } from '../support/roles';
import { FederationStackOptions, startFederationForStack } from '../support/dev-federation';
import { identitySignIn } from '../support/identity-sign-in';
import { TEST_IDENTITIES } from '../../apps/launcher/src/dev-identity/test-identities';
import { postNeedAs } from '../support/engagements';

const NOTES = `query ($id: ID!) { need(id: $id) { id sensitiveNotes } }`;
const STEP_UP = `query ($territoryId: ID!) {
  territoryStaffStepUp(territoryId: $territoryId) { territoryId required setting platformDefault } }`;
const SET_STEP_UP = `mutation ($input: SetTerritoryStaffStepUpInput!) {
  setTerritoryStaffStepUp(input: $input) { territoryId required setting platformDefault } }`;
// A Comune no other test file uses, and a point inside it.
const SALUZZO = '004203';

/**
 * Issue 20's "Done means": a Comune operator must step up before reading health notes. The
 * platform default here is off (STAFF_STEP_UP unset outside production), so what is asked comes from
 * the territory's own setting; the sign-ins go through the development SPID and CIE providers over
 * real HTTP on loopback.
 */
describe('Staff step-up per territory: health notes behind SPID level 2+ or CIE', () => {
  let setup: FederationStackOptions;
  beforeAll(async () => {
    setup = await startFederationForStack();
  });
  const stack = startStackForFile(() => setup.options);
  afterAll(async () => {
    await setup?.federation.stop();
  });
  let territory: string;
  let operator: SignedInUser;
  let moderator: SignedInUser;
  let needId: string;
  const { signIn } = identitySignIn(
    () => stack,
    () => setup,
  );

  const readNotes = (token?: string) =>
    stack.graphql<{ need: { sensitiveNotes: string | null } }>(NOTES, { id: needId }, { token });
  const notesReads = async (actor: string): Promise<number> => {
    const [row]: { n: number }[] = await stack.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log
        WHERE action = 'need.sensitive_notes_read' AND entity_id = $1 AND actor_user_id = $2`,
      [needId, actor],
    );
    return row.n;
  };
  const setStepUp = (required: boolean | null, token: string, territoryId = territory) =>
    stack.graphql<{ setTerritoryStaffStepUp: Record<string, unknown> }>(
      SET_STEP_UP,
      { input: { territoryId, required } },
      { token },
    );

  beforeAll(async () => {
    territory = await createTerritory(stack.dataSource, `Saluzzese ${Date.now()}`, [SALUZZO]);
    [operator, moderator] = await signUpWithRoles(stack, [operatorOf(territory), moderatorOf(territory)]);
    const citizen = await signUp(stack);
    needId = await postNeedAs(
      stack,
      citizen,
      companionshipInSaluzzo('Compagnia il pomeriggio', {
        sensitiveNotes: 'Diabete di tipo 1: insulina alle 17',
        healthDataConsent: true,
      }),
    );
  });

  it('follows the platform default while the territory has no setting of its own', async () => {
    const state = ok(
      await stack.graphql<{ territoryStaffStepUp: unknown }>(
        STEP_UP,
        { territoryId: territory },
        { token: operator.token },
      ),
    );
    expect(state.territoryStaffStepUp).toEqual({
      territoryId: territory,
      required: false,
      setting: null,
      platformDefault: false,
    });
    expect(ok(await readNotes(operator.token)).need.sensitiveNotes).toBe(
      'Diabete di tipo 1: insulina alle 17',
    );
    expect(await notesReads(operator.userId)).toBe(1);
    // Operators see the setting; only moderators (and platform admins) change it.
    expect(errorOf(await setStepUp(true, operator.token)).code).toBe('FORBIDDEN');
  });

  it('the territory turns step-up on: the operator signed in by SMS is refused, SPID level 1 too; SPID level 2 reads, audited', async () => {
    const turnedOn = ok(await setStepUp(true, moderator.token)).setTerritoryStaffStepUp;
    expect(turnedOn).toMatchObject({ required: true, setting: true, platformDefault: false });
    const before = await notesReads(operator.userId);

    const refused = await readNotes(operator.token);
    expect(errorOf(refused).code).toBe('STEP_UP_REQUIRED');
    expect(refused.errors?.[0].message).toMatch(/SPID \(livello 2 o superiore\) o con la CIE/);
    // A refused read leaves nothing to decrypt and nothing audited as read.
    expect(refused.data?.need?.sensitiveNotes ?? null).toBeNull();
    expect(await notesReads(operator.userId)).toBe(before);

    // SPID level 1, started from the operator's phone session: linked to them, still not enough.
    const identity = TEST_IDENTITIES[3];
    const levelOne = await signIn(
      { provider: 'SPID', level: 1 },
      { identity: identity.id, level: 1 },
      operator.token,
    );
    expect(levelOne.session).toMatchObject({ authLevel: 'SPID_L1', user: { id: operator.userId } });
    expect(errorOf(await readNotes(levelOne.session?.accessToken)).code).toBe('STEP_UP_REQUIRED');
    expect(await notesReads(operator.userId)).toBe(before);

    const levelTwo = await signIn({ provider: 'SPID', level: 2 }, { identity: identity.id, level: 2 });
    expect(levelTwo.session).toMatchObject({ authLevel: 'SPID_L2', user: { id: operator.userId } });
    const allowed = ok(await readNotes(levelTwo.session?.accessToken));
    expect(allowed.need.sensitiveNotes).toBe('Diabete di tipo 1: insulina alle 17');
    const [audit]: { territory_id: string }[] = await stack.dataSource.query(
      `SELECT territory_id FROM audit_log
        WHERE action = 'need.sensitive_notes_read' AND entity_id = $1 AND actor_user_id = $2
        ORDER BY created_at DESC LIMIT 1`,
      [needId, operator.userId],
    );
    expect(await notesReads(operator.userId)).toBe(before + 1);
    expect(audit.territory_id).toBe(territory);
    // The SMS session is still refused: the level belongs to the session, not to the person.
    expect(errorOf(await readNotes(operator.token)).code).toBe('STEP_UP_REQUIRED');
  });

  it('an SMS session cannot switch the protection off; a moderator stepped up with CIE can, and it is audited', async () => {
    const refused = await setStepUp(false, moderator.token);
    expect(errorOf(refused).code).toBe('STEP_UP_REQUIRED');

    const cie = await signIn(
      { provider: 'CIE', level: 2 },
      { identity: TEST_IDENTITIES[1].id, level: 2 },
      moderator.token,
    );
    expect(cie.session).toMatchObject({ authLevel: 'CIE_L2', user: { id: moderator.userId } });
    const off = ok(await setStepUp(false, cie.session?.accessToken as string)).setTerritoryStaffStepUp;
    expect(off).toMatchObject({ required: false, setting: false });
    const [audit]: { details: unknown }[] = await stack.dataSource.query(
      `SELECT details FROM audit_log WHERE action = 'territory.staff_step_up_set' AND actor_user_id = $1
        ORDER BY created_at DESC LIMIT 1`,
      [moderator.userId],
    );
    expect(audit.details).toEqual({ setting: false });
    // Off: the operator's SMS session reads again.
    expect(ok(await readNotes(operator.token)).need.sensitiveNotes).toBe(
      'Diabete di tipo 1: insulina alle 17',
    );
  });

  it('a Comune in two territories needs step-up when either asks for it; a territory name or id that does not exist is refused at its field', async () => {
    const admin = await signUp(stack);
    await grantRole(stack.dataSource, admin.userId, 'platform_admin');
    const other = await createTerritory(stack.dataSource, `Ambito Cuneese ${Date.now()}`, [SALUZZO]);
    ok(await setStepUp(true, admin.token, other));
    // The first territory says off, the second on: the stricter wins.
    expect(errorOf(await readNotes(operator.token)).code).toBe('STEP_UP_REQUIRED');
    // Back to the platform default (off) in the second: readable again.
    const adminStepped = await signIn(
      { provider: 'SPID', level: 2 },
      { identity: TEST_IDENTITIES[0].id, level: 2 },
      admin.token,
    );
    const reset = ok(
      await setStepUp(null, adminStepped.session?.accessToken as string, other),
    ).setTerritoryStaffStepUp;
    expect(reset).toMatchObject({ required: false, setting: null, platformDefault: false });
    expect(ok(await readNotes(operator.token)).need.sensitiveNotes).not.toBeNull();

    const missing = await setStepUp(true, admin.token, '00000000-0000-4000-8000-000000000000');
    expect(errorOf(missing)).toEqual({ code: 'TERRITORY_NOT_FOUND', field: 'territoryId' });
    const malformed = await setStepUp(true, admin.token, 'not-a-uuid');
    expect(errorOf(malformed).code).toBe('VALIDATION_FAILED');
  });
});
