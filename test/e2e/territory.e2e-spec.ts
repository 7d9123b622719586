import { createTerritory, grantRole, PIEDMONT, signUp, SignedInUser } from '../support/fixtures';
import { startStackForFile } from '../support/stack';

const GRANT = `mutation ($input: GrantStaffRoleInput!) { grantStaffRole(input: $input) { userId role territoryId } }`;

describe('Territories and staff roles', () => {
  const stack = startStackForFile({ startWorker: true });
  let admin: SignedInUser;
  let langhe: string;
  let novarese: string;

  beforeAll(async () => {
    admin = await signUp(stack);
    await grantRole(stack.dataSource, admin.userId, 'platform_admin');
    langhe = await createTerritory(stack.dataSource, 'Ambito Langhe', [PIEDMONT.alba, PIEDMONT.bra]);
    novarese = await createTerritory(stack.dataSource, 'Ambito Novarese', [
      PIEDMONT.novara,
      PIEDMONT.borgomanero,
    ]);
  });

  it('finds Comuni by name ignoring accents and case, page by page', async () => {
    const result = await stack.graphql<{ comuni: { items: { name: string; istat: string }[] } }>(
      `{ comuni(search: "aglie", first: 5) { items { name istat provinceCode } } }`,
    );
    expect(result.data?.comuni.items).toContainEqual(
      expect.objectContaining({ name: 'Agliè', istat: '001001' }),
    );

    const first = await stack.graphql<{
      comuni: { items: { istat: string }[]; pageInfo: { endCursor: string } };
    }>(`{ comuni(provinceCode: "CN", first: 10) { items { istat } pageInfo { hasNextPage endCursor } } }`);
    const second = await stack.graphql<{ comuni: { items: { istat: string }[] } }>(
      `query ($after: String) { comuni(provinceCode: "CN", first: 10, after: $after) { items { istat } } }`,
      { after: first.data!.comuni.pageInfo.endCursor },
    );
    const firstIds = first.data!.comuni.items.map((item) => item.istat);
    const secondIds = second.data!.comuni.items.map((item) => item.istat);
    expect(firstIds).toHaveLength(10);
    expect(secondIds).toHaveLength(10);
    expect(firstIds.filter((id) => secondIds.includes(id))).toEqual([]);

    const tooMany = await stack.graphql(`{ comuni(first: 101) { items { istat } } }`);
    expect(tooMany.errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'first' });
  });

  it('tells anyone the territories a Comune belongs to: where its organisations ask for accreditation', async () => {
    const comuneBra = await createTerritory(stack.dataSource, 'Comune di Bra', [PIEDMONT.bra]);
    const query = `query ($istat: String!) { territoriesOfComune(istat: $istat) { id name kind } }`;
    const bra = await stack.graphql<{ territoriesOfComune: { id: string; name: string; kind: string }[] }>(
      query,
      { istat: PIEDMONT.bra },
    );
    expect(bra.errors).toBeUndefined();
    const ids = bra.data!.territoriesOfComune.map((territory) => territory.id);
    expect(ids).toEqual(expect.arrayContaining([langhe, comuneBra]));
    expect(ids).not.toContain(novarese);
    expect(bra.data!.territoriesOfComune.find((territory) => territory.id === comuneBra)?.kind).toBe(
      'COMUNE',
    );
    const nowhere = await stack.graphql<{ territoriesOfComune: unknown[] }>(query, { istat: '999999' });
    expect(nowhere.data?.territoriesOfComune).toEqual([]);
  });

  it('lets only platform admins create territories, and checks the Comuni', async () => {
    const citizen = await signUp(stack);
    const create = `mutation ($input: CreateTerritoryInput!) { createTerritory(input: $input) { id name comuni { name } } }`;
    const input = { name: 'Comune di Cherasco', kind: 'COMUNE', comuneIstatCodes: [PIEDMONT.cherasco] };
    expect(
      (await stack.graphql(create, { input }, { token: citizen.token })).errors?.[0].extensions?.code,
    ).toBe('FORBIDDEN');
    const created = await stack.graphql<{ createTerritory: { comuni: { name: string }[] } }>(
      create,
      { input },
      { token: admin.token },
    );
    expect(created.data?.createTerritory.comuni).toEqual([{ name: 'Cherasco' }]);
    const unknown = await stack.graphql(
      create,
      { input: { ...input, comuneIstatCodes: ['999999'] } },
      { token: admin.token },
    );
    expect(unknown.errors?.[0].extensions).toMatchObject({
      code: 'COMUNE_NOT_FOUND',
      field: 'comuneIstatCodes',
    });
  });

  it('lets a moderator grant staff roles in their own territory only, and audits each grant', async () => {
    const moderator = await signUp(stack);
    await grantRole(stack.dataSource, moderator.userId, 'comune_moderator', { territoryId: langhe });
    const operator = await signUp(stack);

    const granted = await stack.graphql(
      GRANT,
      { input: { phone: operator.phone, role: 'COMUNE_OPERATOR', territoryId: langhe } },
      { token: moderator.token },
    );
    expect(granted.errors).toBeUndefined();
    const elsewhere = await stack.graphql(
      GRANT,
      { input: { phone: operator.phone, role: 'COMUNE_OPERATOR', territoryId: novarese } },
      { token: moderator.token },
    );
    expect(elsewhere.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const notStaffRole = await stack.graphql(
      GRANT,
      { input: { phone: operator.phone, role: 'PLATFORM_ADMIN', territoryId: langhe } },
      { token: moderator.token },
    );
    expect(notStaffRole.errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'role' });

    const me = await stack.graphql<{ me: { roles: { role: string; territoryId: string | null }[] } }>(
      `{ me { roles { role territoryId } } }`,
      {},
      { token: operator.token },
    );
    expect(me.data?.me.roles).toContainEqual({ role: 'COMUNE_OPERATOR', territoryId: langhe });

    const audit = await stack.dataSource.query(
      `SELECT actor_user_id, action, details FROM audit_log WHERE entity_id = $1 AND territory_id = $2`,
      [operator.userId, langhe],
    );
    expect(audit).toEqual([
      { actor_user_id: moderator.userId, action: 'staff_role.granted', details: { role: 'comune_operator' } },
    ]);
  });

  it('keeps the audit log append-only', async () => {
    await expect(stack.dataSource.query(`UPDATE audit_log SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(stack.dataSource.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
  });

  it('lists only the territories a staff member works in', async () => {
    const moderator = await signUp(stack);
    await grantRole(stack.dataSource, moderator.userId, 'comune_moderator', { territoryId: novarese });
    const mine = await stack.graphql<{ myTerritories: { id: string; comuni: { name: string }[] }[] }>(
      `{ myTerritories { id name comuni { name } } }`,
      {},
      { token: moderator.token },
    );
    expect(mine.data?.myTerritories.map((territory) => territory.id)).toEqual([novarese]);
    expect(mine.data?.myTerritories[0].comuni.map((comune) => comune.name).sort()).toEqual([
      'Borgomanero',
      'Novara',
    ]);
  });

  it('loads the Comuni of all the listed territories in one query (DataLoader), each with its own', async () => {
    const moderator = await signUp(stack);
    const torino = await createTerritory(stack.dataSource, 'Città di Torino', [PIEDMONT.torino]);
    for (const territoryId of [langhe, novarese, torino]) {
      await grantRole(stack.dataSource, moderator.userId, 'comune_moderator', { territoryId });
    }
    // A spy that calls through: the queries still run on the real database; it only counts them.
    const queries = jest.spyOn(stack.dataSource, 'query');
    try {
      const mine = await stack.graphql<{ myTerritories: { id: string; comuni: { name: string }[] }[] }>(
        `{ myTerritories { id name comuni { name } } }`,
        {},
        { token: moderator.token },
      );
      const comuniOf = new Map(
        mine.data?.myTerritories.map((territory) => [territory.id, territory.comuni.map((c) => c.name)]),
      );
      expect(comuniOf).toEqual(
        new Map([
          [langhe, ['Alba', 'Bra']],
          [novarese, ['Borgomanero', 'Novara']],
          [torino, ['Torino']],
        ]),
      );
      const comuniQueries = queries.mock.calls.filter(([sql]) => /territory_comuni/.test(String(sql)));
      expect(comuniQueries).toHaveLength(1);
    } finally {
      queries.mockRestore();
    }
  });

  it('pages every territory for platform admins only, by name, with a search that ignores accents', async () => {
    const names = ['Ambito Pagine Alfa', 'Ambito Pagine Bèta', 'Ambito Pagine Gamma'];
    for (const name of names) await createTerritory(stack.dataSource, name, [PIEDMONT.barolo]);
    const query = `query ($search: String, $after: String) {
      territories(search: $search, first: 2, after: $after) {
        items { id name kind comuni { istat } } pageInfo { hasNextPage endCursor } } }`;
    type Answer = {
      territories: { items: { name: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
    };
    const first = await stack.graphql<Answer>(query, { search: 'pagine' }, { token: admin.token });
    expect(first.errors).toBeUndefined();
    expect(first.data!.territories.items.map((row) => row.name)).toEqual(names.slice(0, 2));
    expect(first.data!.territories.pageInfo.hasNextPage).toBe(true);
    const second = await stack.graphql<Answer>(
      query,
      { search: 'pagine', after: first.data!.territories.pageInfo.endCursor },
      { token: admin.token },
    );
    expect(second.data!.territories.items.map((row) => row.name)).toEqual([names[2]]);
    expect(second.data!.territories.pageInfo.hasNextPage).toBe(false);
    const accents = await stack.graphql<Answer>(query, { search: 'BETA' }, { token: admin.token });
    expect(accents.data!.territories.items.map((row) => row.name)).toEqual([names[1]]);

    // A moderator (staff, but not a platform admin) and a citizen are refused.
    const moderator = await signUp(stack);
    await grantRole(stack.dataSource, moderator.userId, 'comune_moderator', { territoryId: langhe });
    for (const user of [moderator, await signUp(stack)]) {
      const refused = await stack.graphql(query, {}, { token: user.token });
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(refused.data).toBeNull();
    }
  });

  it('lets platform admins replace the Comuni of a territory, checks them and audits what changed', async () => {
    const ambito = await createTerritory(stack.dataSource, 'Ambito da modificare', [
      PIEDMONT.alba,
      PIEDMONT.bra,
    ]);
    const comune = await createTerritory(stack.dataSource, 'Comune da modificare', [PIEDMONT.barolo]);
    const set = `mutation ($input: SetTerritoryComuniInput!) {
      setTerritoryComuni(input: $input) { id comuni { istat } } }`;
    const moderator = await signUp(stack);
    await grantRole(stack.dataSource, moderator.userId, 'comune_moderator', { territoryId: ambito });
    const input = { territoryId: ambito, comuneIstatCodes: [PIEDMONT.bra, PIEDMONT.cherasco] };
    const refused = await stack.graphql(set, { input }, { token: moderator.token });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const changed = await stack.graphql<{ setTerritoryComuni: { comuni: { istat: string }[] } }>(
      set,
      { input },
      { token: admin.token },
    );
    expect(changed.errors).toBeUndefined();
    expect(changed.data!.setTerritoryComuni.comuni.map((row) => row.istat).sort()).toEqual(
      [PIEDMONT.bra, PIEDMONT.cherasco].sort(),
    );
    const audit = await stack.dataSource.query(
      `SELECT actor_user_id, details FROM audit_log WHERE entity_id = $1 AND action = 'territory.comuni_set'`,
      [ambito],
    );
    expect(audit).toEqual([
      { actor_user_id: admin.userId, details: { added: [PIEDMONT.cherasco], removed: [PIEDMONT.alba] } },
    ]);

    // Errors name the field: an unknown Comune, two Comuni for a territory that is one Comune, none.
    const errors = await Promise.all(
      [
        { territoryId: ambito, comuneIstatCodes: ['999999'] },
        { territoryId: comune, comuneIstatCodes: [PIEDMONT.barolo, PIEDMONT.alba] },
        { territoryId: ambito, comuneIstatCodes: [] },
      ].map(async (wrong) => (await stack.graphql(set, { input: wrong }, { token: admin.token })).errors),
    );
    expect(errors.map((error) => error?.[0].extensions)).toEqual([
      expect.objectContaining({ code: 'COMUNE_NOT_FOUND', field: 'comuneIstatCodes' }),
      expect.objectContaining({ code: 'TERRITORY_COMUNE_NEEDS_ONE', field: 'comuneIstatCodes' }),
      expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'comuneIstatCodes' }),
    ]);
    const [{ count }]: { count: number }[] = await stack.dataSource.query(
      `SELECT count(*)::int AS count FROM territory_comuni WHERE territory_id = $1`,
      [ambito],
    );
    expect(count).toBe(2);
  });

  it('pages a territory’s staff, named first, for platform admins and its moderators only', async () => {
    const territory = await createTerritory(stack.dataSource, 'Ambito del personale', [PIEDMONT.alba]);
    const people = await Promise.all(Array.from({ length: 3 }, () => signUp(stack)));
    const names = ['Bruna Staff', 'Anna Staff', null];
    for (const [index, person] of people.entries()) {
      await grantRole(stack.dataSource, person.userId, 'comune_operator', { territoryId: territory });
      await stack.dataSource.query(`UPDATE users SET display_name = $2 WHERE id = $1`, [
        person.userId,
        names[index],
      ]);
    }
    await grantRole(stack.dataSource, people[0].userId, 'comune_moderator', { territoryId: territory });
    const query = `query ($territoryId: ID!, $after: String) {
      territoryStaffPage(territoryId: $territoryId, first: 2, after: $after) {
        items { userId displayName roles } pageInfo { hasNextPage endCursor } } }`;
    type Answer = {
      territoryStaffPage: {
        items: { userId: string; displayName: string | null; roles: string[] }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    };
    const first = await stack.graphql<Answer>(query, { territoryId: territory }, { token: admin.token });
    expect(first.errors).toBeUndefined();
    expect(first.data!.territoryStaffPage.items).toEqual([
      { userId: people[1].userId, displayName: 'Anna Staff', roles: ['COMUNE_OPERATOR'] },
      {
        userId: people[0].userId,
        displayName: 'Bruna Staff',
        roles: ['COMUNE_MODERATOR', 'COMUNE_OPERATOR'],
      },
    ]);
    // The moderator of the territory reads the next page; the nameless person comes last.
    const second = await stack.graphql<Answer>(
      query,
      { territoryId: territory, after: first.data!.territoryStaffPage.pageInfo.endCursor },
      { token: people[0].token },
    );
    expect(second.data!.territoryStaffPage.items.map((row) => row.userId)).toEqual([people[2].userId]);
    expect(second.data!.territoryStaffPage.pageInfo.hasNextPage).toBe(false);
    // An operator of the territory and a moderator of another are refused.
    const foreign = await signUp(stack);
    await grantRole(stack.dataSource, foreign.userId, 'comune_moderator', { territoryId: novarese });
    for (const user of [people[1], foreign]) {
      const refused = await stack.graphql(query, { territoryId: territory }, { token: user.token });
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });
});
