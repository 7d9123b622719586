import { createTerritory } from '../support/fixtures';
import { GraphQLResult, startStackForFile } from '../support/stack';

// Issue 21, item 9: "visita medica" did not find "visite mediche". The catalogue's text search in
// Italian: stems (PostgreSQL's 'italian' configuration over unaccented text), parts of words and
// typos (trigrams), ranked title above description, paged by a (rank, id) cursor.

// Campobasso: no other test file uses Molise, and this file has its own database anyway.
const CAMPOBASSO = '070006';

/** Fixed ids, so that ties on rank are broken the same way on every run. */
const id = (n: number) => `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`;

const OFFERS = {
  titleMatch: id(1),
  descriptionMatch: id(2),
  city: id(3),
  physio: id(4),
  /** "Compagnia telefonica" in title and description: ranks above the equal ones below. */
  best: id(10),
  /** "giardin": the stem in the title, then in the description; "giardinaggio" has another stem. */
  gardenTitle: id(20),
  gardenDescription: id(21),
  gardening: id(22),
  /** Same words as gardenTitle, but not published: never in the catalogue. */
  gardenPending: id(23),
  /** Its title changes in a test: the search follows. */
  renamed: id(24),
};
/** Same title and description, so the same rank: only the id orders them. */
const EQUAL = [17, 12, 15, 11, 16, 13, 14].map(id);

const SEARCH = `query ($filter: ServiceOfferFilter, $order: ServiceOfferOrder, $first: Int, $after: String) {
  searchServiceOffers(filter: $filter, order: $order, first: $first, after: $after) {
    items { id title distanceKm } pageInfo { hasNextPage endCursor }
  }
}`;

