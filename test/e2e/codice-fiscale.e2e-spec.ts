import { FieldCipher } from '@prossimo/platform';
import {
  createTerritory,
  errorOf,
  companionshipInSaluzzo,
  hoursFromNow,
  ok,
  SignedInUser,
  signUp,
  signUpWithRoles,
  waitUntil,
} from '../support/fixtures';
import { operatorOf } from '../support/roles';
import { startStackForFile } from '../support/stack';

// Valid personal codes (check characters from the official tables); the second has omocodia.
const MARIA_CF = 'RSSMRA85T10A562S';
const OMOCODIA_CF = 'MRTMTT25D09F20RU';
const DESK_CF = 'BNCGVN80A01H501J';
const SALUZZO = '004203';
const BIELLA = '096004';

const SET_CF = `mutation ($cf: String) { setMyCodiceFiscale(input: { codiceFiscale: $cf }) }`;
const ME = `{ me { id codiceFiscale } }`;
const STAFF_READ = `mutation ($input: StaffCodiceFiscaleInput!) { staffReadCodiceFiscale(input: $input) }`;

describe('The codice fiscale on the person (issue 20)', () => {
  const stack = startStackForFile();
  let operator: SignedInUser;
  let foreignOperator: SignedInUser;
  let maria: SignedInUser;
  let luca: SignedInUser;

  beforeAll(async () => {
    const langhe = await createTerritory(stack.dataSource, `CF Langhe ${Date.now()}`, [SALUZZO]);
    const biellese = await createTerritory(stack.dataSource, `CF Biellese ${Date.now()}`, [BIELLA]);
    [operator, foreignOperator, maria, luca] = await signUpWithRoles(stack, [
      operatorOf(langhe),
      operatorOf(biellese),
      null,
      null,
    ]);
  });

  it('the person sets it (validated, normalised), sees it, and nobody else sees it on their account', async () => {
    const wrongCheck = await stack.graphql(SET_CF, { cf: 'RSSMRA85T10A562T' }, { token: maria.token });
    expect(errorOf(wrongCheck)).toEqual({ code: 'FIELD_INVALID', field: 'input.codiceFiscale' });
    expect(wrongCheck.errors?.[0]?.message).toContain('input.codiceFiscale');
    expect(errorOf(await stack.graphql(SET_CF, { cf: '02438750586' }, { token: maria.token }))).toEqual({
      code: 'FIELD_INVALID',
      field: 'input.codiceFiscale',
    });
    expect(
      ok(await stack.graphql<{ me: { codiceFiscale: string | null } }>(ME, {}, { token: maria.token })).me,
    ).toEqual({ id: maria.userId, codiceFiscale: null });

    const set = ok(
      await stack.graphql<{ setMyCodiceFiscale: string }>(
        SET_CF,
        { cf: ' rssmra85t10a562s ' },
        { token: maria.token },
      ),
    );
    expect(set.setMyCodiceFiscale).toBe(MARIA_CF);
    expect(
      ok(await stack.graphql<{ me: { codiceFiscale: string } }>(ME, {}, { token: maria.token })).me,
    ).toEqual({
      id: maria.userId,
      codiceFiscale: MARIA_CF,
    });

    // Stored encrypted, with an HMAC beside it: the plain code is nowhere in the row.
    const [row]: { codice_fiscale_encrypted: string; codice_fiscale_hmac: Buffer }[] =
      await stack.dataSource.query(
        `SELECT codice_fiscale_encrypted, codice_fiscale_hmac FROM users WHERE id = $1`,
        [maria.userId],
      );
    expect(row.codice_fiscale_encrypted).not.toContain(MARIA_CF);
    expect(
      new FieldCipher(process.env.FIELD_ENCRYPTION_KEY as string).decrypt(row.codice_fiscale_encrypted),
    ).toBe(MARIA_CF);
    expect(row.codice_fiscale_hmac).toHaveLength(32);

    // One account per code; omocodia codes are accepted.
    expect(errorOf(await stack.graphql(SET_CF, { cf: MARIA_CF }, { token: luca.token }))).toEqual({
      code: 'CODICE_FISCALE_TAKEN',
      field: 'input.codiceFiscale',
    });
    expect(
      ok(
        await stack.graphql<{ setMyCodiceFiscale: string }>(
          SET_CF,
          { cf: OMOCODIA_CF },
          { token: luca.token },
        ),
      ).setMyCodiceFiscale,
    ).toBe(OMOCODIA_CF);
  });

  it('staff read it only with a reason, in their territory, and every read is audited', async () => {
    // Maria is known to the Langhe territory by a need in Saluzzo.
    ok(
      await stack.graphql(
        `mutation ($input: PostNeedInput!) { postNeed(input: $input) { id } }`,
        { input: companionshipInSaluzzo('Compagnia il martedì') },
        { token: maria.token },
      ),
    );
    const read = (token: string, userId: string, reason: string) =>
      stack.graphql<{ staffReadCodiceFiscale: string | null }>(
        STAFF_READ,
        { input: { userId, reason } },
        { token },
      );
    const audited = async () =>
      (await stack.dataSource.query(
        `SELECT actor_user_id, details FROM audit_log WHERE action = 'user.codice_fiscale_read' AND entity_id = $1
            ORDER BY id`,
        [maria.userId],
      )) as { actor_user_id: string; details: { reason: string } }[];

    const noReason = await stack.graphql(
      STAFF_READ,
      { input: { userId: maria.userId } },
      { token: operator.token },
    );
    expect(noReason.errors).toBeDefined();
    expect(errorOf(await read(foreignOperator.token, maria.userId, 'SERVICE_APPLICATION'))).toEqual({
      code: 'FORBIDDEN',
      field: 'input.userId',
    });
    expect(errorOf(await read(luca.token, maria.userId, 'SERVICE_APPLICATION')).code).toBe('FORBIDDEN');
    expect(await audited()).toEqual([]);

    expect(ok(await read(operator.token, maria.userId, 'SERVICE_APPLICATION')).staffReadCodiceFiscale).toBe(
      MARIA_CF,
    );
    expect(await audited()).toEqual([
      expect.objectContaining({
        actor_user_id: operator.userId,
        details: expect.objectContaining({ reason: 'service_application' }),
      }),
    ]);
  });

  it('a person registered at the desk may carry one: validated, shown to staff (audited)', async () => {
    const post = (codiceFiscale: string) =>
      stack.graphql<{ postNeedAtDesk: { id: string } }>(
        `mutation ($input: PostNeedAtDeskInput!) { postNeedAtDesk(input: $input) { id } }`,
        {
          input: {
            ...companionshipInSaluzzo('Compagnia per Giovanni', { comuneIstat: SALUZZO }),
            beneficiary: {
              fullName: 'Giovanni Bianchi',
              codiceFiscale,
              consentRecorded: true,
              consentDate: hoursFromNow(-1),
            },
          },
        },
        { token: operator.token },
      );
    expect(errorOf(await post('BNCGVN80A01H501K'))).toEqual({
      code: 'FIELD_INVALID',
      field: 'beneficiary.codiceFiscale',
    });
    const needId = ok(await post(DESK_CF.toLowerCase())).postNeedAtDesk.id;
    const need = ok(
      await stack.graphql<{ need: { beneficiary: { codiceFiscale: string } } }>(
        `query ($id: ID!) { need(id: $id) { beneficiary { fullName codiceFiscale } } }`,
        { id: needId },
        { token: operator.token },
      ),
    ).need;
    expect(need.beneficiary).toEqual({ fullName: 'Giovanni Bianchi', codiceFiscale: DESK_CF });
    const [audit]: { n: number }[] = await stack.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'need.beneficiary_read' AND entity_id = $1`,
      [needId],
    );
    expect(audit.n).toBe(1);
  });

  it('is in "download my data", and account erasure removes it (the code is free again)', async () => {
    const requested = ok(
      await stack.graphql<{ requestDataExport: { id: string } }>(
        `mutation { requestDataExport { id } }`,
        {},
        { token: maria.token },
      ),
    ).requestDataExport;
    let content = '';
    await waitUntil(async () => {
      const result = await stack.graphql<{ dataExport: { status: string; content: string | null } }>(
        `query ($id: ID!) { dataExport(id: $id) { status content } }`,
        { id: requested.id },
        { token: maria.token },
      );
      content = result.data?.dataExport.status === 'READY' ? (result.data.dataExport.content ?? '') : '';
      return content !== '';
    });
    expect((JSON.parse(content) as { account: { codiceFiscale: string } }).account.codiceFiscale).toBe(
      MARIA_CF,
    );

    ok(
      await stack.graphql(
        `mutation { deleteMyAccount(input: { confirm: true }) { id } }`,
        {},
        { token: maria.token },
      ),
    );
    const [row]: { codice_fiscale_encrypted: string | null; codice_fiscale_hmac: Buffer | null }[] =
      await stack.dataSource.query(
        `SELECT codice_fiscale_encrypted, codice_fiscale_hmac FROM users WHERE id = $1`,
        [maria.userId],
      );
    expect(row).toEqual({ codice_fiscale_encrypted: null, codice_fiscale_hmac: null });
    const newcomer = await signUp(stack);
    expect(
      ok(
        await stack.graphql<{ setMyCodiceFiscale: string }>(
          SET_CF,
          { cf: MARIA_CF },
          { token: newcomer.token },
        ),
      ).setMyCodiceFiscale,
    ).toBe(MARIA_CF);
  });
});
