import { DESK_SEARCHES_PER_WINDOW, DeskPeopleIndexer } from '@prossimo/requests';
import { FieldCipher } from '@prossimo/platform';
import {
  createTerritory,
  errorOf,
  grantRole,
  hoursFromNow,
  ok,
  PIEDMONT,
  SignedInUser,
  signUp,
  signUpWithRoles,
} from '../support/fixtures';
import { operatorOf } from '../support/roles';
import { startStackForFile, uniquePhone } from '../support/stack';

const POST_AT_DESK = `mutation ($input: PostNeedAtDeskInput!) {
  postNeedAtDesk(input: $input) { id beneficiary { id kind fullName } } }`;
const PERSON_FIELDS = `id kind fullName phone comuneIstat comuneName registeredAt
  consent { recordedAt recordedBy method witness healthDataAt } needs { id category status description windowStart windowEnd }`;
const SEARCH = `query ($territoryId: ID!, $phone: String, $name: String) {
  deskPeople(territoryId: $territoryId, phone: $phone, name: $name) { ${PERSON_FIELDS} } }`;
const PERSON = `query ($id: ID!) { deskPerson(id: $id) { ${PERSON_FIELDS} } }`;

interface Person {
  id: string;
  kind: string;
  fullName: string;
  phone: string | null;
  comuneIstat: string | null;
  consent: {
    recordedBy: string | null;
    method: string | null;
    witness: string | null;
    healthDataAt: string | null;
  } | null;
  needs: { id: string; description: string; windowStart: string; windowEnd: string }[];
}

// Near the centre of Alba (004003).
const ALBA = { lat: 44.7004, lon: 8.0347 };

function need(description: string, person: Record<string, unknown>): Record<string, unknown> {
  return {
    input: {
      category: 'COMPANIONSHIP',
      description,
      comuneIstat: PIEDMONT.alba,
      location: ALBA,
      windowStart: hoursFromNow(24),
      windowEnd: hoursFromNow(26),
      ...person,
    },
  };
}

/** A person registered at the desk with a verbal consent given before `witness` (none: left out) an hour ago. */
function verballyConsenting(fullName: string, phone: string, witness?: string): Record<string, unknown> {
  return {
    beneficiary: {
      fullName,
      phone,
      consentRecorded: true,
      consentDate: hoursFromNow(-1),
      consentMethod: 'VERBAL_WITH_WITNESS',
      ...(witness === undefined ? {} : { consentWitness: witness }),
    },
  };
}

