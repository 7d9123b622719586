// page.evaluate() callbacks run in the browser.
/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { randomInt } from 'node:crypto';
import { elevenDigitCheckDigit } from '@prossimo/directory/rules';
import {
  createServiceOffer,
  createTerritory,
  grantRole,
  ok,
  PIEDMONT,
  registerOrganisation,
  SignedInUser,
  signUp,
  signUpWithRoles,
  waitUntil,
} from '../support/fixtures';
import { inboundSms } from '../support/sms-webhook';
import {
  checkPage,
  expectFieldError,
  expectNoAxeViolations,
  expectPagesFit,
  followConsoleMenu,
  MANY_SIGN_INS,
  openAsComuneStaff,
  openPage,
  openSignedIn,
  romeDay,
  screenshot,
  signInThroughUi,
  startWebStackForFile,
  tabTo,
  WebPage,
  WebStack,
  WIDTHS,
} from './support/web';

/** Signs the test's SMS replies as the provider would. */
const SMS_WEBHOOK_SECRET = 'console-web-spec-sms-webhook-secret';
const ALBA = { istat: PIEDMONT.alba, lat: 44.7, lon: 8.035 };

/**
 * A volunteer driver near Alba, free for the next five days, written straight in the database (as
 * the matching e2e tests do): nothing triggers matching, so only the operator's hand proposes him.
 */
async function insertDriver(web: WebStack, user: SignedInUser, name: string): Promise<void> {
  const { dataSource } = web.stack;
  const [volunteer]: { id: string }[] = await dataSource.query(
    `INSERT INTO volunteer_profiles (user_id, display_name, home_lat, home_lon, comune_istat, travel_radius_km,
                                     weekly_hour_limit, categories, languages, vehicle_seats)
     VALUES ($1, $2, $3, $4, $5, 25, 20, '{rides_and_accompaniment}', '{it}', 3) RETURNING id`,
    [user.userId, name, ALBA.lat + 0.01, ALBA.lon + 0.01, ALBA.istat],
  );
  await dataSource.query(
    `INSERT INTO moderation_items (content_type, content_id, comune_istat, author_user_id, status, needs_review, summary)
     VALUES ('volunteer_profile', $1, $2, $3, 'published', false, $4)`,
    [volunteer.id, ALBA.istat, user.userId, name],
  );
  await dataSource.query(
    `INSERT INTO availability_windows (volunteer_id, kind, during)
     VALUES ($1, 'one_off', tstzrange(now() + interval '1 hour', now() + interval '5 days'))`,
    [volunteer.id],
  );
}

