import { createRequire } from 'node:module';
import { join } from 'node:path';

/** The SQL the api runs for one catalogue page near a point, with where each parameter goes. */
export interface CapturedSearch {
  /** The page query of ServiceOfferQueries.search (filter.near, DISTANCE order). */
  pageSql: string;
  /** Parameter order of pageSql: lat, lon, metres, limit (first + 1). */
  pageParams: ('lat' | 'lon' | 'metres' | 'limit')[];
  /** The organisation loader's batch query (one per page when organisation is selected). */
  organisationsSql: string;
}

interface QueryCapture {
  query(sql: string, params?: unknown[]): Promise<unknown[]>;
}

interface DirectoryBuild {
  DirectoryModule: object;
  ServiceOfferQueries: new (
    dataSource: QueryCapture,
    access: unknown,
    offers: unknown,
    searchRepository: unknown,
  ) => {
    search(args: {
      filter: { near: { lat: number; lon: number; radiusKm: number } };
      first: number;
    }): Promise<unknown>;
  };
  OrganisationService: new (
    dataSource: QueryCapture,
    access: unknown,
    territories: unknown,
    repository: unknown,
  ) => {
    organisationLoader(request: object): { load(id: string): Promise<unknown> };
  };
}

/** The repositories the two services read through (their SQL is what the capture records). */
interface DirectoryRepositoriesBuild {
  ServiceOffersRepository: new (dataSource: QueryCapture) => unknown;
  OrganisationsRepository: new (dataSource: QueryCapture) => unknown;
  ServiceOfferSearchRepository: new (
    config: Record<string, unknown>,
    moderation: unknown,
    replica: { queryPrepared(sql: string, params: unknown[]): Promise<unknown[]> },
  ) => unknown;
}

interface ModerationBuild {
  ModerationService: new (dataSource: unknown, access: unknown, notifications: unknown) => unknown;
}

/**
 * Asks the compiled directory services for their SQL instead of copying it, so the baseline keeps
 * running exactly what the api runs (filters, visibility conditions, ordering) as the code changes.
 * The services only build strings and call dataSource.query here; nothing else is touched.
 */
export async function captureSearchSql(root: string, first: number): Promise<CapturedSearch> {
  const load = createRequire(join(root, 'package.json'));
  const directory = load(join(root, 'dist/libs/directory/src/index.js')) as DirectoryBuild;
  const moderation = load(join(root, 'dist/libs/moderation/src/index.js')) as ModerationBuild;
  // Repositories are not in the library's index (they are its own business): they are found among
  // the providers its module declares, the classes Nest would inject.
  const providers = (Reflect as unknown as { getMetadata(key: string, target: object): unknown }).getMetadata(
    'providers',
    directory.DirectoryModule,
  ) as { name: string }[];
  const repository = <Name extends keyof DirectoryRepositoriesBuild>(
    name: Name,
  ): DirectoryRepositoriesBuild[Name] => {
    const found = providers.find((provider) => provider.name === name);
    if (!found) throw new Error(`DirectoryModule provides no ${name}`);
    return found as unknown as DirectoryRepositoriesBuild[Name];
  };
  const repositories: DirectoryRepositoriesBuild = {
    ServiceOffersRepository: repository('ServiceOffersRepository'),
    OrganisationsRepository: repository('OrganisationsRepository'),
    ServiceOfferSearchRepository: repository('ServiceOfferSearchRepository'),
  };

  const captured: { sql: string; params: unknown[] }[] = [];
  const capture: QueryCapture = {
    query: (sql, params = []) => {
      captured.push({ sql, params });
      return Promise.resolve([]);
    },
  };
  // Values that cannot collide, so each parameter's place can be read back from the capture.
  const probe = { lat: 44.123456, lon: 7.654321, radiusKm: 12.345 };
  // The config only feeds the rating order, which the distance search does not use.
  const offers = new directory.ServiceOfferQueries(
    capture,
    null,
    new repositories.ServiceOffersRepository(capture),
    new repositories.ServiceOfferSearchRepository(
      {},
      new moderation.ModerationService(null, null, null),
      // The read replica's stand-in: without a replica the api runs the page on the primary.
      { queryPrepared: (sql, params) => capture.query(sql, params) },
    ),
  );
  await offers.search({ filter: { near: probe }, first });
  const organisations = new directory.OrganisationService(
    capture,
    null,
    null,
    new repositories.OrganisationsRepository(capture),
  );
  await organisations.organisationLoader({}).load('00000000-0000-0000-0000-000000000000');

  if (captured.length !== 2) throw new Error(`expected 2 captured queries, got ${captured.length}`);
  const [page, loader] = captured;
  const pageParams = page.params.map((value) => {
    if (value === probe.lat) return 'lat' as const;
    if (value === probe.lon) return 'lon' as const;
    if (value === probe.radiusKm * 1000) return 'metres' as const;
    if (value === first + 1) return 'limit' as const;
    throw new Error(`unexpected search parameter ${String(value)}`);
  });
  return { pageSql: page.sql, pageParams, organisationsSql: loader.sql };
}
