// page.evaluate() callbacks run in the browser.
/// <reference lib="dom" />
import { randomBytes } from 'node:crypto';
import {
  accreditedSharedCarerCooperative,
  createServiceOffer,
  createTerritory,
  grantRole,
  signUp,
  TRENTINO,
  waitUntil,
} from '../support/fixtures';
import {
  checkPage,
  expectNoAxeViolations,
  openPage,
  screenshot,
  signInThroughUi,
  startWebStackForFile,
  WebPage,
  WIDTHS,
} from './support/web';
import { uniquePhone } from '../support/stack';

// Trento's centre, as the comuni table has it (the offers' areas are Trento).
const TRENTO = { latitude: 46.0679, longitude: 11.1211 };
/** Prices are written with a no-break space before the euro sign. */
const plain = (text: string | null) => (text ?? '').replace(/\u00a0/g, ' ');

describe('the public catalogue in Chromium', () => {
  let page: WebPage;
  let rideId: string;
  let organisationName: string;
  const web = startWebStackForFile({}, () => [page]);

  beforeAll(async () => {
    const { stack } = web;
    const territoryId = await createTerritory(
      stack.dataSource,
      `Trentino ${randomBytes(3).toString('hex')}`,
      [TRENTINO.trento],
    );
    const [cooperative, moderator] = await Promise.all([signUp(stack), signUp(stack)]);
    await grantRole(stack.dataSource, moderator.userId, 'comune_moderator', { territoryId });
    const { organisationId } = await accreditedSharedCarerCooperative(
      stack,
      { cooperative, moderator },
      { territoryId, comuneIstat: TRENTINO.trento },
      [1200, 800, 600],
    );
    organisationName = (
      await stack.dataSource.query(`SELECT name FROM organisations WHERE id = $1`, [organisationId])
    )[0].name;
    const offer = (input: Record<string, unknown>) =>
      createServiceOffer(stack, cooperative, {
        organisationId,
        targetGroups: ['ELDERLY'],
        area: { comuneIstatCodes: [TRENTINO.trento] },
        languages: ['it'],
        ...input,
      });
    rideId = (
      await offer({
        title: 'Accompagnamento alle visite mediche',
        category: 'RIDES_AND_ACCOMPANIMENT',
        description: 'Ti accompagniamo in auto alle visite, andata e ritorno.',
        schedule: [{ dayOfWeek: 2, start: '09:00', end: '12:00' }],
        price: { model: 'FREE' },
      })
    ).id;
    // Enough offers for a second page (10 a page): 13 in all.
    for (let index = 1; index <= 11; index += 1) {
      await offer({
        title: `Compagnia e due passi ${index}`,
        category: 'COMPANIONSHIP',
        description: 'Una visita per fare due chiacchiere o una passeggiata.',
        schedule: [{ dayOfWeek: 3, start: '15:00', end: '18:00' }],
        price: { model: 'FIXED', amountCents: 500 + index * 100, unit: 'HOUR' },
      });
    }
  });

  const results = () => page.page.locator('.result-card a.result-link');
  const heading = () => page.page.locator('#results-title');
  /**
   * After "Cerca", the list once it answers this search: the one before stays on screen a moment
   * after the click (the same heading too, "1 servizio trovato"), so the titles are waited for.
   */
  const expectResults = async (titles: string[]) => {
    const shown = () => results().allTextContents();
    await waitUntil(async () => JSON.stringify(await shown()) === JSON.stringify(titles)).catch(
      () => undefined,
    );
    expect(await shown()).toEqual(titles);
  };

  for (const width of [WIDTHS.phone, WIDTHS.desktop]) {
    it(`searches by Comune at ${width}px, with distance and price bands, and pages on the server`, async () => {
      page = await openPage(web, width);
      await page.goto('/servizi');
      await heading().waitFor();
      await checkPage(page, 'catalogue', /^Cerca un servizio - Prossimo$/);

      // A name shared by several Comuni: the person chooses.
      await page.page.getByLabel('Comune', { exact: true }).fill('Castel');
      await page.page.getByRole('button', { name: 'Cerca', exact: true }).click();
      await page.page.getByText('Quale Comune intendi?').waitFor();
      await expectNoAxeViolations(page, 'catalogue choose a Comune');

      // The search near Trento is held at the network until the page has shown that it is
      // searching: the list before it (all 13 offers, the same heading) must not stay on screen as
      // if it were the answer.
      let answerSearch = () => {};
      const searchHeld = new Promise<void>((done) => (answerSearch = done));
      await page.page.route('**/graphql', async (route) => {
        const body = route.request().postData() ?? '';
        if (body.includes('"operationName":"SearchOffers"') && body.includes('"near"')) await searchHeld;
        await route.fallback();
      });
      await page.page.getByLabel('Comune', { exact: true }).fill('Trento');
      await page.page.getByRole('button', { name: 'Cerca', exact: true }).click();
      await page.page.waitForURL(/luogo=Trento/);
      await page.page.getByRole('status').filter({ hasText: 'Ricerca in corso…' }).waitFor();
      expect(await page.page.locator('.result-card').count()).toBe(0);
      await expectNoAxeViolations(page, 'catalogue searching');
      answerSearch();
      await heading().filter({ hasText: 'Servizi mostrati: 10. Ce ne sono altri.' }).waitFor();
      await page.page.unroute('**/graphql');
      const first = page.page.locator('.result-card').first();
      expect(await first.textContent()).toMatch(/a \d+(,\d)? km/);
      await checkPage(page, 'catalogue-results', /^Cerca un servizio - Prossimo$/);

      await page.page.getByRole('button', { name: 'Mostra altri servizi' }).click();
      await heading().filter({ hasText: '13 servizi trovati' }).waitFor();
      expect(await results().count()).toBe(13);
      // The offers are equally near: which page holds the shared one depends on their ids.
      expect(
        plain(await page.page.locator('.result-card', { hasText: 'Badante di condominio' }).textContent()),
      ).toContain('Condiviso: da 6,00 € l’ora a persona');
      // Focus goes to the first new result, so that keyboard and screen reader users carry on there.
      expect(await page.page.evaluate(() => document.activeElement?.classList.contains('result-link'))).toBe(
        true,
      );
      expect(await page.page.evaluate(() => document.activeElement?.textContent)).toBe(
        await results().nth(10).textContent(),
      );
      await expectNoAxeViolations(page, 'catalogue second page');
    });
  }

  it('filters by price, kind, day and time, text; uses my position', async () => {
    page = await openPage(web, WIDTHS.phone);
    await page.goto('/servizi?luogo=Trento&lat=46.0679&lon=11.1211&km=10');
    await heading().waitFor();

    await page.page.locator('label[for="price-free"]').click();
    await page.page.getByRole('button', { name: 'Cerca', exact: true }).click();
    await expectResults(['Accompagnamento alle visite mediche']);
    await heading().filter({ hasText: '1 servizio trovato' }).waitFor();

    // At most 8 euro an hour, Monday at 9:30: the shared carer (from 6 euro) and none of the others.
    await page.page.locator('label[for="price-max"]').click();
    await page.page.getByLabel('Prezzo massimo (euro l’ora)').fill('8');
    await page.page.getByLabel('Giorno', { exact: true }).selectOption('1');
    await page.page.getByLabel('Ora', { exact: true }).fill('09:30');
    await page.page.getByRole('button', { name: 'Cerca', exact: true }).click();
    await expectResults(['Badante di condominio']);
    await heading().filter({ hasText: '1 servizio trovato' }).waitFor();
    await expectNoAxeViolations(page, 'catalogue filtered');
    await screenshot(page, 'catalogue-filtered');

    // A bad amount is shown at its field.
    await page.page.getByLabel('Prezzo massimo (euro l’ora)').fill('otto');
    await page.page.getByRole('button', { name: 'Cerca', exact: true }).click();
    await page.page.locator('#max-price-error').waitFor();
    await expectNoAxeViolations(page, 'catalogue field error');

    await page.page.locator('label[for="price-any"]').click();
    await page.page.getByLabel('Giorno', { exact: true }).selectOption('');
    await page.page.getByLabel('Ora', { exact: true }).fill('');
    // Italian forms of the words (issue 21, item 9): "visita medica" finds the "visite mediche";
    // "visite" alone would now find the "Una visita per..." offers too.
    await page.page.getByLabel('Parole').fill('visita medica');
    await page.page.getByRole('button', { name: 'Cerca', exact: true }).click();
    await expectResults(['Accompagnamento alle visite mediche']);
    await heading().filter({ hasText: '1 servizio trovato' }).waitFor();

    // "Use my position": the browser's location (granted) instead of a Comune.
    await page.context.grantPermissions(['geolocation']);
    await page.context.setGeolocation(TRENTO);
    await page.page.getByLabel('Parole').fill('');
    await page.page.getByRole('button', { name: 'Usa la mia posizione' }).click();
    await page.page.waitForURL((url) => !url.search.includes('luogo') && url.search.includes('lat=46.06790'));
    await page.page.getByText('Cerchiamo vicino alla tua posizione.').waitFor();
    await heading().filter({ hasText: 'Servizi mostrati: 10' }).waitFor();
  });

  it('an offer page: organisation, shared price per household, reviews; asking for it goes through sign-in', async () => {
    page = await openPage(web, WIDTHS.phone);
    await page.goto('/servizi?luogo=Trento&lat=46.0679&lon=11.1211&km=10&testo=badante');
    await page.page.getByRole('link', { name: 'Badante di condominio' }).click();
    await page.page.getByRole('heading', { name: 'Badante di condominio', level: 1 }).waitFor();
    const table = page.page.locator('table');
    expect(await table.locator('caption').textContent()).toBe(
      'Prezzo per famiglia secondo quante famiglie condividono il servizio',
    );
    expect((await table.locator('tbody tr').allInnerTexts()).map(plain)).toEqual([
      expect.stringMatching(/da 1\s+12,00 € l’ora/),
      expect.stringMatching(/da 2\s+8,00 € l’ora/),
      expect.stringMatching(/da 3\s+6,00 € l’ora/),
    ]);
    expect(await page.page.getByText(organisationName).count()).toBe(1);
    await page.page.getByText('Non ci sono ancora abbastanza recensioni da mostrare.').waitFor();
    await checkPage(page, 'offer-shared', /^Badante di condominio - Prossimo$/);

    await page.goto(`/servizi/${rideId}`);
    await page.page.getByRole('heading', { name: 'Accompagnamento alle visite mediche' }).waitFor();
    const ask = page.page.getByRole('link', { name: 'Chiedi questo aiuto (ti chiederemo di accedere)' });
    const target = `/richieste/nuova?categoria=RIDES_AND_ACCOMPANIMENT&offerta=${rideId}`;
    expect(await ask.getAttribute('href')).toBe(`/accedi?dopo=${encodeURIComponent(target)}`);
    await checkPage(page, 'offer-free', /^Accompagnamento alle visite mediche - Prossimo$/);
    await ask.click();
    await page.page.waitForURL('**/accedi?dopo=*');
    // Signed in, the same link goes straight to the request form.
    await signInThroughUi(web, page, uniquePhone());
    await page.goto(`/servizi/${rideId}`);
    expect(
      await page.page.getByRole('link', { name: 'Chiedi questo aiuto', exact: true }).getAttribute('href'),
    ).toBe(target);
  });

  it('an unknown offer says so', async () => {
    page = await openPage(web, WIDTHS.phone);
    await page.goto('/servizi/00000000-0000-4000-8000-000000000000');
    await page.page
      .getByRole('heading', { name: 'Questo servizio non esiste o non è più disponibile.' })
      .waitFor();
    await expectNoAxeViolations(page, 'offer not found');
  });
});
