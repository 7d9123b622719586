// page.evaluate() callbacks run in the browser.
/// <reference lib="dom" />
import { createTerritory, ok, PIEDMONT, signUp, waitUntil } from '../support/fixtures';
import { uniquePhone } from '../support/stack';
import {
  checkPage,
  expectNoAxeViolations,
  expectNoOtherOrigin,
  openPage,
  screenshot,
  signInThroughUi,
  startWebStack,
  WebPage,
  WebStack,
  WIDTHS,
} from './support/web';
import { BRA, postRide, wednesdayNextWeek } from './volunteer-fixtures';

// Wednesday, as the api counts days (1 = Monday): the day of the journey's ride.
const WEDNESDAY = 3;

/** Checks the page at the phone width it is used at, then again at 1280 px (axe and a screenshot at each). */
async function checkBothWidths(page: WebPage, name: string, title: RegExp): Promise<void> {
  await checkPage(page, name, title);
  await page.page.setViewportSize({ width: WIDTHS.desktop, height: 900 });
  await checkPage({ ...page, width: WIDTHS.desktop }, name, title);
  await page.page.setViewportSize({ width: page.width, height: 740 });
}

/** Ticks a cell of the week grid by tapping it, and checks that it says so. */
async function tick(page: WebPage, day: number, hour: number): Promise<void> {
  const cell = page.page.locator(`button[data-day="${day}"][data-hour="${hour}"]`);
  await cell.click();
  expect(await cell.getAttribute('aria-pressed')).toBe('true');
}

/** Bootstrap Italia draws checkboxes and radio buttons on their labels: a person taps the label. */
async function choose(page: WebPage, inputId: string): Promise<void> {
  await page.page.locator(`label[for="${inputId}"]`).click();
  expect(await page.page.locator(`#${inputId}`).isChecked()).toBe(true);
}

const MY_WINDOWS = `{ myAvailability { kind dayOfWeek start end } }`;

