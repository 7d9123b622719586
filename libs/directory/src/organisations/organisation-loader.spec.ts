import { AccessService, UserRolesRepository } from '@prossimo/identity';
import { TerritoryService } from '@prossimo/territory';
import { DataSource } from 'typeorm';
import { Organisation } from '../directory.types';
import { OrganisationService, publicView } from './organisation.service';
import { OrganisationsRepository } from './organisations.repository';

describe('OrganisationService.organisationLoader', () => {
  function serviceWith(rows: { id: string; name: string }[]) {
    const query = jest.fn(async (_sql: string, [ids]: [string[]]) =>
      rows.filter((row) => ids.includes(row.id)),
    );
    const dataSource = { query } as unknown as DataSource;
    const service = new OrganisationService(
      dataSource,
      {} as AccessService,
      {} as TerritoryService,
      new OrganisationsRepository(dataSource),
      new UserRolesRepository(dataSource),
    );
    return { service, query };
  }

  it('loads the organisations of a whole page in one query, in the order asked, null when missing', async () => {
    const { service, query } = serviceWith([
      { id: 'a', name: 'APS Alfa' },
      { id: 'b', name: 'Coop Beta' },
    ]);
    const request = {};
    const loader = service.organisationLoader(request);
    const loaded = await Promise.all(['b', 'a', 'b', 'missing'].map((id) => loader.load(id)));
    expect(loaded.map((organisation) => organisation?.name ?? null)).toEqual([
      'Coop Beta',
      'APS Alfa',
      'Coop Beta',
      null,
    ]);
    expect(query).toHaveBeenCalledTimes(1);
    expect(query.mock.calls[0][1]).toEqual([['b', 'a', 'missing']]);
    // Same request, same loader (and cache); another request starts afresh.
    expect(service.organisationLoader(request)).toBe(loader);
    await service.organisationLoader({}).load('a');
    expect(query).toHaveBeenCalledTimes(2);
  });

  it("hides a person's codice fiscale from the public, keeps a body's", () => {
    const base = { id: 'x', name: 'Ditta' } as Organisation;
    expect(publicView({ ...base, codiceFiscale: 'RSSMRA80A01H501U' }).codiceFiscale).toBeNull();
    expect(publicView({ ...base, codiceFiscale: '80012345678' }).codiceFiscale).toBe('80012345678');
  });
});
