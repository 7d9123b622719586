import { Role } from '@prossimo/identity';
import { TerritoryKind, TerritoryModule, TerritoryService } from '@prossimo/territory';
import { createTerritory, PIEDMONT } from '../support/fixtures';
import { actingAs, grant, insertUser, refusal, startServiceModuleForFile } from '../support/service-module';

// TerritoryService with its repositories on the file's own database: what the platform admin
// and the Comune's moderator change, what they are refused, and that a refusal writes nothing.

describe('TerritoryService on PostgreSQL', () => {
  const services = startServiceModuleForFile([TerritoryModule]);
  let territories: TerritoryService;
  let adminId: string;
  let moderatorId: string;
  let langhe: string;
  const admin = () => actingAs(adminId, [grant.platformAdmin()]);
  const moderator = () => actingAs(moderatorId, [grant.inTerritory(Role.COMUNE_MODERATOR, langhe)]);
  const count = async (sql: string, params: unknown[] = []) =>
    Number(((await services.dataSource.query(sql, params)) as { n: string }[])[0].n);
  const auditOf = (territoryId: string) =>
    services.dataSource.query(
      `SELECT actor_user_id AS "actor", action, details FROM audit_log WHERE entity_id = $1 ORDER BY id`,
      [territoryId],
    ) as Promise<{ actor: string; action: string; details: Record<string, unknown> }[]>;

  beforeAll(async () => {
    territories = services.module.get(TerritoryService);
    [adminId, moderatorId] = [await insertUser(services.dataSource), await insertUser(services.dataSource)];
    langhe = await createTerritory(services.dataSource, 'Ambito Langhe', [PIEDMONT.alba, PIEDMONT.bra]);
  });

  it('creates an ambito over distinct known Comuni, with its audit entry', async () => {
    const created = await territories.createTerritory(admin(), {
      name: '  Ambito Novarese ',
      kind: TerritoryKind.AMBITO,
      comuneIstatCodes: [PIEDMONT.novara, PIEDMONT.borgomanero, PIEDMONT.novara],
    });
    expect(created).toMatchObject({ name: 'Ambito Novarese', kind: TerritoryKind.AMBITO });
    const comuni = await territories.comuniOf(created.id, {});
    expect(comuni.map((comune) => comune.istat).sort()).toEqual(
      [PIEDMONT.novara, PIEDMONT.borgomanero].sort(),
    );
    expect(await auditOf(created.id)).toEqual([
      { actor: adminId, action: 'territory.created', details: { comuni: 2 } },
    ]);
  });

  it('refuses a stranger, an unknown Comune and a Comune territory of two Comuni, writing nothing', async () => {
    const before = await count(`SELECT count(*) AS n FROM territories`);
    const input = { name: 'Ambito di prova', kind: TerritoryKind.AMBITO, comuneIstatCodes: [PIEDMONT.alba] };
    await expect(refusal(territories.createTerritory(moderator(), input))).resolves.toEqual({
      code: 'FORBIDDEN',
    });
    await expect(
      refusal(
        territories.createTerritory(admin(), { ...input, comuneIstatCodes: [PIEDMONT.alba, '999999'] }),
      ),
    ).resolves.toEqual({ code: 'COMUNE_NOT_FOUND', field: 'comuneIstatCodes' });
    await expect(
      refusal(
        territories.createTerritory(admin(), {
          ...input,
          kind: TerritoryKind.COMUNE,
          comuneIstatCodes: [PIEDMONT.alba, PIEDMONT.bra],
        }),
      ),
    ).resolves.toEqual({ code: 'TERRITORY_COMUNE_NEEDS_ONE', field: 'comuneIstatCodes' });
    expect(await count(`SELECT count(*) AS n FROM territories`)).toBe(before);
  });

  it('replaces the Comuni of a territory and audits what was added and removed', async () => {
    const roero = await createTerritory(services.dataSource, 'Ambito Roero', [PIEDMONT.alba, PIEDMONT.bra]);
    await territories.setTerritoryComuni(admin(), {
      territoryId: roero,
      comuneIstatCodes: [PIEDMONT.bra, PIEDMONT.novara],
    });
    const comuni = await territories.comuniOf(roero, {});
    expect(comuni.map((comune) => comune.istat).sort()).toEqual([PIEDMONT.bra, PIEDMONT.novara].sort());
    expect(await auditOf(roero)).toEqual([
      {
        actor: adminId,
        action: 'territory.comuni_set',
        details: { added: [PIEDMONT.novara], removed: [PIEDMONT.alba] },
      },
    ]);
  });

  it('sets the desk of the moderator’s own territory only; hours need a number', async () => {
    const saved = await territories.setTerritoryDesk(moderator(), {
      territoryId: langhe,
      phone: '0173 316000',
      hours: 'lun-ven 9-12',
    });
    expect(saved).toMatchObject({ deskPhone: '+390173316000', deskHours: 'lun-ven 9-12' });
    const novarese = await createTerritory(services.dataSource, 'Ambito del Sesia', [PIEDMONT.borgomanero]);
    await expect(
      refusal(territories.setTerritoryDesk(moderator(), { territoryId: novarese, phone: '0173 316000' })),
    ).resolves.toEqual({ code: 'FORBIDDEN' });
    await expect(
      refusal(
        territories.setTerritoryDesk(moderator(), { territoryId: langhe, phone: ' ', hours: 'lun 9-12' }),
      ),
    ).resolves.toEqual({ code: 'DESK_HOURS_WITHOUT_PHONE', field: 'hours' });
    // The refused change left the desk as it was.
    await expect(territories.territory(langhe)).resolves.toMatchObject({
      deskPhone: '+390173316000',
      deskHours: 'lun-ven 9-12',
    });
  });

  it('pages every territory by name for the platform admin, and searches them', async () => {
    for (const n of [1, 2, 3]) {
      await createTerritory(services.dataSource, `Comune di pagina ${n}`, [PIEDMONT.torino]);
    }
    const first = await territories.territoryPage(admin(), { search: 'PAGINA', first: 2 });
    expect(first.items.map((territory) => territory.name)).toEqual([
      'Comune di pagina 1',
      'Comune di pagina 2',
    ]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await territories.territoryPage(admin(), {
      search: 'pagina',
      first: 2,
      after: first.pageInfo.endCursor ?? undefined,
    });
    expect(second.items.map((territory) => territory.name)).toEqual(['Comune di pagina 3']);
    expect(second.pageInfo.hasNextPage).toBe(false);
    await expect(refusal(territories.territoryPage(moderator(), { first: 2 }))).resolves.toEqual({
      code: 'FORBIDDEN',
    });
  });
});