describe('the Comune console in Chromium: desk, moderation, accreditation, indicators', () => {
  let langhe: string;
  let langheName: string;
  let operator: SignedInUser;
  let moderator: SignedInUser;
  let foreignModerator: SignedInUser;
  let cooperative: SignedInUser;
  let organisationId: string;
  let organisationName: string;
  let page: WebPage | undefined;
  // Staff are signed up through the api (for its tokens) and then sign in in the browser, once per
  // journey (some in English too): no SMS limit in the way.
  const web = startWebStackForFile({ env: { ...MANY_SIGN_INS, SMS_WEBHOOK_SECRET } }, () => [page]);

  beforeAll(async () => {
    const { stack } = web;
    langheName = `Console Langhe ${Date.now()}`;
    langhe = await createTerritory(stack.dataSource, langheName, [PIEDMONT.alba, PIEDMONT.bra]);
    const novarese = await createTerritory(stack.dataSource, `Console Novarese ${Date.now()}`, [
      PIEDMONT.novara,
    ]);
    [operator, moderator, foreignModerator, cooperative] = await signUpWithRoles(stack, [
      { role: 'comune_operator', territoryId: langhe },
      { role: 'comune_moderator', territoryId: langhe },
      { role: 'comune_moderator', territoryId: novarese },
      null,
    ]);

    // A cooperative of Alba registers (held for moderation: organisations are pre-moderated) and asks
    // the Langhe for accreditation.
    const registered = await registerOrganisation(stack, cooperative, {
      homeComuneIstat: PIEDMONT.alba,
      name: 'Cooperativa Console',
      description: 'Cooperativa sociale: trasporto e compagnia per anziani.',
    });
    organisationName = registered.name;
    organisationId = registered.organisationId;
    ok(
      await stack.graphql(
        `mutation ($input: RequestAccreditationInput!) { requestAccreditation(input: $input) { id } }`,
        { input: { organisationId, territoryId: langhe } },
        { token: cooperative.token },
      ),
    );
    // The Langhe check service offers before they are public.
    ok(
      await stack.graphql(
        `mutation ($input: SetModerationModeInput!) { setModerationMode(input: $input) }`,
        { input: { territoryId: langhe, contentType: 'SERVICE_OFFER', mode: 'PRE' } },
        { token: moderator.token },
      ),
    );
  });

  it('a desk operator registers a walk-in elderly person, posts a ride for her and assigns a volunteer by hand, who accepts by SMS reply', async () => {
    page = await openSignedIn(web, operator.phone, { width: WIDTHS.desktop });
    const p = page.page;
    // "La mia area" puts the operator's places of work before what every person can do.
    const canDo = p.getByRole('region', { name: 'Cosa puoi fare' }).getByRole('link');
    await canDo.first().waitFor();
    expect(await canDo.allInnerTexts()).toEqual([
      'Sportello',
      'Da seguire',
      'Chiamate ai volontari',
      'Indicatori',
      'Ho bisogno di aiuto',
      'Voglio dare una mano',
      'Cerca un servizio',
    ]);
    await p
      .getByRole('navigation', { name: 'Menu principale' })
      .getByRole('link', { name: 'Sportello' })
      .click();
    await p.getByRole('heading', { level: 1, name: 'Sportello: nuova richiesta per una persona' }).waitFor();
    await checkPage(page, 'console-desk', /^Sportello: nuova richiesta per una persona - Prossimo$/);

    // Sent empty: the summary lists what is missing and links to each field.
    await p.getByRole('button', { name: 'Registra la persona e invia la richiesta' }).click();
    await p.locator('.error-summary').waitFor();
    await expect(p.locator('.error-summary').textContent()).resolves.toContain('Scrivi nome e cognome');
    await expectNoAxeViolations(page, 'desk form with errors');
    await screenshot(page, 'console-desk-errors');

    const day = romeDay(2);
    await p.getByLabel('Nome e cognome').fill('Giuseppina Ferrero');
    await p.getByLabel(/^Cellulare/).fill('347 440 1234');
    await p.locator('label[for="consentRecorded"]').click();
    await p.locator('label[for="consentMethod-SIGNED_FORM"]').click();
    await p.getByLabel('Tipo di aiuto').selectOption('RIDES_AND_ACCOMPANIMENT');
    await p
      .getByLabel('Descrizione')
      .fill('Accompagnare la signora alla visita cardiologica e riportarla a casa.');
    await p.getByLabel('Comune', { exact: true }).selectOption(PIEDMONT.alba);
    await p.getByLabel('Giorno', { exact: true }).fill(day);
    await p.getByLabel('Dalle ore', { exact: true }).fill('09:00');
    await p.getByLabel('Alle ore', { exact: true }).fill('12:00');
    await p.getByLabel('Dove passare a prenderla').fill('Via Cavour 12, Alba');
    await p.getByLabel('Dove deve andare').fill('Ospedale di Verduno');
    await p.getByLabel('Comune di destinazione').selectOption(PIEDMONT.bra);
    await p.getByLabel('Ora dell’appuntamento').fill('10:00');
    await p.getByRole('button', { name: 'Registra la persona e invia la richiesta' }).click();
    await p.getByRole('heading', { name: 'Richiesta registrata' }).waitFor();
    await expect(p.getByText(/La richiesta per Giuseppina Ferrero è aperta/).isVisible()).resolves.toBe(true);
    await expectNoAxeViolations(page, 'desk confirmation');
    await screenshot(page, 'console-desk-done');

    const [need]: { id: string; source: string; status: string; beneficiary_id: string }[] =
      await web.stack.dataSource.query(
        `SELECT id, source, status, beneficiary_id FROM needs WHERE author_user_id = $1
          ORDER BY created_at DESC LIMIT 1`,
        [operator.userId],
      );
    expect(need).toMatchObject({ source: 'desk', status: 'open' });
    // The hours typed are Rome's, whatever the zone of the desk's computer (this browser's is the machine's).
    const [window]: { from: string; until: string; appointment: string }[] = await web.stack.dataSource.query(
      `SELECT to_char(window_start AT TIME ZONE 'Europe/Rome', 'HH24:MI') AS "from",
              to_char(window_end AT TIME ZONE 'Europe/Rome', 'HH24:MI') AS until,
              to_char((details->'ride'->>'appointmentAt')::timestamptz AT TIME ZONE 'Europe/Rome', 'HH24:MI') AS appointment
         FROM needs WHERE id = $1`,
      [need.id],
    );
    expect(window).toEqual({ from: '09:00', until: '12:00', appointment: '10:00' });
    const [beneficiary]: { kind: string; consent_recorded_by_user_id: string; consent_recorded_at: Date }[] =
      await web.stack.dataSource.query(
        `SELECT kind, consent_recorded_by_user_id, consent_recorded_at FROM beneficiaries WHERE id = $1`,
        [need.beneficiary_id],
      );
    expect(beneficiary).toMatchObject({ kind: 'desk', consent_recorded_by_user_id: operator.userId });

    // Nobody can take it yet: the follow-up list shows it with the reason.
    await waitUntil(async () => {
      const rows: unknown[] = await web.stack.dataSource.query(
        `SELECT 1 FROM need_match_states WHERE need_id = $1 AND unmatched_reason IS NOT NULL`,
        [need.id],
      );
      return rows.length > 0;
    });
    // It opened yesterday, as far as the follow-up knows: open for a day or more too.
    await web.stack.dataSource.query(
      `UPDATE needs SET opened_at = now() - interval '25 hours' WHERE id = $1`,
      [need.id],
    );
    // Back in "La mia area", the request waits in "Da fare adesso" twice (nobody found, open for a
    // day); its line opens the follow-up list.
    await p
      .getByRole('navigation', { name: 'Menu principale' })
      .getByRole('link', { name: 'La mia area' })
      .click();
    const openLong = p
      .getByTestId('to-do')
      .getByRole('link', { name: /^\d+ richiest[ae] apert[ae] da un giorno o più, da seguire$/ });
    await openLong.waitFor();
    expect(await openLong.getAttribute('href')).toBe('/sportello/da-seguire');
    await p
      .getByTestId('to-do')
      .getByRole('link', { name: /^\d+ richiest[ae] senza nessuno disponibile, da seguire$/ })
      .click();
    await p.getByRole('heading', { level: 1, name: 'Richieste da seguire' }).waitFor();
    const unmatchedTable = p.getByRole('table', { name: /Richieste per cui non si è trovato nessuno/ });
    await unmatchedTable.waitFor();
    await expect(unmatchedTable.textContent()).resolves.toMatch(
      // When it is needed (Rome's 09:00, as typed) before the reason: the operator calls about the soonest first.
      /Accompagnamento.*Accompagnare la signora.*Alba.*\d{4}, 09:00.*Nessuno abbastanza vicino/,
    );
    await checkPage(page, 'console-follow-up', /^Richieste da seguire - Prossimo$/);

    // A driver becomes available; the operator opens the need and assigns him by hand.
    const driver = await signUp(web.stack);
    await insertDriver(web, driver, 'Mario Autista');
    // He drives at any hour and wants his SMS at any hour (no quiet hours): the test runs at any hour too.
    ok(
      await web.stack.graphql(
        `mutation ($input: UpdateNotificationPreferencesInput!) { updateNotificationPreferences(input: $input) { quietHoursStart } }`,
        { input: { quietHoursStart: '00:00', quietHoursEnd: '00:00' } },
        { token: driver.token },
      ),
    );
    await unmatchedTable.getByRole('link', { name: 'Accompagnamento' }).first().click();
    await p.getByRole('heading', { level: 1, name: 'Richiesta: Accompagnamento' }).waitFor();
    const candidates = p.getByRole('table', { name: 'Candidati per questa richiesta, dal migliore' });
    await candidates.waitFor();
    await expect(candidates.textContent()).resolves.toMatch(/Mario Autista[\s\S]*km/);
    await expect(p.getByText('Giuseppina Ferrero').isVisible()).resolves.toBe(true);
    await expect(p.locator('main').textContent()).resolves.toMatch(
      /09:00 – 12:00[\s\S]*partenza alle 09:30, appuntamento alle 10:00/,
    );
    await checkPage(page, 'console-need', /^Richiesta: Accompagnamento - Prossimo$/);
    await p.getByRole('button', { name: 'Assegna a Mario Autista' }).click();
    await p.getByText('Proposta inviata a Mario Autista').waitFor();
    await p
      .getByRole('table', { name: 'Proposte inviate per questa richiesta' })
      .getByText('In attesa')
      .waitFor();
    // Asked, he leaves the candidates; the page says why the list is empty instead of "nobody".
    await p.getByText('Nessun altro per ora: chi può aiutare ha già ricevuto la proposta').waitFor();
    await expectNoAxeViolations(page, 'need after assignment');
    await screenshot(page, 'console-need-assigned');
    const proposals: { helper_user_id: string; assigned_by_user_id: string; status: string }[] =
      await web.stack.dataSource.query(
        `SELECT helper_user_id, assigned_by_user_id, status FROM match_proposals WHERE need_id = $1`,
        [need.id],
      );
    expect(proposals).toEqual([
      { helper_user_id: driver.userId, assigned_by_user_id: operator.userId, status: 'pending' },
    ]);

    // The driver is at the wheel, not at the app: he accepts by answering the SMS "SI <code>".
    let code: string | undefined;
    await waitUntil(async () => {
      const notice = web.stack.gateway
        .messagesTo(driver.phone)
        .map((message) => message.text)
        .find((text) => text.includes('Rispondi SI'));
      code = notice ? /SI ([A-Z2-9]{4})/.exec(notice)?.[1] : undefined;
      return code !== undefined;
    }, 60_000);
    const [proposal]: { id: string }[] = await web.stack.dataSource.query(
      `SELECT id FROM match_proposals WHERE need_id = $1`,
      [need.id],
    );
    expect(await inboundSms(web.stack, SMS_WEBHOOK_SECRET, driver.phone, `si ${code}`)).toEqual({
      result: 'accepted',
      targetType: 'proposal',
      targetId: proposal.id,
    });
    await p.reload();
    await p
      .getByRole('table', { name: 'Proposte inviate per questa richiesta' })
      .getByText('Accettata')
      .waitFor();
    await expectNoAxeViolations(page, 'need accepted by SMS');
    await screenshot(page, 'console-need-accepted-by-sms');
    const [engagement]: { helper_user_id: string; status: string }[] = await web.stack.dataSource.query(
      `SELECT helper_user_id, status FROM engagements WHERE need_id = $1`,
      [need.id],
    );
    expect(engagement).toEqual({ helper_user_id: driver.userId, status: 'confirmed' });
  }, 300_000); // a journey across the desk, the matching worker and an SMS reply: minutes on a loaded machine

  it('a moderator accredits the cooperative, then approves its held offer with the keyboard alone', async () => {
    page = await openSignedIn(web, moderator.phone, { width: WIDTHS.desktop });
    const p = page.page;
    // "La mia area" counts what waits in the queue (the held offer at least) and the accreditation
    // requests (the cooperative's at least), each linking to its list.
    await p
      .getByTestId('to-do')
      .getByRole('link', { name: /^\d+ contenut[oi] da controllare$/ })
      .waitFor();
    const accreditations = p
      .getByTestId('to-do')
      .getByRole('link', { name: /^\d+ domand[ae] di accreditamento da esaminare$/ });
    expect(await accreditations.getAttribute('href')).toBe('/moderazione/accreditamenti');
    await p
      .getByRole('navigation', { name: 'Menu principale' })
      .getByRole('link', { name: 'Moderazione' })
      .click();
    await p.getByRole('heading', { level: 1, name: 'Coda di moderazione' }).waitFor();
    await followConsoleMenu(page, 'Accreditamenti', 'Accreditamenti');
    await p.getByRole('heading', { level: 2, name: organisationName }).waitFor();
    await checkPage(page, 'console-accreditation', /^Accreditamenti - Prossimo$/);
    await p.getByRole('button', { name: `Dati e storia di ${organisationName}` }).click();
    await p.getByText('Cooperativa sociale').waitFor();
    await p.getByRole('button', { name: 'Avvia la verifica' }).click();
    await p.locator('label', { hasText: 'Accredita' }).waitFor();
    // Deciding without a reason is refused at the field.
    await p.locator('label', { hasText: 'Accredita' }).click();
    await p.getByRole('button', { name: 'Registra la decisione' }).click();
    await p.getByText('Scrivi cosa hai controllato').first().waitFor();
    await expectNoAxeViolations(page, 'accreditation with errors');
    await p.getByLabel('Motivo (cosa hai controllato)').fill('Statuto, RUNTS e assicurazione verificati.');
    await p.getByRole('button', { name: 'Registra la decisione' }).click();
    await p.getByText('Decisione registrata.').waitFor();
    const history = p.getByRole('table', { name: `Storia dell’accreditamento di ${organisationName}` });
    await history.getByText('Statuto, RUNTS e assicurazione verificati.').waitFor();
    await expectNoAxeViolations(page, 'accreditation decided');
    await screenshot(page, 'console-accreditation-decided');
    const [accreditation]: { status: string }[] = await web.stack.dataSource.query(
      `SELECT status FROM organisation_accreditations WHERE organisation_id = $1`,
      [organisationId],
    );
    expect(accreditation.status).toBe('accredited');

    // The accredited cooperative publishes an offer: the Langhe hold it for the moderator.
    const offerTitle = `Trasporto sociale ${organisationName.slice(-6)}`;
    const offer = await createServiceOffer(web.stack, cooperative, {
      organisationId,
      title: offerTitle,
      category: 'RIDES_AND_ACCOMPANIMENT',
      targetGroups: ['ELDERLY'],
      description: 'Accompagnamento in auto alle visite mediche.',
      area: { comuneIstatCodes: [PIEDMONT.alba] },
      schedule: [{ dayOfWeek: 2, start: '08:00', end: '13:00' }],
      languages: ['it'],
      price: { model: 'FREE' },
    });
    expect(offer.moderationStatus).toBe('PENDING');

    await page.goto('/moderazione');
    await p.getByRole('heading', { level: 1, name: 'Coda di moderazione' }).waitFor();
    await p.getByText(offerTitle).first().waitFor();
    await checkPage(page, 'console-moderation', /^Coda di moderazione - Prossimo$/);
    // Keyboard only: Tab to "Decidi", choose "Approva", write the reason, confirm.
    await tabTo(page, new RegExp(`Decidi su: ${offerTitle}`));
    await p.keyboard.press('Enter');
    await tabTo(page, /^Approva$/);
    await p.keyboard.press('Space');
    await p.keyboard.press('Tab');
    await p.keyboard.type('Offerta chiara, prezzo indicato.');
    await expectNoAxeViolations(page, 'moderation decision form');
    await screenshot(page, 'console-moderation-decide');
    await tabTo(page, /^Conferma$/);
    await p.keyboard.press('Enter');
    await p.getByText('Decisione registrata: Approva.').waitFor();
    const [item]: { status: string; needs_review: boolean }[] = await web.stack.dataSource.query(
      `SELECT status, needs_review FROM moderation_items WHERE content_type = 'service_offer' AND content_id = $1`,
      [offer.id],
    );
    expect(item).toEqual({ status: 'published', needs_review: false });
  });

  it('a cooperative registers itself (the server’s field error shown at its field), asks the Langhe for accreditation and writes a shared-price offer', async () => {
    const founder = await signUp(web.stack);
    page = await openSignedIn(web, founder.phone, { at: '/ente' });
    const p = page.page;
    await p.getByRole('heading', { level: 1, name: 'La mia organizzazione' }).waitFor();
    await p.getByText('Non fai ancora parte di un’organizzazione.').waitFor();
    await checkPage(page, 'console-organisation', /^La mia organizzazione - Prossimo$/);
    await p.getByRole('button', { name: 'Registra un’organizzazione' }).click();

    const digits = `8${randomInt(0, 1_000_000_000).toString().padStart(9, '0')}`;
    const wrongDigit = (elevenDigitCheckDigit(digits) + 1) % 10;
    const name = `Cooperativa Insieme ${digits}`;
    await p.getByLabel('Nome', { exact: true }).fill(name);
    await p.getByLabel('Forma').selectOption('SOCIAL_COOPERATIVE');
    await p.getByLabel('Codice fiscale').fill(`${digits}${wrongDigit}`);
    await p.getByLabel('Sezione del RUNTS').selectOption('D');
    await p.getByLabel('Cosa fa l’organizzazione').fill('Trasporto sociale e compagnia per anziani soli.');
    await p.getByLabel('Comune della sede (nome)').fill('Alba');
    await p.getByRole('button', { name: 'Cerca il Comune' }).click();
    await p.locator('#homeComuneIstat option[value="' + PIEDMONT.alba + '"]').waitFor({ state: 'attached' });
    await p.getByLabel('Comune della sede', { exact: true }).selectOption(PIEDMONT.alba);
    await p.getByRole('button', { name: 'Registra l’organizzazione' }).click();
    // The api refuses the check digit: its message is shown at the field and in the summary.
    await expectFieldError(page, 'codiceFiscale');
    await expectNoAxeViolations(page, 'organisation with a server field error');
    await screenshot(page, 'console-organisation-error');

    await p.getByLabel('Codice fiscale').fill(`${digits}${elevenDigitCheckDigit(digits)}`);
    await p.getByRole('button', { name: 'Registra l’organizzazione' }).click();
    await p.getByRole('heading', { level: 2, name }).waitFor();
    await p.getByLabel('Territorio', { exact: true }).selectOption({ label: langheName });
    await p.getByRole('button', { name: 'Chiedi l’accreditamento' }).click();
    await p.getByText('Richiesta di accreditamento inviata').waitFor();
    await p
      .getByRole('table', { name: `Storia dell’accreditamento di ${name}` })
      .getByText('Inviata')
      .waitFor();
    await checkPage(page, 'console-organisation-requested', /^La mia organizzazione - Prossimo$/);
    const [accreditation]: { status: string; territory_id: string }[] = await web.stack.dataSource.query(
      `SELECT a.status, a.territory_id FROM organisation_accreditations a
         JOIN organisations o ON o.id = a.organisation_id WHERE o.name = $1`,
      [name],
    );
    expect(accreditation).toEqual({ status: 'submitted', territory_id: langhe });

    // Its first offer: shared rides, cheaper per person when three share, wheelchair transport.
    await p
      .getByRole('navigation', { name: `Il lavoro di ${name}` })
      .getByRole('link', { name: 'Offerte di servizio' })
      .click();
    await p.getByRole('link', { name: 'Nuova offerta' }).click();
    await p.getByRole('heading', { level: 1, name: 'Nuova offerta di servizio' }).waitFor();
    await p.getByLabel('Titolo').fill('Passaggi condivisi alle visite');
    await p.getByLabel('Tipo di aiuto').selectOption('RIDES_AND_ACCOMPANIMENT');
    await p.getByLabel('Descrizione').fill('Auto attrezzata, autista formato, attesa durante la visita.');
    await p.locator(`label[for="offer-comune-${PIEDMONT.alba}"]`).click();
    await p.getByLabel('Giorno', { exact: true }).selectOption('2');
    await p.locator('label', { hasText: 'Condiviso: il prezzo scende' }).click();
    await p.getByLabel('Da solo (€ all’ora)').fill('12,00');
    await p.getByLabel('In 2 (€ all’ora ciascuno)').fill('8');
    await p.getByLabel('In 3 (€ all’ora ciascuno)').fill('6,50');
    await p.getByLabel('Posti per i passeggeri').fill('4');
    await p.locator('label', { hasText: 'Trasporta persone in sedia a rotelle' }).click();
    await expectNoAxeViolations(page, 'offer editor');
    await screenshot(page, 'console-offer-editor');
    await p.getByRole('button', { name: 'Pubblica l’offerta' }).click();
    await p.getByText('il Comune la controlla prima di pubblicarla').waitFor();
    await p.getByText('Passaggi condivisi alle visite', { exact: true }).waitFor();
    const organisationOfFounder: { id: string }[] = await web.stack.dataSource.query(
      `SELECT id FROM organisations WHERE name = $1`,
      [name],
    );
    const offers = ok(
      await web.stack.graphql<{
        organisationServiceOffers: {
          items: {
            schedule: { dayOfWeek: number }[];
            price: { model: string; bands: { people: number; centsPerHourEach: number }[] };
            vehicle: { seats: number; wheelchairAccessible: boolean };
            moderationStatus: string;
          }[];
        };
      }>(
        `query ($id: ID!) { organisationServiceOffers(organisationId: $id) { items {
           schedule { dayOfWeek } price { model bands { people centsPerHourEach } }
           vehicle { seats wheelchairAccessible } moderationStatus } } }`,
        { id: organisationOfFounder[0].id },
        { token: founder.token },
      ),
    ).organisationServiceOffers.items;
    expect(offers).toEqual([
      {
        schedule: [{ dayOfWeek: 2 }],
        price: {
          model: 'SHARED',
          bands: [
            { people: 1, centsPerHourEach: 1200 },
            { people: 2, centsPerHourEach: 800 },
            { people: 3, centsPerHourEach: 650 },
          ],
        },
        vehicle: { seats: 4, wheelchairAccessible: true },
        moderationStatus: 'PENDING',
      },
    ]);
  });

  it('the indicators page shows the figures of the api, and the CSV it downloads is the api’s', async () => {
    page = await openSignedIn(web, operator.phone, { width: WIDTHS.desktop, at: '/indicatori' });
    const p = page.page;
    await p.getByTestId('totals').waitFor();
    await checkPage(page, 'console-indicators', /^Indicatori del territorio - Prossimo$/);
    // The snapshot's age is shown; the figures are then asked for as they are now (the need posted above counts).
    await expect(p.getByTestId('snapshot-age').textContent()).resolves.toMatch(
      /^(Dati aggiornati al .+ fa\)\.|Dati calcolati adesso\.)$/,
    );
    await p.locator('label[for="live"]').click();
    await p.getByRole('button', { name: 'Aggiorna' }).click();
    await p.getByText('Dati calcolati adesso.').waitFor();
    const from = await p.getByLabel('Dal giorno', { exact: true }).inputValue();
    const to = await p.getByLabel('Al giorno', { exact: true }).inputValue();
    const filter = { from, to, territoryId: langhe, granularity: 'PERIOD', live: true };
    const api = ok(
      await web.stack.graphql<{
        impactIndicators: {
          demand: { needsReceived: number }[];
          reach: { citizensReached: number }[];
          activity: { volunteerHours: number }[];
        };
      }>(
        `query ($filter: IndicatorFilterInput!) { impactIndicators(filter: $filter) {
           demand { needsReceived } reach { citizensReached } activity { volunteerHours } } }`,
        { filter },
        { token: operator.token },
      ),
    ).impactIndicators;
    expect(api.demand[0].needsReceived).toBeGreaterThanOrEqual(1);
    await expect(p.getByTestId('needsReceived').textContent()).resolves.toBe(
      String(api.demand[0].needsReceived),
    );
    await expect(p.getByTestId('peopleReached').textContent()).resolves.toBe(
      String(api.reach[0]?.citizensReached ?? 0),
    );
    await expect(p.getByTestId('volunteerHours').textContent()).resolves.toBe(
      String(api.activity[0]?.volunteerHours ?? 0),
    );
    // Each chart with data comes with its table; one without says so in a line instead.
    await expect(p.locator('figure.chart').count()).resolves.toBe(5);
    const drawn = await p.locator('figure.chart svg[role="img"]').count();
    await expect(p.locator('figure.chart table caption').count()).resolves.toBe(drawn);
    await expect(p.locator('figure.chart .chart__empty').count()).resolves.toBe(5 - drawn);

    const download = p.waitForEvent('download');
    await p.getByRole('button', { name: 'Scarica il CSV' }).click();
    const file = await download;
    const csv = readFileSync((await file.path()) as string, 'utf8');
    const exported = ok(
      await web.stack.graphql<{ exportIndicatorsCsv: { csv: string; fileName: string } }>(
        `mutation ($input: IndicatorExportInput!) { exportIndicatorsCsv(input: $input) { csv fileName } }`,
        { input: { filter, table: 'DEMAND' } },
        { token: operator.token },
      ),
    ).exportIndicatorsCsv;
    expect(file.suggestedFilename()).toBe(exported.fileName);
    expect(csv).toBe(exported.csv);
    expect(csv.split('\n')[0]).toContain('needs_received');
    await p.getByText(/^Scaricato /).waitFor();
    await expectNoAxeViolations(page, 'indicators after download');

    // A period with no data: each chart is one line saying so and what to do, at both widths.
    for (const width of [WIDTHS.desktop, WIDTHS.phone]) {
      const view: WebPage = width === WIDTHS.desktop ? (page as WebPage) : await openPage(web, width);
      if (view !== page) {
        // Another operator: the first one's SMS codes for this quarter of an hour are spent.
        const second = await signUp(web.stack);
        await grantRole(web.stack.dataSource, second.userId, 'comune_operator', { territoryId: langhe });
        await signInThroughUi(web, view, second.phone);
      }
      await view.goto('/indicatori');
      await view.page.getByTestId('totals').waitFor();
      await view.page.getByLabel('Dal giorno', { exact: true }).fill('2020-01-01');
      await view.page.getByLabel('Al giorno', { exact: true }).fill('2020-03-31');
      await view.page.getByRole('button', { name: 'Aggiorna' }).click();
      await view.page.waitForFunction(
        () => document.querySelectorAll('figure.chart .chart__empty').length === 5,
      );
      await expect(view.page.locator('figure.chart svg').count()).resolves.toBe(0);
      await expect(view.page.locator('.chart__empty').first().textContent()).resolves.toMatch(
        /^Nessun dato per questo periodo\. Scegli un periodo più ampio/,
      );
      await expectNoAxeViolations(view, 'indicators, empty period');
      await screenshot(view, 'console-indicators-empty');
      if (view !== page) await view.close();
    }
  });

  /** The header's language switch: the page in English (its own chunk, loaded first), lang="en". */
  async function inEnglish(opened: WebPage): Promise<void> {
    await opened.page.getByRole('button', { name: 'Read this site in English' }).click();
    await opened.page.waitForFunction(() => document.documentElement.lang === 'en');
  }

  /** No Italian left in the page's main part: words only the Italian console uses. */
  async function expectNoItalian(opened: WebPage): Promise<void> {
    const text = (await opened.page.locator('main').textContent()) ?? '';
    expect(text).not.toMatch(
      /\b(Cerca|Filtra|Scarica|Richiesta|richieste|Sportello|Persona|persona|Registra|Pubblicat[oa]|Decidi|Mostra altri|Nessun[oa]?)\b/,
    );
  }

  it('in English: a desk operator’s journey, from the new request form to the person’s record and the follow-up list', async () => {
    page = await openSignedIn(web, operator.phone, { width: WIDTHS.desktop });
    const p = page.page;
    await inEnglish(page);
    await p.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Desk' }).click();
    await p.getByRole('heading', { level: 1, name: 'Desk: a new request for a person' }).waitFor();
    await p.getByRole('button', { name: 'Register the person and send the request' }).click();
    await p.locator('.error-summary').getByText('Write the person’s full name.').waitFor();
    await checkPage(page, 'console-desk-en', /^Desk: a new request for a person - Prossimo$/);

    // The walk-in person of the first journey, found by her phone number.
    const menu = p.getByRole('navigation', { name: 'Console menu' });
    await menu.getByRole('link', { name: 'Find a person', exact: true }).click();
    await p.getByRole('heading', { level: 1, name: 'Desk: find a person' }).waitFor();
    await p.getByRole('button', { name: 'Search', exact: true }).click();
    await p.locator('.error-summary').getByText('Write the mobile number.').waitFor();
    await p.getByLabel('Mobile number').fill('347 440 1234');
    await p.getByRole('button', { name: 'Search', exact: true }).click();
    await p.getByRole('table', { name: 'People found: 1' }).waitFor();
    await checkPage(page, 'console-people-en', /^Desk: find a person - Prossimo$/);
    await expectNoItalian(page);
    await p.getByRole('link', { name: 'Open the record of Giuseppina Ferrero' }).click();
    await p.getByRole('heading', { level: 1, name: 'Giuseppina Ferrero' }).waitFor();
    await p.getByRole('heading', { name: 'Consent to data processing' }).waitFor();
    await p.getByRole('table', { name: /^Requests of Giuseppina Ferrero in your territory/ }).waitFor();
    await checkPage(page, 'console-person-en', /^Giuseppina Ferrero - Prossimo$/);
    await expectNoItalian(page);

    await menu.getByRole('link', { name: 'To follow up', exact: true }).click();
    await p.getByRole('heading', { level: 1, name: 'Requests to follow up' }).waitFor();
    await p.getByRole('heading', { name: 'Nobody available' }).waitFor();
    await checkPage(page, 'console-follow-up-en', /^Requests to follow up - Prossimo$/);
    await expectNoItalian(page);
  });

  it('in English: a moderator’s journey, the queue naming a request by its category, and the activity log', async () => {
    page = await openSignedIn(web, moderator.phone, { width: WIDTHS.desktop });
    const p = page.page;
    await inEnglish(page);
    await p.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Moderation' }).click();
    await p.getByRole('heading', { level: 1, name: 'Moderation queue' }).waitFor();
    await p.getByLabel('Status', { exact: true }).selectOption({ label: 'Published' });
    await p.getByLabel('Kind of content', { exact: true }).selectOption({ label: 'Help request' });
    await p.getByRole('button', { name: 'Filter', exact: true }).click();
    // The desk's request: its category in words (not its code), then its description.
    const summary =
      'Rides and accompaniment: Accompagnare la signora alla visita cardiologica e riportarla a casa.';
    await p.locator('.queue__summary', { hasText: summary }).waitFor();
    await expect(p.locator('main').textContent()).resolves.not.toContain('rides_and_accompaniment');
    await p.getByRole('button', { name: `Decide on: ${summary.slice(0, 80)}` }).waitFor();
    await checkPage(page, 'console-moderation-en', /^Moderation queue - Prossimo$/);
    await expectNoItalian(page);

    await p
      .getByRole('navigation', { name: 'Console menu' })
      .getByRole('link', { name: 'Activity log', exact: true })
      .click();
    await p.getByRole('heading', { level: 1, name: 'Activity log' }).waitFor();
    await p.getByRole('table', { name: 'Recorded activity, newest first' }).waitFor();
    await p.getByLabel('Record', { exact: true }).waitFor();
    await p.getByRole('button', { name: 'Download the CSV' }).waitFor();
    await checkPage(page, 'comune-audit-en', /^Activity log - Prossimo$/);
    await expectNoItalian(page);
  });

  it('a moderator of another territory sees nothing of the Langhe, and no desk', async () => {
    page = await openSignedIn(web, foreignModerator.phone, {
      width: WIDTHS.desktop,
      at: '/moderazione/accreditamenti',
    });
    const p = page.page;
    await p.getByRole('heading', { level: 1, name: 'Accreditamenti' }).waitFor();
    await p.getByText('Nessun elemento.').waitFor();
    await page.goto('/moderazione');
    await p.getByRole('heading', { level: 1, name: 'Coda di moderazione' }).waitFor();
    await p.getByText('Nessun elemento.').waitFor();
    await p.selectOption('#statusFilter', 'PUBLISHED');
    await p.getByRole('button', { name: 'Filtra' }).click();
    await p.getByText('Nessun elemento.').waitFor();
    await expect(p.locator('main').textContent()).resolves.not.toContain(organisationName);
    await page.goto('/sportello');
    await p.getByRole('heading', { level: 1, name: 'Pagina riservata' }).waitFor();
    await checkPage(page, 'console-forbidden', /^Pagina riservata - Prossimo$/);
    await expect(
      p.getByRole('navigation', { name: 'Menu principale' }).getByRole('link', { name: 'Sportello' }).count(),
    ).resolves.toBe(0);
  });

  it('every console page at 360 px: axe, one h1, nothing wider than the screen', async () => {
    page = await openAsComuneStaff(web, langhe);
    const pages: [string, string, RegExp][] = [
      ['/sportello', 'console-desk', /^Sportello: nuova richiesta per una persona - Prossimo$/],
      ['/sportello/da-seguire', 'console-follow-up', /^Richieste da seguire - Prossimo$/],
      ['/moderazione', 'console-moderation', /^Coda di moderazione - Prossimo$/],
      ['/moderazione/accreditamenti', 'console-accreditation', /^Accreditamenti - Prossimo$/],
      ['/indicatori', 'console-indicators', /^Indicatori del territorio - Prossimo$/],
    ];
    await expectPagesFit(page, pages);
  });
});