describe('The desk finds a person by phone or name (blind index)', () => {
  const stack = startStackForFile();
  let operator: SignedInUser;
  let otherOperator: SignedInUser;
  let citizen: SignedInUser;
  let langhe: string;
  let novarese: string;
  const phone = uniquePhone();

  beforeAll(async () => {
    langhe = await createTerritory(stack.dataSource, 'Desk search: Langhe', [PIEDMONT.alba, PIEDMONT.bra]);
    novarese = await createTerritory(stack.dataSource, 'Desk search: Novarese', [PIEDMONT.novara]);
    [operator, otherOperator, citizen] = await signUpWithRoles(stack, [
      operatorOf(langhe),
      operatorOf(novarese),
      null,
    ]);
    await stack.dataSource.query(`UPDATE users SET display_name = 'Operatrice Anna' WHERE id = $1`, [
      operator.userId,
    ]);
  });

  /** The people of the Langhe that `by` finds by phone or name (deskPeople). */
  const searchLanghe = (by: SignedInUser, query: { phone?: string; name?: string }) =>
    stack.graphql<{ deskPeople: Person[] }>(SEARCH, { territoryId: langhe, ...query }, { token: by.token });
  /** A person's record as `by` opens it (deskPerson). */
  const openPerson = (by: SignedInUser, id: string) =>
    stack.graphql<{ deskPerson: Person }>(PERSON, { id }, { token: by.token });

  it('records how consent was given; a verbal consent needs its witness', async () => {
    const noWitness = await stack.graphql(
      POST_AT_DESK,
      need('Compagnia il pomeriggio', verballyConsenting('Maria Grazia D’Àngelo', phone)),
      { token: operator.token },
    );
    expect(errorOf(noWitness)).toEqual({ code: 'FIELD_REQUIRED', field: 'beneficiary.consentWitness' });

    ok(
      await stack.graphql(
        POST_AT_DESK,
        need(
          'Compagnia il pomeriggio',
          verballyConsenting('Maria Grazia D’Àngelo', phone, 'Luca Bianchi, assistente sociale'),
        ),
        { token: operator.token },
      ),
    );
    const [stored]: { phone_search: Buffer; name_search: string[]; consent_witness_encrypted: string }[] =
      await stack.dataSource.query(
        `SELECT phone_search, name_search, consent_witness_encrypted FROM beneficiaries WHERE kind = 'desk'`,
      );
    // Hashes and ciphertext only: neither the name, the phone nor the witness in clear.
    // The number's own digits, not any nine digits: a hex hash may hold a run of digits by chance.
    expect(JSON.stringify(stored)).not.toMatch(new RegExp(`angelo|grazia|Bianchi|${phone.slice(-7)}`, 'i'));
    expect(stored.name_search).toHaveLength(3);
  });

  it('finds the person by the phone in any format and by whole words of the name, in any order and case', async () => {
    const local = `${phone.slice(3, 6)} ${phone.slice(6)}`;
    for (const query of [
      { phone },
      { phone: local },
      { name: 'dangelo' },
      { name: 'angelo' },
      { name: 'GRAZIA maria' },
    ]) {
      const found = ok(await searchLanghe(operator, query)).deskPeople;
      if ('name' in query && query.name === 'dangelo') {
        // Words are whole: the elided "D'" is its own (dropped) word.
        expect(found).toEqual([]);
        continue;
      }
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({
        kind: 'DESK',
        fullName: 'Maria Grazia D’Àngelo',
        phone,
        comuneIstat: PIEDMONT.alba,
        consent: {
          recordedBy: 'Operatrice Anna',
          method: 'VERBAL_WITH_WITNESS',
          witness: 'Luca Bianchi, assistente sociale',
        },
        needs: [{ description: 'Compagnia il pomeriggio' }],
      });
    }
    expect(ok(await searchLanghe(operator, { name: 'Maria Rossi' })).deskPeople).toEqual([]);

    const audit: { details: { by: string; results: number } }[] = await stack.dataSource.query(
      `SELECT details FROM audit_log WHERE actor_user_id = $1 AND action = 'desk.person_searched' ORDER BY id`,
      [operator.userId],
    );
    expect(audit.map((row) => row.details.by)).toEqual(['phone', 'phone', 'name', 'name', 'name', 'name']);
    expect(JSON.stringify(audit)).not.toMatch(new RegExp(`angelo|grazia|${phone.slice(-7)}`, 'i'));
  });

  it('only the operators of the territory search it or open its people', async () => {
    const [person] = ok(await searchLanghe(operator, { phone })).deskPeople;
    const otherTerritory = await searchLanghe(otherOperator, { phone });
    expect(errorOf(otherTerritory).code).toBe('FORBIDDEN');
    const ownTerritory = await stack.graphql<{ deskPeople: Person[] }>(
      SEARCH,
      { territoryId: novarese, phone },
      { token: otherOperator.token },
    );
    expect(ok(ownTerritory).deskPeople).toEqual([]);
    expect(errorOf(await searchLanghe(citizen, { phone })).code).toBe('FORBIDDEN');
    expect(errorOf(await openPerson(otherOperator, person.id)).code).toBe('DESK_PERSON_NOT_FOUND');
    const opened = ok(await openPerson(operator, person.id));
    expect(opened.deskPerson.fullName).toBe('Maria Grazia D’Àngelo');
    const reads: unknown[] = await stack.dataSource.query(
      `SELECT 1 FROM audit_log WHERE actor_user_id = $1 AND action = 'desk.person_read' AND entity_id = $2`,
      [operator.userId, person.id],
    );
    expect(reads).toHaveLength(1);
  });

  it('posts a new need for a person found, with the consent recorded before (health notes need its own)', async () => {
    const [person] = ok(await searchLanghe(operator, { phone })).deskPeople;
    const withNotes = await stack.graphql(
      POST_AT_DESK,
      need('Spesa del sabato', { knownPerson: { id: person.id }, sensitiveNotes: 'Diabetica' }),
      { token: operator.token },
    );
    expect(errorOf(withNotes)).toEqual({
      code: 'HEALTH_DATA_CONSENT_REQUIRED',
      field: 'knownPerson.healthDataConsent',
    });
    const elsewhere = await stack.graphql(
      POST_AT_DESK,
      need('Spesa del sabato', {
        knownPerson: { id: person.id },
        comuneIstat: PIEDMONT.novara,
        location: { lat: 45.4469, lon: 8.6222 },
      }),
      { token: otherOperator.token },
    );
    expect(errorOf(elsewhere).code).toBe('DESK_PERSON_NOT_FOUND');

    const posted = ok(
      await stack.graphql<{ postNeedAtDesk: { beneficiary: { id: string } } }>(
        POST_AT_DESK,
        need('Spesa del sabato', {
          knownPerson: { id: person.id, healthDataConsent: true },
          sensitiveNotes: 'Diabetica',
        }),
        { token: operator.token },
      ),
    );
    expect(posted.postNeedAtDesk.beneficiary.id).toBe(person.id);
    const opened = ok(await openPerson(operator, person.id));
    expect(opened.deskPerson.needs.map((row) => row.description)).toEqual([
      'Spesa del sabato',
      'Compagnia il pomeriggio',
    ]);
    expect(opened.deskPerson.consent?.healthDataAt).toBeTruthy();
    // When each is wanted, as posted (a day ahead, for two hours), for the operator on the phone.
    const [newest] = opened.deskPerson.needs;
    const [posting]: { window_start: Date; window_end: Date }[] = await stack.dataSource.query(
      `SELECT window_start, window_end FROM needs WHERE id = $1`,
      [newest.id],
    );
    expect(new Date(newest.windowStart)).toEqual(posting.window_start);
    expect(new Date(newest.windowEnd).getTime() - new Date(newest.windowStart).getTime()).toBe(2 * 3_600_000);
  });

  it('names the operator who recorded the consent by phone when they have no display name', async () => {
    const unnamedOperator = await signUp(stack);
    await grantRole(stack.dataSource, unnamedOperator.userId, 'comune_operator', { territoryId: langhe });
    const personPhone = uniquePhone();
    ok(
      await stack.graphql(
        POST_AT_DESK,
        need(
          'Spesa il giovedì',
          verballyConsenting('Pietro Gallesio', personPhone, 'Carla Rosso, vicina di casa'),
        ),
        { token: unnamedOperator.token },
      ),
    );
    const found = ok(await searchLanghe(operator, { phone: personPhone })).deskPeople;
    expect(found.map((person) => person.consent?.recordedBy)).toEqual([unnamedOperator.phone]);
  });

  it('indexes the people registered before the index existed (backfill)', async () => {
    const cipher = stack.api.get(FieldCipher);
    const olderPhone = uniquePhone();
    const [older]: { id: string }[] = await stack.dataSource.query(
      `INSERT INTO beneficiaries (kind, full_name_encrypted, phone_encrypted, consent_recorded_at,
                                  consent_recorded_by_user_id, created_by_user_id, registered_comune_istat)
       VALUES ('desk', $1, $2, now(), $3, $3, $4) RETURNING id`,
      [cipher.encrypt('Giovanni Ferrero'), cipher.encrypt(olderPhone), operator.userId, PIEDMONT.bra],
    );
    const search = () => searchLanghe(operator, { name: 'ferrero' });
    expect(ok(await search()).deskPeople).toEqual([]);
    expect(await stack.api.get(DeskPeopleIndexer).backfill()).toBe(1);
    expect(ok(await search()).deskPeople.map((person) => person.id)).toEqual([older.id]);
    const byPhone = ok(await searchLanghe(operator, { phone: olderPhone }));
    expect(byPhone.deskPeople[0]).toMatchObject({ id: older.id, consent: { method: null } });
    expect(await stack.api.get(DeskPeopleIndexer).backfill()).toBe(0);
  });

  it('limits how many searches an operator makes in ten minutes, whatever the session', async () => {
    const busy = await signUp(stack);
    await grantRole(stack.dataSource, busy.userId, 'comune_operator', { territoryId: langhe });
    const pastSearches = (minutesAgo: number) =>
      stack.dataSource.query(
        `INSERT INTO audit_log (actor_user_id, action, entity_type, entity_id, territory_id, details, created_at)
         SELECT $1, 'desk.person_searched', 'territory', $2, $2, '{}', now() - make_interval(mins => $4)
           FROM generate_series(1, $3)`,
        [busy.userId, langhe, DESK_SEARCHES_PER_WINDOW, minutesAgo],
      );
    const search = () => searchLanghe(busy, { phone });
    // Searches older than the window no longer count.
    await pastSearches(11);
    expect(ok(await search()).deskPeople).toHaveLength(1);
    await pastSearches(1);
    const refused = await search();
    expect(errorOf(refused).code).toBe('RATE_LIMITED');
    expect(refused.errors?.[0]?.message).toMatch(/\d+/);
  });
});
