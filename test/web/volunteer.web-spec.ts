// page.evaluate() callbacks run in the browser.
/// <reference lib="dom" />
import { createTerritory, ok, PIEDMONT, signUp, waitUntil } from '../support/fixtures';
import { uniquePhone } from '../support/stack';
import {
  checkPage,
  REPEATED_SIGN_INS,
  expectNoAxeViolations,
  openPage,
  openSignedIn,
  screenshot,
  signInThroughUi,
  startWebStackForFile,
  WebPage,
  WIDTHS,
} from './support/web';
import { BRA, typedDate, wednesdayNextWeek } from './volunteer-fixtures';

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
  let page: WebPage | undefined;
  let citizenPage: WebPage | undefined;
  // The keyboard test signs in through the page a person the api signed up a moment before.
  const web = startWebStackForFile({ env: REPEATED_SIGN_INS }, () => [page, citizenPage]);
  beforeAll(async () => {
    await createTerritory(web.stack.dataSource, 'Bra', [PIEDMONT.bra]);
  });

  it('a citizen posts a ride with a return trip; a volunteer sees it arrive live and accepts; the citizen sees the match; after the ride both review', async () => {
    const rideDay = wednesdayNextWeek();
    const citizenPhone = uniquePhone();

    // Two people, two browsers (their own contexts: cookies and sessions apart), both on a phone.
    page = await openPage(web, WIDTHS.phone);
    citizenPage = await openPage(web, WIDTHS.phone);
    const { page: browser } = page;
    const citizen = citizenPage.page;
    const heading = (name: string | RegExp) => citizen.getByRole('heading', { level: 1, name }).waitFor();
    const continueButton = () => citizen.getByRole('button', { name: 'Continua' });

    // The citizen signs up on the sign-in page (a new number: the privacy notice, the SMS code).
    await signInThroughUi(web, citizenPage, citizenPhone);

    // The volunteer signs up too; "Voglio dare una mano": the start of the volunteer area, then the profile.
    await signInThroughUi(web, page, uniquePhone());
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

    // The proposals page is open while the citizen posts the ride: the proposal appears without a reload.
    await browser.getByRole('link', { name: 'Proposte' }).first().click();
    await browser.waitForURL('**/volontario/proposte');
    await browser.getByTestId('no-proposals').waitFor();
    await checkBothWidths(page, 'volunteer-proposals-empty', /^Proposte per te - Prossimo$/);
    await browser.evaluate(() => {
      (window as unknown as { stillHere: boolean }).stillHere = true;
    });

    // The citizen asks for a ride, one question a page: next Wednesday, appointment at 10:00 in
    // Verduno's hospital, back at 11:30 (the ride's window, 08:00-13:30, sits in the volunteer's week).
    await citizenPage.goto('/area');
    await citizen.getByRole('link', { name: 'Ho bisogno di aiuto' }).first().click();
    await citizen.waitForURL('**/richieste/nuova/categoria');
    await heading('Di che aiuto hai bisogno?');
    // The rides are the first choice, whose input carries the group's id (the error summary links to it).
    await citizen.locator('label[for="need-category"]', { hasText: 'Trasporto e accompagnamento' }).click();
    await continueButton().click();
    await heading('Per chi chiedi aiuto?');
    await citizen.locator('label[for="need-forWhom"]').click();
    await continueButton().click();
    await heading('Da dove si parte?');
    await citizen.locator('#need-comune').fill('Bra');
    await citizen.locator('#need-comune').press('Enter');
    await citizen.getByText(/Comune scelto: Bra \(/).waitFor();
    await citizen.getByLabel('Indirizzo di partenza').fill('Via Vittorio Emanuele 1');
    await continueButton().click();
    await heading('Dove devi andare?');
    await citizen.getByLabel('Luogo').fill('Ospedale Michele e Pietro Ferrero');
    await citizen.locator('#need-destinationComune').fill('Verduno');
    await citizen.locator('#need-destinationComune').press('Enter');
    await citizen.getByText(/Comune scelto: Verduno \(/).waitFor();
    await continueButton().click();
    await heading('Quando è l’appuntamento?');
    await citizen.getByLabel('Giorno').fill(typedDate(rideDay));
    await citizen.getByLabel('Ora dell’appuntamento').fill('10');
    await continueButton().click();
    await heading('Ti serve anche il ritorno?');
    await citizen.locator('label[for="need-returnTrip"]').click();
    await citizen.getByLabel('A che ora pensi di finire?').fill('11.30');
    await continueButton().click();
    await heading('Il viaggio');
    await citizen.locator('label[for="need-escortWaits"]').click();
    await continueButton().click();
    await heading('Racconta in breve di cosa hai bisogno');
    await citizen.getByLabel('Descrizione').fill('Visita di controllo in ospedale, con attesa e ritorno.');
    await continueButton().click();
    await heading('Vuoi aggiungere note sulla salute?');
    await citizen.locator('label[for="need-healthNotes"]').click();
    await continueButton().click();
    await heading('Controlla le risposte');
    const answers = (await citizen.locator('dl.check-answers').textContent()) ?? '';
    expect(answers).toContain('Sì, verso le 11:30');
    expect(answers).toContain('Ospedale Michele e Pietro Ferrero, Verduno');
    await checkPage(citizenPage, 'journey-citizen-check', /^Controlla le risposte - Prossimo$/);
    await citizen.getByRole('button', { name: 'Invia la richiesta' }).click();
    await heading('Richiesta inviata');
    await checkPage(citizenPage, 'journey-citizen-sent', /^Richiesta inviata - Prossimo$/);
    await citizen.getByRole('link', { name: 'Vedi la richiesta' }).click();
    await heading('Passaggio per Ospedale Michele e Pietro Ferrero, Verduno');
    await expect(citizen.locator('.status-tag').first().textContent()).resolves.toMatch(/Cerchiamo qualcuno/);
    const needPath = new URL(citizen.url()).pathname;

    // The volunteer's page, left open, shows the proposal live.
    const accept = browser.getByRole('button', { name: 'Accetto' });
    await accept.waitFor({ timeout: 60000 });
    expect(await browser.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
    const proposal = browser.getByTestId('pending-proposals');
    await proposal.getByText('Passaggio verso Ospedale Michele e Pietro Ferrero, Verduno').waitFor();
    await proposal.getByText('Perché proprio tu').waitFor();
    // Both times of the ride, as the SMS gives them: the pickup is the buffer (30 minutes) before 10:00.
    await proposal.getByText('Ritiro della persona alle 09:30').waitFor();
    await proposal.getByText('Appuntamento alle 10:00').waitFor();
    // Before confirmation the helper does not see where to pick the person up.
    await proposal.getByText('L’indirizzo esatto lo vedi dopo la conferma.').waitFor();
    await checkBothWidths(page, 'volunteer-proposal', /^Proposte per te - Prossimo$/);

    await accept.click();
    await browser.waitForURL('**/volontario/impegni/*');
    await browser.getByText('Grazie! Hai accettato.').waitFor();
    expect(await browser.getByTestId('engagement-status').textContent()).toBe('Confermato');
    const engagementId = new URL(browser.url()).pathname.split('/').pop() as string;
    // "La mia area" names the commitment, with its day and the pickup time, and opens it.
    await page.goto('/area');
    const commitment = browser
      .getByTestId('to-do')
      .getByRole('link', { name: /^Hai un impegno: [a-zì]+ \d{1,2} [a-z]+ \d{4}, 09:30$/ });
    await commitment.waitFor();
    expect(await commitment.getAttribute('href')).toBe(`/volontario/impegni/${engagementId}`);
    await commitment.click();
    await browser.getByTestId('engagement-status').waitFor();
    // Confirmed: the pickup address is revealed to the helper.
    await browser.getByText('Via Vittorio Emanuele 1, Bra').first().waitFor();
    await checkBothWidths(page, 'volunteer-engagement-confirmed', /^Impegno del .+ - Prossimo$/);

    // The citizen sees the match: first in "La mia area", when the help comes (the pickup), linking to
    // the request; then who helps, what that person sees, the status in words.
    await citizenPage.goto('/area');
    const helpComing = citizen
      .getByTestId('to-do')
      .getByRole('link', { name: /^Aiuto confermato: [a-zì]+ \d{1,2} [a-z]+ \d{4}, 09:30$/ });
    await helpComing.waitFor();
    expect(await helpComing.getAttribute('href')).toBe(needPath);
    await citizenPage.goto('/richieste');
    await heading('Le mie richieste');
    const card = citizen.locator('.need-card', { hasText: 'Passaggio' });
    await expect(card.locator('.status-tag').textContent()).resolves.toBe('Qualcuno ti aiuterà');
    await card.getByRole('link').click();
    await citizen.getByText('Giorgio R. ti aiuterà.').waitFor();
    await citizen.getByText(/Giorgio R\. vede il tuo indirizzo/).waitFor();
    expect(new URL(citizen.url()).pathname).toBe(needPath);
    await checkPage(
      citizenPage,
      'journey-citizen-matched',
      /^Passaggio per Ospedale Michele e Pietro Ferrero, Verduno - Prossimo$/,
    );

    // A week early, the api refuses to start it: the page says from when.
    await browser.getByRole('button', { name: 'Inizio adesso' }).click();
    await browser.getByText('È presto per iniziare', { exact: false }).waitFor();
    await expectNoAxeViolations(page, 'the engagement refused to start');
    // Direct, because no one can do it in a page: the clock moves to the day of the ride. Its 2.5
    // hours now begin within the hour (the api allows starting ENGAGEMENT_START_LEAD_MINUTES before).
    await web.stack.dataSource.query(
      `UPDATE engagements SET during = tstzrange(now() + interval '1 hour', now() + interval '3 hours 30 minutes')
        WHERE id = $1`,
      [engagementId],
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

    // The citizen, on the need's page, is asked for a review and writes it (stars only: no moderation).
    await citizenPage.goto(needPath);
    await citizen.getByRole('link', { name: 'Scrivi una recensione' }).click();
    await heading('Scrivi una recensione');
    await citizen.locator('label[for="review-punctuality-5"]').click();
    await citizen.locator('label[for="review-respect-5"]').click();
    await citizen.locator('label[for="review-helpQuality-4"]').click();
    await checkPage(citizenPage, 'journey-citizen-review', /^Scrivi una recensione - Prossimo$/);
    await citizen.getByRole('button', { name: 'Invia la recensione' }).click();
    await heading('Grazie, la recensione è stata inviata.');
    // The review the volunteer wrote about the citizen is on the citizen's reviews page.
    await citizenPage.goto('/recensioni');
    await heading('Recensioni');
    const aboutMe = citizen.locator('section[aria-labelledby="reviews-about-me"]');
    await aboutMe.getByText('5 su 5').waitFor();
    await citizen.locator('section[aria-labelledby="reviews-written"]').getByText('4,7 su 5').waitFor();
    await checkPage(citizenPage, 'journey-citizen-reviews', /^Recensioni - Prossimo$/);

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
  }, 900_000); // a long journey of two people, with axe on every page (8 minutes on a loaded machine)

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
    page = await openSignedIn(web, volunteer.phone, { width: WIDTHS.desktop });
    const { page: browser } = page;
    const keyboard = browser.keyboard;
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
  }, 300_000); // 47 s alone, over two minutes on a loaded machine
});