describe('the volunteer in Chromium', () => {
  let web: WebStack;
  let page: WebPage | undefined;
  beforeAll(async () => {
    // The keyboard test signs in through the page a person the api signed up a moment before.
    web = await startWebStack({ env: { OTP_RESEND_INTERVAL_SECONDS: '0' } });
    await createTerritory(web.stack.dataSource, 'Bra', [PIEDMONT.bra]);
  });
  afterAll(async () => {
    await web?.close();
  });
  afterEach(async () => {
    if (page) expectNoOtherOrigin(page);
    await page?.close();
    page = undefined;
  });

  it('becomes a volunteer, marks the week on the grid, sees a ride proposed live, accepts, drives it and both review', async () => {
    const rideDay = wednesdayNextWeek();
    // The citizen signs up first (the citizen's pages have their own journey: here the api).
    const citizen = await signUp(web.stack);

    page = await openPage(web, WIDTHS.phone);
    const { page: browser } = page;
    await signInThroughUi(web, page, uniquePhone());

    // "Voglio dare una mano": the start of the volunteer area, then the profile.
    await page.goto('/volontario');
    await checkBothWidths(page, 'volunteer-start', /^Voglio dare una mano - Prossimo$/);
    await browser.getByRole('link', { name: 'Diventa volontario' }).click();
    await browser.waitForURL('**/volontario/profilo');
    await browser.getByLabel('Il nome che vedranno le persone').waitFor();
    await checkBothWidths(page, 'volunteer-profile-new', /^Diventa volontario - Prossimo$/);

    // Sent empty: the summary takes focus and names each missing answer at its field.
    await browser.getByRole('button', { name: 'Diventa volontario' }).click();
    await browser.locator('.error-summary').waitFor();
    expect(await browser.evaluate(() => document.activeElement?.className ?? '')).toContain('error-summary');
    expect(await browser.locator('#bio-error').textContent()).toBe('Scrivi qualche parola su di te');
    await expectNoAxeViolations(page, 'the profile with its errors');
    await screenshot(page, 'volunteer-profile-errors');

    await browser.getByLabel('Il nome che vedranno le persone').fill('Giorgio R.');
    await browser
      .getByLabel('Presentati')
      .fill('Ho l’auto e il mercoledì sono libero: accompagno volentieri.');
    await choose(page, 'categories-RIDES_AND_ACCOMPANIMENT');
    await browser.getByLabel('Comune', { exact: true }).fill('Bra');
    await browser.getByRole('button', { name: 'Cerca' }).click();
    await choose(page, `comune-result-${BRA.istat}`);
    await browser.getByLabel('Fino a quanti chilometri puoi spostarti').fill('25');
    await browser.getByLabel('Quante ore alla settimana al massimo').fill('10');
    await choose(page, 'hasVehicle-yes');
    await browser.getByLabel('Posti per i passeggeri').fill('3');
    await expectNoAxeViolations(page, 'the filled profile');
    await browser.getByRole('button', { name: 'Diventa volontario' }).click();

    // Next step: the week. Wednesday 08:00-14:00 ticked hour by hour is one window.
    await browser.waitForURL('**/volontario/disponibilita');
    await browser.getByText('Ora sei volontario.').waitFor();
    await checkBothWidths(page, 'volunteer-availability-empty', /^Quando sei libero - Prossimo$/);
    for (const hour of [8, 9, 10, 11, 12, 13]) await tick(page, WEDNESDAY, hour);
    expect(await browser.getByTestId('weekly-hours').textContent()).toBe('Ogni settimana sei libero 6 ore.');
    await browser.getByRole('button', { name: 'Salva la settimana' }).click();
    await browser.getByText('Disponibilità salvata.').waitFor();
    await browser.getByText('Ogni mercoledì, dalle 08:00 alle 14:00').waitFor();
    await checkBothWidths(page, 'volunteer-availability', /^Quando sei libero - Prossimo$/);

    // The proposals page is open when the ride is posted: the proposal appears without a reload.
    await browser.getByRole('link', { name: 'Proposte' }).first().click();
    await browser.waitForURL('**/volontario/proposte');
    await browser.getByTestId('no-proposals').waitFor();
    await checkBothWidths(page, 'volunteer-proposals-empty', /^Proposte per te - Prossimo$/);
    await browser.evaluate(() => {
      (window as unknown as { stillHere: boolean }).stillHere = true;
    });
    const needId = await postRide(web.stack, citizen, rideDay);
    const accept = browser.getByRole('button', { name: 'Accetto' });
    await accept.waitFor({ timeout: 60000 });
    expect(await browser.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
    const proposal = browser.getByTestId('pending-proposals');
    await proposal.getByText('Passaggio verso Ospedale Michele e Pietro Ferrero, Verduno').waitFor();
    await proposal.getByText('Perché proprio tu').waitFor();
    // Before confirmation the helper does not see where to pick the person up.
    await proposal.getByText('L’indirizzo esatto lo vedi dopo la conferma.').waitFor();
    await checkBothWidths(page, 'volunteer-proposal', /^Proposte per te - Prossimo$/);

    await accept.click();
    await browser.waitForURL('**/volontario/impegni/*');
    await browser.getByText('Grazie! Hai accettato.').waitFor();
    expect(await browser.getByTestId('engagement-status').textContent()).toBe('Confermato');
    // Confirmed: the pickup address is revealed to the helper.
    await browser.getByText('Via Vittorio Emanuele 1, Bra').first().waitFor();
    await checkBothWidths(page, 'volunteer-engagement-confirmed', /^Impegno del .+ - Prossimo$/);

    // The citizen sees the match (through the api until the citizen's pages show it).
    const matched = ok(
      await web.stack.graphql<{ need: { status: string; engagement: { id: string; helperName: string } } }>(
        `query ($id: ID!) { need(id: $id) { status engagement { id helperName } } }`,
        { id: needId },
        { token: citizen.token },
      ),
    ).need;
    expect(matched).toMatchObject({ status: 'MATCHED', engagement: { helperName: 'Giorgio R.' } });

    // A week early, the api refuses to start it: the page says from when.
    await browser.getByRole('button', { name: 'Inizio adesso' }).click();
    await browser.getByText('È presto per iniziare', { exact: false }).waitFor();
    await expectNoAxeViolations(page, 'the engagement refused to start');
    // The day of the ride comes: its 2.5 hours now begin within the hour (the api allows starting
    // ENGAGEMENT_START_LEAD_MINUTES before).
    await web.stack.dataSource.query(
      `UPDATE engagements SET during = tstzrange(now() + interval '1 hour', now() + interval '3 hours 30 minutes')
        WHERE id = $1`,
      [matched.engagement.id],
    );

    // The ride: started, then completed with the hours typed the Italian way.
    await browser.getByRole('button', { name: 'Inizio adesso' }).click();
    await browser.getByText('Buon lavoro!', { exact: false }).waitFor();
    expect(await browser.getByTestId('engagement-status').textContent()).toBe('In corso');
    await browser.getByLabel('Quante ore hai dato').fill('due');
    await browser.getByRole('button', { name: 'Segna come concluso' }).click();
    await browser.locator('#hours-error').waitFor();
    await expectNoAxeViolations(page, 'the hours with an error');
    await browser.getByLabel('Quante ore hai dato').fill('2,5');
    await browser.getByRole('button', { name: 'Segna come concluso' }).click();
    await browser.getByText('Grazie per il tuo aiuto!').waitFor();
    expect(await browser.getByTestId('engagement-status').textContent()).toBe('Concluso');
    expect(await browser.getByTestId('hours-logged').textContent()).toBe('2,5 ore');

    // The volunteer reviews the person helped: stars only, published at once.
    for (const criterion of ['punctuality', 'respect', 'helpQuality'])
      await choose(page, `review-${criterion}-5`);
    await checkBothWidths(page, 'volunteer-engagement-review', /^Impegno del .+ - Prossimo$/);
    await browser.getByRole('button', { name: 'Invia la recensione' }).click();
    await browser.getByText('Recensione inviata. Grazie!').waitFor();
    await browser.getByText('Hai già lasciato la tua recensione. Grazie!').waitFor();

    // The citizen reviews the volunteer (stars only: published without moderation).
    ok(
      await web.stack.graphql(
        `mutation ($input: WriteReviewInput!) { writeReview(input: $input) { id } }`,
        { input: { engagementId: matched.engagement.id, punctuality: 5, respect: 5, helpQuality: 4 } },
        { token: citizen.token },
      ),
    );
    await page.goto('/volontario/recensioni');
    await browser.getByTestId('written-reviews').waitFor();
    await browser.getByText('4,7 su 5').waitFor();
    await checkBothWidths(page, 'volunteer-reviews', /^Recensioni - Prossimo$/);

    await page.goto('/volontario/impegni');
    await browser.getByTestId('past-engagements').waitFor();
    await checkBothWidths(page, 'volunteer-engagements', /^I miei impegni - Prossimo$/);
    await page.goto('/volontario');
    await checkBothWidths(page, 'volunteer-home', /^Il mio volontariato - Prossimo$/);
    await page.goto('/volontario/chiamate');
    await checkBothWidths(page, 'volunteer-calls', /^Chiamate al volontariato - Prossimo$/);
  }, 420_000); // a long journey, with axe twice on every page

  it('marks the week with the keyboard only', async () => {
    const volunteer = await signUp(web.stack);
    ok(
      await web.stack.graphql(
        `mutation ($input: UpsertVolunteerProfileInput!) { upsertVolunteerProfile(input: $input) { id } }`,
        {
          input: {
            displayName: 'Anna T.',
            bio: 'Faccio la spesa per chi non può uscire.',
            categories: ['SHOPPING_AND_DELIVERY'],
            homeLat: BRA.lat,
            homeLon: BRA.lon,
            travelRadiusKm: 5,
            weeklyHourLimit: 2,
          },
        },
        { token: volunteer.token },
      ),
    );
    page = await openPage(web, WIDTHS.desktop);
    const { page: browser } = page;
    const keyboard = browser.keyboard;
    await signInThroughUi(web, page, volunteer.phone);
    await page.goto('/volontario/disponibilita');
    await browser.getByRole('grid').waitFor();

    const focused = () =>
      browser.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        return {
          day: element?.dataset.day ?? null,
          hour: element?.dataset.hour ?? null,
          pressed: element?.getAttribute('aria-pressed') ?? null,
          text: element?.textContent?.trim() ?? '',
        };
      });
    /** Presses Tab until `matches` holds; the grid is a single tab stop. */
    async function tabTo(matches: (current: Awaited<ReturnType<typeof focused>>) => boolean): Promise<void> {
      for (let presses = 0; presses < 60; presses += 1) {
        if (matches(await focused())) return;
        await keyboard.press('Tab');
      }
      throw new Error(`Not reached by Tab: ${JSON.stringify(await focused())}`);
    }

    await tabTo((current) => current.day !== null);
    expect(await focused()).toMatchObject({ day: '1', hour: '9', pressed: 'false' });
    // Monday 09:00 -> Wednesday 09:00, ticked with Space; 10:00 ticked with Enter.
    await keyboard.press('ArrowRight');
    await keyboard.press('ArrowRight');
    await keyboard.press('Space');
    expect(await focused()).toMatchObject({ day: '3', hour: '9', pressed: 'true' });
    await keyboard.press('ArrowDown');
    await keyboard.press('Enter');
    expect(await focused()).toMatchObject({ day: '3', hour: '10', pressed: 'true' });
    // End: Sunday of the same hour; ticked, then cleared again, then ticked.
    await keyboard.press('End');
    await keyboard.press('Space');
    await keyboard.press('Space');
    expect(await focused()).toMatchObject({ day: '7', hour: '10', pressed: 'false' });
    await keyboard.press('Space');
    // Ctrl+Home: the first cell; the edges hold.
    await keyboard.press('Control+Home');
    await keyboard.press('ArrowUp');
    await keyboard.press('ArrowLeft');
    expect(await focused()).toMatchObject({ day: '1', hour: '6' });
    await expectNoAxeViolations(page, 'the grid after keyboard editing');
    await screenshot(page, 'volunteer-availability-keyboard');

    // Three hours a week, over the two-hour limit: the page says so.
    await browser.getByText('Sono più delle 2 ore', { exact: false }).waitFor();
    await tabTo((current) => current.text === 'Salva la settimana');
    await keyboard.press('Enter');
    await browser.getByText('Disponibilità salvata.').waitFor();

    // Adjacent hours became one window.
    await waitUntil(async () => {
      const windows = ok(
        await web.stack.graphql<{
          myAvailability: { kind: string; dayOfWeek: number; start: string; end: string }[];
        }>(MY_WINDOWS, {}, { token: volunteer.token }),
      ).myAvailability;
      return windows.length === 2;
    });
    const windows = ok(
      await web.stack.graphql<{ myAvailability: unknown[] }>(MY_WINDOWS, {}, { token: volunteer.token }),
    ).myAvailability;
    expect(windows).toEqual([
      { kind: 'RECURRING', dayOfWeek: 3, start: '09:00', end: '11:00' },
      { kind: 'RECURRING', dayOfWeek: 7, start: '10:00', end: '11:00' },
    ]);
    // The list view says the same in words, and a window can be removed from it by keyboard.
    await browser.getByText('Ogni mercoledì, dalle 09:00 alle 11:00').waitFor();
    await tabTo((current) => current.text === 'Togli');
    await keyboard.press('Enter');
    await browser.getByText('Disponibilità tolta.').waitFor();
    await expectNoAxeViolations(page, 'the list after a removal');
  });
});
