import {
  createTerritory,
  grantRole,
  hoursFromNow,
  ok,
  PIEDMONT,
  rideDriverProfile,
  SignedInUser,
  signUp,
  waitUntil,
} from '../support/fixtures';
import { becomeDrivers, eastOf, pendingNeedsOf, Place, postNeedAs, rideInput } from '../support/rides';
import { join } from 'node:path';
import {
  checkPage,
  expectFieldError,
  expectNoAxeViolations,
  expectNoOverflow,
  openSignedIn,
  romeDay,
  SCREENSHOT_DIR,
  screenshot,
  startWebStackForFile,
  tabTo,
  tabToId,
  WebPage,
  WIDTHS,
} from './support/web';
import { saveVolunteerProfile } from '../support/engagements';

const ALBA = { lat: 44.7, lon: 8.035 };
const east = (km: number) => eastOf(ALBA, km);

// The operator plans two days at once, changes the plan with the keyboard (a ride out of it,
// another to the driver it freed), and publishes it. The rides are at 10:00 Rome time tomorrow and
// the day after (computed by the database from its clock in Rome): no weekday or hour matters.
describe('a batch plan of several days, changed with the keyboard before it is published', () => {
  let page: WebPage | undefined;
  // Declared before the web stack's: the page closes before Chromium does.
  afterAll(async () => {
    await page?.close();
  });
  const web = startWebStackForFile({
    env: { OTP_RESEND_INTERVAL_SECONDS: '0', MATCHING_PROPOSALS_PER_NEED: '1' },
  });
  let langhe: string;
  let operator: SignedInUser;
  let nino: SignedInUser;
  let walter: SignedInUser;
  let dario: SignedInUser;
  let firstRide: string;
  let secondRide: string;
  let thirdDayRide: string;

  /** The window's view around the change open (the README's gallery shows it). */
  async function galleryShot(webPage: WebPage, name: string): Promise<void> {
    await webPage.page.evaluate(() =>
      document.querySelector('.batch-change')?.scrollIntoView({ block: 'center' }),
    );
    await webPage.page.screenshot({ path: join(SCREENSHOT_DIR, `gallery-${name}-${webPage.width}.png`) });
  }

  const pendingOf = (user: SignedInUser) => pendingNeedsOf(web.stack, user);

  beforeAll(async () => {
    const { stack } = web;
    langhe = await createTerritory(stack.dataSource, `Comune Langhe ${Date.now()}`, [PIEDMONT.alba]);
    let citizen: SignedInUser;
    [operator, nino, walter, dario, citizen] = await Promise.all(
      Array.from({ length: 5 }, () => signUp(stack)),
    );
    await grantRole(stack.dataSource, operator.userId, 'comune_operator', { territoryId: langhe });
    await becomeDrivers(stack, [
      [nino, 'Nino Autista', east(1)],
      [walter, 'Walter Autista', east(-1.5)],
    ]);
    // Dario lives 7 km west and is free for four days; the day after tomorrow's ride, 1 km from
    // him, takes helpers within 2 km only, and tomorrow's within 5 km: each has its own drivers.
    await saveVolunteerProfile(stack, dario, {
      ...rideDriverProfile('Dario Autista', east(-7)),
      availability: [{ oneOff: { startsAt: hoursFromNow(1), endsAt: hoursFromNow(96) } }],
    });
    const [{ tomorrow, after }]: { tomorrow: Date; after: Date }[] = await stack.dataSource.query(
      `SELECT ((now() AT TIME ZONE 'Europe/Rome')::date + 1 + time '10:00') AT TIME ZONE 'Europe/Rome' AS tomorrow,
              ((now() AT TIME ZONE 'Europe/Rome')::date + 2 + time '10:00') AT TIME ZONE 'Europe/Rome' AS after`,
    );
    const hospital = { name: 'Ospedale di Verduno', location: ALBA };
    const ride = (place: Place, start: Date, maxDistanceKm: number, description: string) =>
      rideInput({ place, comuneIstat: PIEDMONT.alba, hospital, start, maxDistanceKm, description });
    const post = (input: unknown) => postNeedAs(stack, citizen, input);
    // As in the Comune spec: the first two overlap; the second is within 2 km of Nino only.
    firstRide = await post(ride(east(0), tomorrow, 5, 'Visita cardiologica a Verduno'));
    secondRide = await post(
      ride(east(2.5), new Date(tomorrow.getTime() + 30 * 60_000), 2, 'Analisi del sangue a Verduno'),
    );
    thirdDayRide = await post(ride(east(-8), after, 2, 'Fisioterapia a Verduno'));
    await waitUntil(
      async () => (await pendingOf(nino)).length === 2 && (await pendingOf(dario)).length === 1,
      30000,
    );
  });

  it('plans two days, takes a ride out and gives another to the driver freed, with the keyboard, then publishes', async () => {
    page = await openSignedIn(web, operator.phone, { width: WIDTHS.desktop });
    await page.goto('/sportello/assegnazione');
    const p = page.page;
    await p.getByText('Nessun piano finora.').waitFor();
    // Eight days: refused at the field before anything is sent.
    await p.getByLabel('Giorno', { exact: true }).fill(romeDay(1));
    await p.getByLabel('Quanti giorni', { exact: true }).fill('8');
    await p.getByRole('button', { name: 'Prepara il piano' }).click();
    await expectFieldError(page, 'batchDays', 'Scrivi un numero di giorni da 1 a 7.');
    await expectNoAxeViolations(page, 'batch days error');
    await screenshot(page, 'batch-days-error');

    await p.getByLabel('Quanti giorni', { exact: true }).fill('2');
    await p.getByRole('button', { name: 'Prepara il piano' }).click();
    await p.getByText('Il piano è pronto.', { exact: false }).waitFor();
    await checkPage(page, 'batch-plan-days', /^Piano di più giorni: .+ – .+ - Prossimo$/);
    await expect(p.getByTestId('served').textContent()).resolves.toBe('3 (100%)');
    const plan = p.getByRole('table', { name: 'Il piano, richiesta per richiesta, in ordine di tempo' });
    const rows = plan.locator('tbody tr');
    await expect(rows.count()).resolves.toBe(3);
    await expect(rows.nth(0).textContent()).resolves.toMatch(/Visita cardiologica.*Walter Autista/);
    await expect(rows.nth(1).textContent()).resolves.toMatch(/Analisi del sangue.*Nino Autista/);
    await expect(rows.nth(2).textContent()).resolves.toMatch(/Fisioterapia.*Dario Autista/);

    // The blood test out of the plan: its Change button, "Nobody", Save.
    await tabTo(page, /^Cambia chi aiuta: Accompagnamento.*10:30/, 150);
    await p.keyboard.press('Enter');
    await p.getByRole('heading', { name: /^Chi aiuta: Accompagnamento/ }).waitFor();
    await expect(p.evaluate(() => document.activeElement?.textContent ?? '')).resolves.toMatch(
      /^Chi aiuta: Accompagnamento/,
    );
    await tabToId(page, /^planChange-/);
    await expect(p.evaluate(() => document.activeElement?.id)).resolves.toBe(`planChange-v-${nino.userId}`);
    await p.keyboard.press('ArrowDown');
    await expect(p.locator('#planChange-none').isChecked()).resolves.toBe(true);
    await expectNoAxeViolations(page, 'batch plan change open');
    await screenshot(page, 'batch-plan-change');
    await galleryShot(page, 'batch-plan-change');
    await tabTo(page, /^Salva la modifica$/);
    await p.keyboard.press('Enter');
    await p
      .getByTestId('batch-notice')
      .getByText(/tolta dal piano/)
      .waitFor();
    await expect(p.getByTestId('served').textContent()).resolves.toBe('2 (67%)');
    await expect(rows.nth(1).textContent()).resolves.toMatch(/Analisi del sangue.*Nessuno nel piano/);
    // Focus is back on the row's Change button.
    await expect(p.evaluate(() => document.activeElement?.id)).resolves.toBe(`change-${secondRide}`);

    // Nino is free at that time now: the cardiology visit goes to him (nearest first in the list).
    // Back past the blood test's link to the row above's Change button.
    await p.keyboard.press('Shift+Tab');
    await p.keyboard.press('Shift+Tab');
    await expect(p.evaluate(() => document.activeElement?.id)).resolves.toBe(`change-${firstRide}`);
    await p.keyboard.press('Enter');
    await p.getByRole('heading', { name: /^Chi aiuta: Accompagnamento/ }).waitFor();
    await p.locator(`#planChange-v-${nino.userId}`).waitFor();
    await tabToId(page, /^planChange-/);
    await expect(p.evaluate(() => document.activeElement?.id)).resolves.toBe(`planChange-v-${walter.userId}`);
    await p.keyboard.press('ArrowUp');
    await expect(p.locator(`#planChange-v-${nino.userId}`).isChecked()).resolves.toBe(true);
    await tabTo(page, /^Salva la modifica$/);
    await p.keyboard.press('Enter');
    await p
      .getByTestId('batch-notice')
      .getByText(/a Nino Autista/)
      .waitFor();
    await expect(rows.nth(0).textContent()).resolves.toMatch(
      /Visita cardiologica.*Nino Autista.*già proposta.*1,0 km/,
    );
    await expect(p.getByTestId('batch-edits').textContent()).resolves.toBe('Cambiato a mano: 2 modifiche.');
    await expect(p.getByTestId('served').textContent()).resolves.toBe('2 (67%)');
    await expectNoAxeViolations(page, 'batch plan changed');
    await screenshot(page, 'batch-plan-changed');

    await tabTo(page, /^Pubblica il piano e invia le proposte$/);
    await p.keyboard.press('Enter');
    await p.getByText('Piano pubblicato:', { exact: false }).waitFor();
    await expect(p.getByRole('button', { name: /^Cambia chi aiuta/ }).count()).resolves.toBe(0);
    // As changed: Nino keeps the cardiology visit only, Dario the day after's ride, Walter nothing.
    expect(await pendingOf(nino)).toEqual([firstRide]);
    expect(await pendingOf(dario)).toEqual([thirdDayRide]);
    expect(await pendingOf(walter)).toEqual([]);
    await expectNoAxeViolations(page, 'batch plan published');

    await p.getByRole('link', { name: 'Torna ai piani' }).click();
    const runs = p.getByRole('table', { name: 'Piani e assegnazioni del territorio, dal più recente' });
    await runs.waitFor();
    await expect(runs.locator('tbody tr').first().textContent()).resolves.toMatch(/ – .*Fatto.*2 su 3/);
    await page.close();
    page = undefined;
  });

  it('at 360 px: the plan of several days and its change, axe, nothing wider than the screen', async () => {
    const requested = ok(
      await web.stack.graphql<{ requestBatchAssignment: { id: string } }>(
        `mutation ($input: RequestBatchAssignmentInput!) { requestBatchAssignment(input: $input) { id } }`,
        { input: { territoryId: langhe, from: hoursFromNow(0), to: hoursFromNow(72), publish: false } },
        { token: operator.token },
      ),
    ).requestBatchAssignment;
    page = await openSignedIn(web, operator.phone, { width: WIDTHS.phone });
    await page.goto(`/sportello/assegnazione/${requested.id}`);
    const p = page.page;
    await p.getByText('Il piano è pronto.', { exact: false }).waitFor();
    await checkPage(page, 'batch-plan-days', /^Piano di più giorni: .+ – .+ - Prossimo$/);
    await expectNoOverflow(page);
    await p.locator(`#change-${firstRide}`).click();
    await p.locator('#planChange-none').waitFor({ state: 'attached' });
    await expectNoAxeViolations(page, 'batch plan change at 360');
    await expectNoOverflow(page);
    await screenshot(page, 'batch-plan-change');
    await galleryShot(page, 'batch-plan-change');
    // Published meanwhile (by a colleague): the change is refused, and the page shows the plan as
    // it is now (published, nothing left to change), with the reason where the focus goes.
    ok(
      await web.stack.graphql(
        `mutation ($input: PublishBatchAssignmentInput!) { publishBatchAssignment(input: $input) { id } }`,
        { input: { runId: requested.id } },
        { token: operator.token },
      ),
    );
    await p.getByRole('button', { name: 'Salva la modifica' }).click();
    const refused = 'Questo piano non si può più modificare: è già stato pubblicato o è fallito.';
    await p.getByTestId('batch-notice').getByText(refused).waitFor();
    await expect(p.evaluate(() => document.activeElement?.id)).resolves.toBe('batch-notice');
    await p.getByText('Piano pubblicato:', { exact: false }).waitFor();
    await expect(p.getByRole('button', { name: 'Salva la modifica' }).count()).resolves.toBe(0);
    await expect(p.locator(`#change-${firstRide}`).count()).resolves.toBe(0);
    await expectNoAxeViolations(page, 'batch plan change refused at 360');
    await screenshot(page, 'batch-plan-change-refused');
    await page.goto('/sportello/assegnazione');
    await p.getByRole('table', { name: 'Piani e assegnazioni del territorio, dal più recente' }).waitFor();
    await checkPage(page, 'batch-runs-days', /^Assegnazione in blocco - Prossimo$/);
    await expectNoOverflow(page);
  });
});