interface SearchPage {
  items: { id: string; title: string; distanceKm: number | null }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

describe('catalogue text search in Italian (issue 21, item 9)', () => {
  const stack = startStackForFile();

  beforeAll(async () => {
    const territoryId = await createTerritory(stack.dataSource, 'Campobasso (ricerca)', [CAMPOBASSO]);
    const [organisation]: { id: string }[] = await stack.dataSource.query(
      `INSERT INTO organisations (kind, runts_section, name, codice_fiscale, description, home_comune_istat)
       VALUES ('ets', 'b', 'APS Molise Insieme', '80000000702', 'Associazione', $1) RETURNING id`,
      [CAMPOBASSO],
    );
    await stack.dataSource.query(
      `INSERT INTO organisation_accreditations (organisation_id, territory_id, status, decided_at)
       VALUES ($1, $2, 'accredited', now())`,
      [organisation.id, territoryId],
    );
    const offers: [string, string, string, string?][] = [
      [OFFERS.titleMatch, 'Visite mediche a domicilio', 'Un medico di base viene a casa.'],
      [OFFERS.descriptionMatch, 'Accompagnamento in auto', 'Accompagniamo alle visite mediche in ospedale.'],
      [OFFERS.city, 'Spesa in città', 'Consegna della spesa a casa.'],
      [OFFERS.physio, 'Fisioterapia a domicilio', 'Esercizi di riabilitazione.'],
      [OFFERS.best, 'Compagnia telefonica', 'Compagnia telefonica ogni giorno.'],
      ...EQUAL.map((offerId): [string, string, string] => [
        offerId,
        'Compagnia telefonica',
        'Una chiamata per fare due chiacchiere.',
      ]),
      [OFFERS.gardenTitle, 'Cura del giardino', 'Potatura e prato.'],
      [OFFERS.gardenDescription, 'Aiuto in casa', 'Anche un giardiniere per il prato.'],
      [OFFERS.gardening, 'Corso di giardinaggio', 'Per chi ama le piante.'],
      [OFFERS.gardenPending, 'Cura del giardino', 'Potatura e prato.', 'pending'],
      [OFFERS.renamed, 'Lezioni di ceramica', 'In piccoli gruppi.'],
    ];
    for (const [offerId, title, description, moderation = 'published'] of offers) {
      await stack.dataSource.query(
        `INSERT INTO service_offers (id, organisation_id, title, category, description, area_comuni, comune_istat,
           lat, lon, price_model)
         SELECT $1, $2, $3, 'companionship', $4, ARRAY[c.istat], c.istat, c.lat, c.lon, 'free'
           FROM comuni c WHERE c.istat = $5`,
        [offerId, organisation.id, title, description, CAMPOBASSO],
      );
      await stack.dataSource.query(
        `INSERT INTO moderation_items (content_type, content_id, comune_istat, status, needs_review, summary, decided_at)
         VALUES ('service_offer', $1, $2, $4, false, $3, now())`,
        [offerId, CAMPOBASSO, title, moderation],
      );
    }
  });

  async function search(variables: Record<string, unknown>): Promise<SearchPage> {
    const result: GraphQLResult<{ searchServiceOffers: SearchPage }> = await stack.graphql(SEARCH, variables);
    expect(result.errors).toBeUndefined();
    return (result.data as { searchServiceOffers: SearchPage }).searchServiceOffers;
  }

  async function ids(text: string, order?: string): Promise<string[]> {
    const page = await search({ filter: { text }, order, first: 50 });
    return page.items.map((item) => item.id);
  }

  /** Every page of a search, `first` at a time, followed by its cursors: the ids in order. */
  async function allPages(text: string, first: number, order?: string): Promise<string[]> {
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 10; pages += 1) {
      const page = await search({ filter: { text }, order, first, after });
      seen.push(...page.items.map((item) => item.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    return seen;
  }

  it('finds other forms of the words: "visita medica" finds "visite mediche", the title match first', async () => {
    expect(await ids('visita medica')).toEqual([OFFERS.titleMatch, OFFERS.descriptionMatch]);
    expect(await ids('Visita Medica')).toEqual([OFFERS.titleMatch, OFFERS.descriptionMatch]);
    expect(await ids('visite mediche')).toEqual([OFFERS.titleMatch, OFFERS.descriptionMatch]);
    // Without stems, only the literal words (parts of words still match, as before).
    expect(await ids('medic')).toEqual([OFFERS.titleMatch, OFFERS.descriptionMatch]);
  });

  it('ignores accents both ways', async () => {
    expect(await ids('citta')).toEqual([OFFERS.city]);
    expect(await ids('CITTÀ')).toEqual([OFFERS.city]);
    expect(await ids('visità mèdica')).toEqual([OFFERS.titleMatch, OFFERS.descriptionMatch]);
  });

  it('forgives a typo through the trigram match, and parts of words', async () => {
    expect(await ids('fisoterapia')).toEqual([OFFERS.physio]);
    expect(await ids('fisioterapai')).toEqual([OFFERS.physio]);
    expect(await ids('fisio')).toEqual([OFFERS.physio]);
    // Every word must match one way or the other; an unrelated word still finds nothing.
    expect(await ids('fisioterapia chitarra')).toEqual([]);
    expect(await ids('zzzqqq')).toEqual([]);
  });

  it('reads quotes as a phrase and a leading minus as "without"', async () => {
    expect(await ids('visite -domicilio')).toEqual([OFFERS.descriptionMatch]);
    expect(await ids('"visite mediche" ospedale')).toEqual([OFFERS.descriptionMatch]);
  });

  it('pages by relevance over equal ranks: every offer once, ties by id', async () => {
    // Two words: their matches ranked and sorted.
    const seen = await allPages('compagnia telefonica', 3);
    expect(seen).toEqual([OFFERS.best, ...[...EQUAL].sort()]);
    // One word (a walk of its index, best first): the same with pages of one, across the boundary
    // between the two ranks.
    expect(await allPages('telefonica', 1, 'RELEVANCE')).toEqual(seen);
  });

  it('pages from the stem matches on to the part-of-a-word matches, each offer once, published only', async () => {
    // "giardin" is the stem of "giardino" and "giardiniere"; "giardinaggio" (stem "giardinagg")
    // only contains it, so it comes after every stem match, on the page after them if need be.
    const all = [OFFERS.gardenTitle, OFFERS.gardenDescription, OFFERS.gardening];
    expect(await ids('giardin')).toEqual(all);
    expect(await allPages('giardin', 1)).toEqual(all);
    const two = await search({ filter: { text: 'giardin' }, first: 2 });
    expect(two.items.map((item) => item.id)).toEqual(all.slice(0, 2));
    const rest = await search({ filter: { text: 'giardin' }, first: 2, after: two.pageInfo.endCursor });
    expect(rest.items.map((item) => item.id)).toEqual(all.slice(2));
    expect(rest.pageInfo.hasNextPage).toBe(false);
  });

  it("follows an offer's new text: its new words found, with typos, its old ones no more", async () => {
    expect(await ids('ceramica')).toEqual([OFFERS.renamed]);
    await stack.dataSource.query(`UPDATE service_offers SET title = 'Lezioni di acquerello' WHERE id = $1`, [
      OFFERS.renamed,
    ]);
    expect(await ids('ceramica')).toEqual([]);
    expect(await ids('acquerello')).toEqual([OFFERS.renamed]);
    expect(await ids('acquerelli')).toEqual([OFFERS.renamed]);
    expect(await ids('acquerelo')).toEqual([OFFERS.renamed]);
  });

  it('keeps the other orders with text, and RELEVANCE needs text', async () => {
    const newest = await ids('telefonica', 'NEWEST');
    expect([...newest].sort()).toEqual([OFFERS.best, ...EQUAL].sort());
    const byDistance = await search({
      filter: { text: 'visita medica', near: { ...(await centre()), radiusKm: 5 } },
      first: 10,
    });
    expect(byDistance.items.map((item) => item.id).sort()).toEqual(
      [OFFERS.titleMatch, OFFERS.descriptionMatch].sort(),
    );
    expect(byDistance.items.every((item) => item.distanceKm !== null)).toBe(true);
    const rated = await ids('visita medica', 'RATING');
    expect([...rated].sort()).toEqual([OFFERS.titleMatch, OFFERS.descriptionMatch].sort());
    const refused = await stack.graphql(SEARCH, { filter: {}, order: 'RELEVANCE', first: 5 });
    expect(refused.errors?.[0]?.extensions).toEqual(
      expect.objectContaining({ code: 'SEARCH_RELEVANCE_NEEDS_TEXT', field: 'order' }),
    );
  });

  async function centre(): Promise<{ lat: number; lon: number }> {
    const [row]: { lat: number; lon: number }[] = await stack.dataSource.query(
      `SELECT lat, lon FROM comuni WHERE istat = $1`,
      [CAMPOBASSO],
    );
    return row;
  }
});
