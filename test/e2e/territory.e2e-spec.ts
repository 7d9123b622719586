import { createTerritory, grantRole, PIEDMONT, signUp, SignedInUser } from '../support/fixtures';
import { startStack, TestStack } from '../support/stack';

const GRANT = `mutation ($input: GrantStaffRoleInput!) { grantStaffRole(input: $input) { userId role territoryId } }`;

describe('Territories and staff roles', () => {
  let stack: TestStack;
  let admin: SignedInUser;
  let langhe: string;
  let novarese: string;

  beforeAll(async () => {
    stack = await startStack({ startWorker: true });
    admin = await signUp(stack);
    await grantRole(stack.dataSource, admin.userId, 'platform_admin');
    langhe = await createTerritory(stack.dataSource, 'Ambito Langhe', [PIEDMONT.alba, PIEDMONT.bra]);
    novarese = await createTerritory(stack.dataSource, 'Ambito Novarese', [
      PIEDMONT.novara,
      PIEDMONT.borgomanero,
    ]);
  });
  afterAll(async () => {
    await stack.close();
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
});
