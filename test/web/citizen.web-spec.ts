// page.evaluate() callbacks run in the browser.
/// <reference lib="dom" />
import { addDays, dayOfWeekOf, todayInRome } from '@prossimo/community/rules';
import { readFileSync } from 'node:fs';
import { ok, rideDriverProfile, signUp } from '../support/fixtures';
import { uniquePhone } from '../support/stack';
import {
  checkPage,
  REPEATED_SIGN_INS,
  expectNoAxeViolations,
  openSignedIn,
  screenshot,
  startWebStackForFile,
  WebPage,
  WIDTHS,
} from './support/web';
import { BRA, postRide, romeIso, typedDate, wednesdayNextWeek } from './volunteer-fixtures';
import {
  acceptProposalAs,
  pendingProposal,
  saveVolunteerProfile,
  startAndComplete,
} from '../support/engagements';

/** Wednesday of the week after next on Rome's calendar (10 to 16 days ahead): never today's weekday. */
function wednesdayInTwoWeeks(): string {
  const today = todayInRome();
  return addDays(today, 14 - dayOfWeekOf(today) + 3);
}

describe('the citizen’s pages in Chromium', () => {
  // Eleven pages with axe and a screenshot each: over the default two minutes on a loaded machine.
  jest.setTimeout(300_000);
  let page: WebPage;
  // Sign-in through the page after a sign-up through the api: no wait between the two codes.
  const web = startWebStackForFile({ env: REPEATED_SIGN_INS }, () => [page]);

  const label = (id: string) => page.page.locator(`label[for="${id}"]`);
  /** The page is there when its <h1> is (lazy pages load after the address changes). */
  const heading = (name: string | RegExp) => page.page.getByRole('heading', { level: 1, name }).waitFor();
  const continueButton = () => page.page.getByRole('button', { name: 'Continua' });

  /** Types a Comune's name, searches, and waits for it to be chosen. */
  async function chooseComune(inputId: string, name: string): Promise<void> {
    await page.page.locator(`#${inputId}`).fill(name);
    await page.page.locator(`#${inputId}`).press('Enter');
    await page.page.getByText(new RegExp(`Comune scelto: ${name} \\(`)).waitFor();
  }

  async function storedNeeds(userId: string) {
    return web.stack.dataSource.query(
      `SELECT id, status, category, details, window_start AS "windowStart", window_end AS "windowEnd",
              sensitive_notes_encrypted IS NOT NULL AS "hasNotes", address_encrypted IS NOT NULL AS "hasAddress",
              comune_istat AS "comuneIstat"
         FROM needs WHERE author_user_id = $1 ORDER BY created_at`,
      [userId],
    ) as Promise<
      {
        id: string;
        status: string;
        category: string;
        details: { ride?: Record<string, unknown> };
        windowStart: Date;
        windowEnd: Date;
        hasNotes: boolean;
        hasAddress: boolean;
        comuneIstat: string;
      }[]
    >;
  }

  for (const width of [WIDTHS.phone, WIDTHS.desktop]) {
    it(`signs up and posts a ride with a return trip, one question a page, at ${width}px`, async () => {
      const phone = uniquePhone();
      page = await openSignedIn(web, phone, { width });
      const [{ id: userId }] = await web.stack.dataSource.query(
        `SELECT id FROM users WHERE phone_e164 = $1`,
        [phone],
      );
      const suffix = width === WIDTHS.phone ? '' : '-desktop';
      const date = wednesdayInTwoWeeks();

      // From the catalogue's link: the category is chosen, the flow starts at "for whom".
      await page.goto('/richieste/nuova?categoria=RIDES_AND_ACCOMPANIMENT');
      await heading('Per chi chiedi aiuto?');
      await checkPage(page, `need-for-whom${suffix}`, /^Per chi chiedi aiuto\? - Prossimo$/);
      await label('need-forWhom').click();
      await continueButton().click();

      await heading('Da dove si parte?');
      await checkPage(page, `need-pickup${suffix}`, /^Da dove si parte\? - Prossimo$/);
      await chooseComune('need-comune', 'Bra');
      await page.page.getByLabel('Indirizzo di partenza').fill('Via Vittorio Emanuele 1');
      await continueButton().click();

      await heading('Dove devi andare?');
      await page.page.getByLabel('Luogo').fill('Ospedale Michele e Pietro Ferrero');
      await chooseComune('need-destinationComune', 'Verduno');
      await checkPage(page, `need-destination${suffix}`, /^Dove devi andare\? - Prossimo$/);
      await continueButton().click();

      // A date that does not exist: the summary takes focus and the field says why.
      await heading('Quando è l’appuntamento?');
      await page.page.getByLabel('Giorno').fill('31 febbraio');
      await page.page.getByLabel('Ora dell’appuntamento').fill('9.30');
      await continueButton().click();
      await page.page.locator('.error-summary').waitFor();
      expect(await page.page.locator('#need-appointmentDate-error').textContent()).toContain(
        'Il giorno non è valido',
      );
      expect(await page.page.locator('#need-appointmentDate').getAttribute('aria-invalid')).toBe('true');
      await expectNoAxeViolations(page, 'need date error');
      await screenshot(page, `need-appointment-error${suffix}`);
      await page.page.getByLabel('Giorno').fill(typedDate(date));
      await continueButton().click();

      await heading('Ti serve anche il ritorno?');
      await checkPage(page, `need-return${suffix}`, /^Ti serve anche il ritorno\? - Prossimo$/);
      await label('need-returnTrip').click();
      await page.page.getByLabel('A che ora pensi di finire?').fill('11');
      await continueButton().click();

      await heading('Il viaggio');
      await checkPage(page, `need-trip${suffix}`, /^Il viaggio - Prossimo$/);
      await label('need-escortWaits').click();
      await continueButton().click();

      await heading('Racconta in breve di cosa hai bisogno');
      await checkPage(
        page,
        `need-description${suffix}`,
        /^Racconta in breve di cosa hai bisogno - Prossimo$/,
      );
      await page.page
        .getByLabel('Descrizione')
        .fill('Visita di controllo in ospedale, con attesa e ritorno.');
      await continueButton().click();

      await heading('Vuoi aggiungere note sulla salute?');
      await label('need-healthNotes-YES').click();
      await page.page.getByLabel('Note sulla salute').fill('Dopo la visita non può guidare.');
      await label('need-healthConsent').click();
      await checkPage(page, `need-health${suffix}`, /^Vuoi aggiungere note sulla salute\? - Prossimo$/);
      await continueButton().click();

      await heading('Controlla le risposte');
      await checkPage(page, `need-check${suffix}`, /^Controlla le risposte - Prossimo$/);
      const summary = page.page.locator('dl.check-answers');
      await expect(summary.textContent()).resolves.toContain('Sì, verso le 11:00');
      await expect(summary.textContent()).resolves.toContain('Ospedale Michele e Pietro Ferrero, Verduno');
      await expect(summary.textContent()).resolves.toContain('09:30');
      await page.page.getByRole('button', { name: 'Invia la richiesta' }).click();

      await heading('Richiesta inviata');
      await checkPage(page, `need-sent${suffix}`, /^Richiesta inviata - Prossimo$/);

      // What the api stored: Rome's 09:30 and 11:00 that day, the return trip, the encrypted notes.
      const [need] = await storedNeeds(userId);
      expect(need.category).toBe('rides_and_accompaniment');
      expect(need.comuneIstat).toBe('004029');
      expect(need.details.ride).toMatchObject({
        appointmentAt: romeIso(date, 9, 30),
        returnTripWanted: true,
        returnAt: romeIso(date, 11),
        escortWaits: true,
        wheelchair: false,
        passengers: 1,
        destinationPlace: 'Ospedale Michele e Pietro Ferrero, Verduno',
      });
      expect(need.hasNotes).toBe(true);
      expect(need.hasAddress).toBe(true);
      const consents = await web.stack.dataSource.query(
        `SELECT kind FROM consents WHERE user_id = $1 AND withdrawn_at IS NULL`,
        [userId],
      );
      expect(consents.map((row: { kind: string }) => row.kind)).toContain('health_data');

      await page.page.getByRole('link', { name: 'Vedi la richiesta' }).click();
      await heading('Passaggio per Ospedale Michele e Pietro Ferrero, Verduno');
      await page.page.getByRole('heading', { name: 'Cosa succede adesso' }).waitFor();
      // When the helper comes: the ride's buffer (30 minutes) before the 09:30 appointment, as the SMS says.
      await expect(page.page.locator('main dl').textContent()).resolves.toContain('Orario di partenza09:00');
      await checkPage(
        page,
        `need-detail${suffix}`,
        /^Passaggio per Ospedale Michele e Pietro Ferrero, Verduno - Prossimo$/,
      );
    });
  }

  it('shows an error the api finds at its field, lists the needs by status, and cancels one', async () => {
    const phone = uniquePhone();
    page = await openSignedIn(web, phone, { width: WIDTHS.phone });

    await page.goto('/richieste/nuova');
    await heading('Di che aiuto hai bisogno?');
    await checkPage(page, 'need-category', /^Di che aiuto hai bisogno\? - Prossimo$/);
    await continueButton().click();
    await page.page.locator('.error-summary').waitFor();
    await expectNoAxeViolations(page, 'need category error');
    await label('need-category-SHOPPING_AND_DELIVERY').click();
    await continueButton().click();

    // For a relative, with a phone number only the api can tell is not one.
    await label('need-forWhom-RELATIVE').click();
    await page.page.getByLabel('Nome e cognome del familiare').fill('Anna Ferrero');
    await page.page.getByLabel('Che parentela avete?').fill('madre');
    await page.page.getByLabel('Numero di telefono del familiare (facoltativo)').fill('12345');
    await label('need-relativeConsent').click();
    await continueButton().click();

    await chooseComune('need-comune', 'Alba');
    await continueButton().click();
    await heading('Quando ti serve?');
    await checkPage(page, 'need-when', /^Quando ti serve\? - Prossimo$/);
    await page.page.getByLabel('Giorno').fill(typedDate(wednesdayInTwoWeeks()));
    await page.page.getByLabel('Dalle ore').fill('9');
    await page.page.getByLabel('Alle ore', { exact: true }).fill('12');
    await continueButton().click();
    await page.page.getByLabel('Descrizione').fill('La spesa settimanale al mercato.');
    await continueButton().click();
    await label('need-healthNotes').click();
    await continueButton().click();
    await page.page.getByRole('button', { name: 'Invia la richiesta' }).click();

    // The api names relative.phone: the page that asks it, the message at the field, the summary on top.
    await page.page.waitForURL('**/richieste/nuova/per-chi?da=riepilogo');
    await page.page.locator('.error-summary').waitFor();
    expect(await page.page.locator('#need-relativePhone').getAttribute('aria-invalid')).toBe('true');
    expect(await page.page.locator('#need-relativePhone-error').textContent()).toMatch(
      /numero di telefono non è valido/i,
    );
    await expectNoAxeViolations(page, 'relative phone refused by the api');
    await screenshot(page, 'need-relative-phone-error');
    await page.page.getByLabel('Numero di telefono del familiare (facoltativo)').fill('333 123 4567');
    await continueButton().click();
    await page.page.waitForURL('**/richieste/nuova/riepilogo');
    await page.page.getByRole('button', { name: 'Invia la richiesta' }).click();
    await page.page.waitForURL('**/inviata');

    await page.goto('/richieste');
    await heading('Le mie richieste');
    await checkPage(page, 'my-needs', /^Le mie richieste - Prossimo$/);
    const card = page.page.locator('.need-card', { hasText: 'Spesa e consegne' });
    await expect(card.locator('.status-tag').textContent()).resolves.toMatch(
      /Cerchiamo qualcuno|In verifica dal Comune/,
    );
    await expect(card.textContent()).resolves.toContain('Per Anna Ferrero');

    await card.getByRole('link').click();
    await page.page.getByRole('button', { name: 'Annulla la richiesta' }).click();
    const dialog = page.page.getByRole('dialog', { name: 'Vuoi annullare la richiesta?' });
    await dialog.waitFor();
    await expectNoAxeViolations(page, 'cancel dialog open');
    await screenshot(page, 'need-cancel-dialog');
    await dialog.getByRole('button', { name: 'Sì, annulla la richiesta' }).click();
    await dialog.getByText('Scrivi il motivo.').waitFor();
    await dialog.getByLabel('Perché la annulli?').fill('Mi accompagna mio figlio.');
    await dialog.getByRole('button', { name: 'Sì, annulla la richiesta' }).click();
    await page.page.getByText('La richiesta è stata annullata.').first().waitFor();
    await expect(page.page.locator('.status-tag').first().textContent()).resolves.toBe('Annullata');
    const [{ id: userId }] = await web.stack.dataSource.query(`SELECT id FROM users WHERE phone_e164 = $1`, [
      phone,
    ]);
    const [stored] = await storedNeeds(userId);
    expect(stored.status).toBe('cancelled');
  });

  it('brings a notification live, and prepares the copy of my data for download', async () => {
    // The same person signed in on the api too (another device): what it does reaches this page live.
    const phone = uniquePhone();
    const device = await signUp(web.stack, phone);
    page = await openSignedIn(web, phone, { width: WIDTHS.desktop });
    await page.goto('/notifiche');
    await heading('Notifiche');
    await page.page.getByText('Non hai notifiche.').waitFor();
    await checkPage(page, 'notifications-empty', /^Notifiche - Prossimo$/);

    ok(await web.stack.graphql(`mutation { requestDataExport { id } }`, {}, { token: device.token }));
    const card = page.page.locator('.notification-card').first();
    await card.waitFor({ timeout: 30000 });
    await expect(card.textContent()).resolves.toContain('La copia dei tuoi dati è pronta');
    await page.page.getByText('1 da leggere').waitFor();
    await checkPage(page, 'notifications', /^Notifiche - Prossimo$/);
    await page.page.getByRole('button', { name: 'Segna tutte come lette' }).click();
    await page.page.getByText('0 da leggere').waitFor();

    // "Download my data": ask here, see it being prepared, then ready, and download it.
    await page.goto('/i-miei-dati');
    await heading('I miei dati');
    await checkPage(page, 'my-data', /^I miei dati - Prossimo$/);
    await page.page.getByRole('button', { name: 'Chiedi una copia dei miei dati' }).click();
    await page.page.getByText('Richiesta ricevuta. Stiamo preparando la copia.').waitFor();
    const downloadButton = page.page.getByRole('button', { name: 'Scarica la copia (file JSON)' }).first();
    await downloadButton.waitFor({ timeout: 30000 });
    const [download] = await Promise.all([page.page.waitForEvent('download'), downloadButton.click()]);
    expect(download.suggestedFilename()).toMatch(/^prossimo-i-miei-dati-[0-9a-f]{8}\.json$/);
    const copy = JSON.parse(readFileSync((await download.path()) as string, 'utf8')) as Record<
      string,
      unknown
    >;
    expect(JSON.stringify(copy)).toContain(phone);
    await screenshot(page, 'my-data-ready');

    await page.page.getByRole('button', { name: 'Cancella il mio account' }).click();
    const dialog = page.page.getByRole('dialog', { name: 'Vuoi davvero cancellare il tuo account?' });
    await dialog.waitFor();
    await expectNoAxeViolations(page, 'delete account dialog');
    await screenshot(page, 'my-data-delete-dialog');
    await dialog.getByRole('button', { name: 'No, tienilo' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('saves preferences, with an e-mail the api refuses shown at its field', async () => {
    const phone = uniquePhone();
    page = await openSignedIn(web, phone, { width: WIDTHS.phone });
    await page.goto('/preferenze');
    await heading('Preferenze');
    await page.page.getByText('Come vuoi essere avvisato').waitFor();
    await checkPage(page, 'preferences', /^Preferenze - Prossimo$/);

    await page.page.getByLabel('Indirizzo e-mail (facoltativo)').fill('maria@');
    await page.page.getByRole('button', { name: 'Salva le preferenze' }).click();
    await page.page.locator('.error-summary').waitFor();
    expect(await page.page.locator('#prefs-email').getAttribute('aria-invalid')).toBe('true');
    await expect(page.page.locator('#prefs-email-error').textContent()).resolves.toContain(
      'e-mail non è valido',
    );
    await expectNoAxeViolations(page, 'preferences e-mail error');
    await screenshot(page, 'preferences-error');

    await page.page.getByLabel('Indirizzo e-mail (facoltativo)').fill('maria.rossi@example.com');
    await page.page.getByLabel('Dalle ore').fill('21.30');
    await page.page.getByLabel('Alle ore', { exact: true }).fill('8');
    await label('channel-rating_request-SMS').click();
    await page.page.getByLabel('Nome del familiare').fill('Luca Rossi');
    await page.page.getByLabel('Numero di telefono del familiare').fill('333 765 4321');
    await label('prefs-family-consent').click();
    await page.page.getByRole('button', { name: 'Salva le preferenze' }).click();
    await page.page.getByText('Preferenze salvate.').waitFor();

    const [{ id: userId }] = await web.stack.dataSource.query(`SELECT id FROM users WHERE phone_e164 = $1`, [
      phone,
    ]);
    const [stored] = await web.stack.dataSource.query(
      `SELECT email, to_char(quiet_start, 'HH24:MI') AS "from", to_char(quiet_end, 'HH24:MI') AS "to",
              channels->'rating_request' AS rating, family_name AS "familyName", family_consent_at IS NOT NULL AS consent
         FROM notification_preferences WHERE user_id = $1`,
      [userId],
    );
    expect(stored).toEqual({
      email: 'maria.rossi@example.com',
      from: '21:30',
      to: '08:00',
      rating: ['in_app'],
      familyName: 'Luca Rossi',
      consent: true,
    });
    await page.page.getByText(/Ora avvisiamo Luca Rossi/).waitFor();
  });

  it('posts a need with the keyboard alone', async () => {
    const phone = uniquePhone();
    page = await openSignedIn(web, phone, { width: WIDTHS.desktop });
    await page.goto('/richieste/nuova');
    await page.page.waitForURL('**/richieste/nuova/categoria');
    const keys = page.page.keyboard;

    /** Presses Tab until the element with this id has focus (a person tabbing through the page). */
    async function tabTo(id: string): Promise<void> {
      for (let presses = 0; presses < 60; presses++) {
        await keys.press('Tab');
        if ((await page.page.evaluate(() => document.activeElement?.id)) === id) return;
      }
      throw new Error(`Tab never reached #${id}`);
    }

    /**
     * The next page of the form is shown: its address, then its heading focused (the page moves focus
     * there after a navigation; tabbing before that would be undone by it on a busy machine).
     */
    async function nextPage(address: string): Promise<void> {
      await page.page.waitForURL(address);
      await page.page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    }

    await tabTo('need-category'); // the first option of the group; arrows move the choice
    await keys.press('ArrowDown');
    await keys.press('ArrowDown');
    await keys.press('ArrowDown'); // Compagnia
    await keys.press('Enter');
    await nextPage('**/per-chi');
    await tabTo('need-forWhom');
    await keys.press('Space');
    await keys.press('Enter');
    await nextPage('**/luogo');
    await tabTo('need-comune');
    await keys.type('Cherasco');
    await keys.press('Enter');
    await page.page.getByText('Comune scelto: Cherasco (CN)').waitFor();
    await tabTo('need-address');
    await keys.type('Via Roma 5');
    await keys.press('Enter');
    await nextPage('**/quando');
    await tabTo('need-day');
    await keys.type(typedDate(wednesdayInTwoWeeks()));
    await tabTo('need-fromTime');
    await keys.type('15');
    await tabTo('need-toTime');
    await keys.type('17');
    await keys.press('Enter');
    await nextPage('**/descrizione');
    await tabTo('need-description');
    await keys.type('Due chiacchiere e una passeggiata.');
    await tabTo('need-description'); // out of the textarea with Tab, then to the button
    await keys.press('Tab');
    await keys.press('Enter');
    await nextPage('**/salute');
    await tabTo('need-healthNotes');
    await keys.press('Space');
    await keys.press('Enter');
    await nextPage('**/riepilogo');
    for (let presses = 0; presses < 80; presses++) {
      await keys.press('Tab');
      const text = await page.page.evaluate(() => document.activeElement?.textContent ?? '');
      if (text === 'Invia la richiesta') break;
    }
    await keys.press('Enter');
    await heading('Richiesta inviata');

    const [{ id: userId }] = await web.stack.dataSource.query(`SELECT id FROM users WHERE phone_e164 = $1`, [
      phone,
    ]);
    const [need] = await storedNeeds(userId);
    expect(need.category).toBe('companionship');
    expect(need.comuneIstat).toBe('004067');
  });

  it('shows the reviews and the shared-carer groups, empty, at both widths', async () => {
    for (const width of [WIDTHS.phone, WIDTHS.desktop]) {
      page = await openSignedIn(web, uniquePhone(), { width });
      const suffix = width === WIDTHS.phone ? '' : '-desktop';
      await page.goto('/recensioni');
      await heading('Recensioni');
      await page.page.getByText('Nessuna recensione su di te per ora.').waitFor();
      await checkPage(page, `reviews-empty${suffix}`, /^Recensioni - Prossimo$/);
      await page.goto('/badante-condivisa');
      await heading('Badante condivisa');
      await page.page.getByText(/Per ora non ci sono gruppi per te/).waitFor();
      await checkPage(page, `care-groups-empty${suffix}`, /^Badante condivisa - Prossimo$/);
      await page.goto('/richieste');
      await heading('Le mie richieste');
      await page.page.getByText('Non hai ancora fatto richieste.').waitFor();
      await checkPage(page, `my-needs-empty${suffix}`, /^Le mie richieste - Prossimo$/);
      await page.close();
    }
  });
  it('shows the helper who accepted, then after the ride asks for a review on the three criteria', async () => {
    // Through the api: a citizen's ride, a volunteer who accepts it, drives and completes it.
    const phone = uniquePhone();
    const citizen = await signUp(web.stack, phone);
    const volunteer = await signUp(web.stack);
    const day = wednesdayNextWeek();
    await saveVolunteerProfile(web.stack, volunteer, {
      ...rideDriverProfile('Giorgio Verdi', BRA),
      availability: [{ oneOff: { startsAt: romeIso(day, 7), endsAt: romeIso(day, 19) } }],
    });
    const needId = await postRide(web.stack, citizen, day);
    const { proposalId } = await pendingProposal(web.stack, needId, [volunteer], 60000);
    const acceptProposal = await acceptProposalAs(web.stack, volunteer, proposalId);

    page = await openSignedIn(web, phone, { width: WIDTHS.phone });
    await page.goto(`/richieste/${needId}`);
    await page.page.getByText('Giorgio Verdi ti aiuterà.').waitFor();
    await page.page.getByText(/Giorgio Verdi vede il tuo indirizzo/).waitFor();
    await expect(page.page.locator('.status-tag').first().textContent()).resolves.toBe('Qualcuno ti aiuterà');
    await checkPage(
      page,
      'need-matched',
      /^Passaggio per Ospedale Michele e Pietro Ferrero, Verduno - Prossimo$/,
    );

    // The day of the ride comes (the api lets a helper start only shortly before).
    await web.stack.dataSource.query(
      `UPDATE engagements SET during = tstzrange(now() + interval '1 hour', now() + interval '3 hours 30 minutes')
        WHERE id = $1`,
      [acceptProposal.id],
    );
    await startAndComplete(web.stack, volunteer, acceptProposal.id, 3);
    await page.goto(`/richieste/${needId}`);
    await page.page.getByRole('link', { name: 'Scrivi una recensione' }).click();
    await heading('Scrivi una recensione');
    await checkPage(page, 'review-write', /^Scrivi una recensione - Prossimo$/);
    // A criterion left out: said at its group, the summary on top.
    await label('review-punctuality-5').click();
    await label('review-respect-5').click();
    await page.page.getByRole('button', { name: 'Invia la recensione' }).click();
    await page.page.locator('.error-summary').waitFor();
    await expect(page.page.locator('#review-helpQuality-error').textContent()).resolves.toContain(
      'qualità dell’aiuto',
    );
    await expectNoAxeViolations(page, 'review criterion missing');
    await label('review-helpQuality-4').click();
    await page.page.getByRole('button', { name: 'Invia la recensione' }).click();
    await heading('Grazie, la recensione è stata inviata.');
    const [review] = await web.stack.dataSource.query(
      `SELECT criterion1_stars AS a, criterion2_stars AS b, criterion3_stars AS c, criteria_set AS "set"
         FROM reviews WHERE engagement_id = $1 AND author_user_id = $2`,
      [acceptProposal.id, citizen.userId],
    );
    expect(review).toEqual({ a: 5, b: 5, c: 4, set: 'person' });
  });
});
