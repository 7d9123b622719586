// page.evaluate() callbacks run in the browser.
/// <reference lib="dom" />
import {
  createServiceOffer,
  createTerritory,
  grantRole,
  ok,
  PIEDMONT,
  registerOrganisation,
  rideDriverProfile,
  sharedCarerOffer,
  SignedInUser,
  signUp,
  waitUntil,
} from '../support/fixtures';
import { addDays, todayInRome } from '@prossimo/community';
import { uniquePhone } from '../support/stack';
import {
  checkPage,
  expectNoAxeViolations,
  expectNoOverflow,
  openPage,
  openSignedIn,
  screenshot,
  spacedPhone,
  startWebStackForFile,
  tabTo,
  WebPage,
  WIDTHS,
} from './support/web';
import { acceptProposalAs, postNeedAs, saveVolunteerProfile, startAndComplete } from '../support/engagements';

describe('a Third Sector organisation’s daily work in Chromium: members, offers, requests', () => {
  let langhe: string;
  let admin: SignedInUser;
  let organisationId: string;
  let organisationName: string;
  let moderator: SignedInUser;
  const pages: WebPage[] = [];
  // People are signed up through the api (for its tokens) and then sign in in the browser: a second code at once.
  const web = startWebStackForFile({ env: { OTP_RESEND_INTERVAL_SECONDS: '0' } }, () => pages.splice(0));

  const open = async (width: number) => {
    const page = await openPage(web, width);
    pages.push(page);
    return page;
  };
  /** A page of `width` px signed in through the UI as `user` (openSignedIn), closed after the test. */
  const openSignedInAs = async (user: SignedInUser, width: number) => {
    const page = await openSignedIn(web, user.phone, { width });
    pages.push(page);
    return page;
  };

  beforeAll(async () => {
    const { stack } = web;
    langhe = await createTerritory(stack.dataSource, `ETS Langhe ${Date.now()}`, [
      PIEDMONT.alba,
      PIEDMONT.bra,
    ]);
    admin = await signUp(stack);
    await stack.dataSource.query(`UPDATE users SET display_name = 'Giulia Ferrero' WHERE id = $1`, [
      admin.userId,
    ]);
    ({ organisationId, name: organisationName } = await registerOrganisation(stack, admin, {
      homeComuneIstat: PIEDMONT.alba,
      name: 'Cooperativa Langhe Solidali',
      description: 'Cooperativa sociale: trasporto e compagnia per anziani.',
    }));
    // The Langhe check service offers before they are public.
    moderator = await signUp(stack);
    await grantRole(stack.dataSource, moderator.userId, 'comune_moderator', { territoryId: langhe });
    ok(
      await stack.graphql(
        `mutation ($input: SetModerationModeInput!) { setModerationMode(input: $input) }`,
        { input: { territoryId: langhe, contentType: 'SERVICE_OFFER', mode: 'PRE' } },
        { token: moderator.token },
      ),
    );
    // The accreditation workflow has its own browser journey (console.web-spec.ts): here its outcome.
    await stack.dataSource.query(
      `INSERT INTO organisation_accreditations (organisation_id, territory_id, status, requested_by_user_id)
       VALUES ($1, $2, 'accredited', $3)`,
      [organisationId, langhe, admin.userId],
    );
  });
  /** The Comune approved the offer (the moderation queue has its own journey). */
  async function approveOffer(offerId: string): Promise<void> {
    await web.stack.dataSource.query(
      `UPDATE moderation_items SET status = 'published', needs_review = false
        WHERE content_type = 'service_offer' AND content_id = $1`,
      [offerId],
    );
  }
  /** An offer of the organisation (`input` but its id), created by its admin and approved by the Comune. */
  async function approvedOffer(input: Record<string, unknown>): Promise<string> {
    const { id } = await createServiceOffer(web.stack, admin, { organisationId, ...input });
    await approveOffer(id);
    return id;
  }
  /** A free offer of the organisation in Bra, created by its admin and approved by the Comune. */
  function freeOfferInBra(title: string, category: string, description: string): Promise<string> {
    return approvedOffer({
      title,
      category,
      description,
      area: { comuneIstatCodes: [PIEDMONT.bra] },
      price: { model: 'FREE' },
    });
  }
  /** Whether the public catalogue of Bra lists the offer. */
  async function inBraCatalogue(offerId: string): Promise<boolean> {
    return ok(
      await web.stack.graphql<{ searchServiceOffers: { items: { id: string }[] } }>(
        `query ($filter: ServiceOfferFilter) { searchServiceOffers(filter: $filter, first: 100) { items { id } } }`,
        { filter: { comuneIstat: PIEDMONT.bra } },
      ),
    ).searchServiceOffers.items.some((found) => found.id === offerId);
  }

  it('the admin invites a member by phone, withdraws a wrong number; the member accepts with the keyboard alone', async () => {
    const member = await signUp(web.stack);
    await web.stack.dataSource.query(`UPDATE users SET display_name = 'Marco Olivero' WHERE id = $1`, [
      member.userId,
    ]);
    const wrongNumber = uniquePhone();

    // The manager, at a desk.
    const desk = await openSignedInAs(admin, WIDTHS.desktop);
    const d = desk.page;
    // Signed in, the manager finds the organisation's work in "La mia area" and in the main menu.
    await d
      .getByRole('region', { name: 'Cosa puoi fare' })
      .getByRole('link', { name: 'La mia organizzazione' })
      .waitFor();
    await d
      .getByRole('navigation', { name: 'Menu principale' })
      .getByRole('link', { name: 'Organizzazione' })
      .click();
    await d.getByRole('heading', { level: 2, name: organisationName }).waitFor();
    await d
      .getByRole('navigation', { name: `Il lavoro di ${organisationName}` })
      .getByRole('link', { name: 'Membri e inviti' })
      .click();
    await d.getByRole('heading', { level: 1, name: 'Membri e inviti' }).waitFor();
    await d.getByRole('heading', { level: 3, name: /Giulia Ferrero/ }).waitFor();
    await checkPage(desk, 'ets-members', /^Membri e inviti - Prossimo$/);

    // An empty number: the form's own check, at the field and in the summary.
    await d.getByRole('button', { name: 'Invia l’invito' }).click();
    await d.locator('#invite-phone-error').waitFor();
    await expectNoAxeViolations(desk, 'invite without a number');

    // A wrong number first, then withdrawn; then the member's, as an operator.
    await d.getByLabel('Numero di cellulare').fill(wrongNumber);
    await d.getByRole('button', { name: 'Invia l’invito' }).click();
    await d.getByText(`Invito inviato a ${spacedPhone(wrongNumber)}`).waitFor();
    const pending = d.getByTestId('invitations');
    await pending.getByRole('heading', { level: 3 }).first().waitFor();
    await pending.getByRole('button', { name: 'Ritira l’invito' }).click();
    await d.getByText(/ritirato: non può più essere accettato/).waitFor();
    await d.getByText('Nessun invito in attesa.').waitFor();

    await d.getByLabel('Numero di cellulare').fill(member.phone);
    await d.locator('label[for="invite-role-OPERATOR"]').click();
    await d.getByRole('button', { name: 'Invia l’invito' }).click();
    await d.getByText(`Invito inviato a ${spacedPhone(member.phone)}`).waitFor();
    // The list reloads after the message: wait for the invitation to appear in it.
    await pending.getByRole('heading', { level: 3, name: spacedPhone(member.phone) }).waitFor();
    await expect(pending.getByRole('heading', { level: 3 }).count()).resolves.toBe(1);
    await checkPage(desk, 'ets-members-invited', /^Membri e inviti - Prossimo$/);

    // The member, on a phone, with the keyboard only.
    const phone = await openSignedInAs(member, WIDTHS.phone);
    const p = phone.page;
    await p.getByRole('heading', { level: 2, name: 'Inviti da organizzazioni' }).waitFor();
    await tabTo(phone, /Rispondi in «La mia organizzazione»/);
    await p.keyboard.press('Enter');
    await p.getByRole('heading', { level: 2, name: 'Inviti per te' }).waitFor();
    await p
      .getByRole('heading', { level: 3, name: `${organisationName} ti invita come operatore.` })
      .waitFor();
    await checkPage(phone, 'ets-invitation', /^La mia organizzazione - Prossimo$/);
    await expectNoOverflow(phone);
    await tabTo(phone, /^Accetta l’invito$/);
    await p.keyboard.press('Enter');
    await p.getByText(`Ora fai parte di ${organisationName} come operatore.`).waitFor();
    // The role is theirs at once: the organisation and the console's menu show it.
    await p.getByRole('heading', { level: 2, name: organisationName }).waitFor();
    await p
      .getByRole('navigation', { name: 'Menu della console' })
      .getByRole('link', { name: 'La mia organizzazione' })
      .waitFor();
    await expectNoAxeViolations(phone, 'invitation accepted');
    await screenshot(phone, 'ets-invitation-accepted');

    await tabTo(phone, /^Membri e inviti$/);
    await p.keyboard.press('Enter');
    await p.getByRole('heading', { level: 1, name: 'Membri e inviti' }).waitFor();
    const people = p.getByTestId('members');
    await people.getByRole('heading', { level: 3, name: 'Marco Olivero (tu)' }).waitFor();
    // An operator sees who works there, not their numbers, and no invitations.
    await expect(people.textContent()).resolves.not.toContain(admin.phone.slice(3));
    await expect(p.getByRole('heading', { name: 'Invita una persona' }).count()).resolves.toBe(0);
    await checkPage(phone, 'ets-members-operator', /^Membri e inviti - Prossimo$/);
    await expectNoOverflow(phone);

    // Back at the desk: the member is there, with the role and the number.
    await desk.goto(`/ente/${organisationId}/membri`);
    const listed = d.getByTestId('members');
    await listed.getByRole('heading', { level: 3, name: 'Marco Olivero' }).waitFor();
    await listed.getByText('Operatore').waitFor();
    const roles: { role: string }[] = await web.stack.dataSource.query(
      `SELECT role FROM user_roles WHERE user_id = $1 AND organisation_id = $2`,
      [member.userId, organisationId],
    );
    expect(roles).toEqual([{ role: 'organisation_operator' }]);
    await screenshot(desk, 'ets-members-joined');
  });

  it('an operator changes a published offer (the server’s error at its field), it goes back to the Comune, then pauses and resumes it', async () => {
    const { stack } = web;
    const title = 'Accompagnamento alle visite';
    const offerId = await approvedOffer({
      title,
      category: 'RIDES_AND_ACCOMPANIMENT',
      targetGroups: ['ELDERLY'],
      description: 'Un autista ti accompagna alla visita e aspetta con te.',
      area: { comuneIstatCodes: [PIEDMONT.alba, PIEDMONT.bra] },
      schedule: [{ dayOfWeek: 2, start: '08:30', end: '12:30' }],
      languages: ['it'],
      price: { model: 'FIXED', unit: 'SERVICE', amountCents: 700 },
      vehicle: { seats: 3, wheelchairAccessible: false },
    });
    const operator = await signUp(stack);
    await grantRole(stack.dataSource, operator.userId, 'organisation_operator', { organisationId });
    const inCatalogue = () => inBraCatalogue(offerId);
    expect(await inCatalogue()).toBe(true);

    const phone = await openSignedInAs(operator, WIDTHS.phone);
    const p = phone.page;
    await phone.goto(`/ente/${organisationId}/offerte`);
    const offers = p.getByTestId('offers');
    await offers.getByRole('heading', { level: 2, name: title }).waitFor();
    await offers.getByText('Pubblicata').waitFor();
    await checkPage(phone, 'ets-offers', /^Offerte di servizio - Prossimo$/);
    await expectNoOverflow(phone);

    await offers.getByRole('link', { name: `Modifica «${title}»` }).click();
    await p.getByRole('heading', { level: 1, name: 'Modifica l’offerta' }).waitFor();
    await expect(p.getByLabel('Titolo').inputValue()).resolves.toBe(title);
    await expect(p.getByLabel('Importo in euro').inputValue()).resolves.toBe('7,00');
    await checkPage(phone, 'ets-offer-edit', /^Modifica l’offerta - Prossimo$/);
    await expectNoOverflow(phone);

    // A time slot ending before it starts: the form only checks the format, the api names the field.
    await p.getByLabel('Titolo').fill(`${title} e ritorno`);
    await p.locator('#offer-slot-0-end').fill('08:00');
    await p.getByRole('button', { name: 'Salva le modifiche' }).click();
    await p.locator('#offer-slot-0-end-error').waitFor();
    await expect(p.locator('#offer-slot-0-end').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(p.locator('#offer-slot-0-end-error').textContent()).resolves.toContain(
      'L’orario di fine deve essere dopo l’inizio',
    );
    await expectNoAxeViolations(phone, 'offer edit with a server field error');
    await screenshot(phone, 'ets-offer-edit-error');

    await p.locator('#offer-slot-0-end').fill('13:00');
    await p.getByLabel('Importo in euro').fill('8,50');
    await p.getByRole('button', { name: 'Salva le modifiche' }).click();
    await p.getByText(`Modifiche a «${title} e ritorno» inviate: il Comune le controlla`).waitFor();
    await offers.getByText('In verifica dal Comune').waitFor();
    const [stored]: { title: string; price_cents: number; schedule: unknown }[] =
      await stack.dataSource.query(`SELECT title, price_cents, schedule FROM service_offers WHERE id = $1`, [
        offerId,
      ]);
    expect(stored).toEqual({
      title: `${title} e ritorno`,
      price_cents: 850,
      schedule: [{ dayOfWeek: 2, start: '08:30', end: '13:00' }],
    });
    // Pre-moderated: out of the catalogue until the Comune approves the change.
    expect(await inCatalogue()).toBe(false);
    await approveOffer(offerId);
    expect(await inCatalogue()).toBe(true);

    // Paused for the summer, with the reason; then resumed.
    await phone.goto(`/ente/${organisationId}/offerte`);
    await offers.getByRole('button', { name: `Sospendi «${title} e ritorno»` }).click();
    await p.getByLabel('Perché la sospendi? (facoltativo)').fill('Autisti in ferie fino al 31 agosto');
    await expectNoAxeViolations(phone, 'pausing an offer');
    await p.getByRole('button', { name: 'Sospendi l’offerta' }).click();
    await p.getByText(`Offerta «${title} e ritorno» sospesa`).waitFor();
    await offers.getByText('Sospesa', { exact: true }).waitFor();
    await checkPage(phone, 'ets-offers-paused', /^Offerte di servizio - Prossimo$/);
    expect(await inCatalogue()).toBe(false);
    const [history]: { reason: string }[] = await stack.dataSource.query(
      `SELECT reason FROM status_history WHERE entity_type = 'service_offer' AND entity_id = $1 AND to_status = 'paused'`,
      [offerId],
    );
    expect(history.reason).toBe('Autisti in ferie fino al 31 agosto');

    await offers.getByRole('button', { name: `Riprendi «${title} e ritorno»` }).click();
    await p.getByText(`Offerta «${title} e ritorno» di nuovo attiva.`).waitFor();
    await offers.getByText('Attiva', { exact: true }).waitFor();
    expect(await inCatalogue()).toBe(true);

    // The same form at a desk.
    const desk = await openSignedInAs(operator, WIDTHS.desktop);
    await desk.goto(`/ente/${organisationId}/offerte/${offerId}`);
    await desk.page.getByRole('heading', { level: 2, name: `${title} e ritorno` }).waitFor();
    await checkPage(desk, 'ets-offer-edit', /^Modifica l’offerta - Prossimo$/);
  });

  it('a member accepts a request proposed to the organisation, declines another, carries out the engagement and answers the review; three reports hide it and the moderator restores it', async () => {
    const { stack } = web;
    // Home help in Alba, free, any time: the Comune approved it (the queue has its own journey).
    await approvedOffer({
      title: 'Aiuto in casa',
      category: 'HOME_HELP',
      targetGroups: ['ELDERLY'],
      description: 'Piccole pulizie, spesa e commissioni per chi vive solo.',
      area: { comuneIstatCodes: [PIEDMONT.alba] },
      schedule: [],
      languages: ['it'],
      price: { model: 'FREE' },
    });
    // Two neighbours ask for home help; nobody else does it in Alba, so matching asks the cooperative.
    const [citizen, neighbour] = await Promise.all([signUp(stack), signUp(stack)]);
    const postNeed = async (person: SignedInUser, description: string, fromHours: number) =>
      await postNeedAs(stack, person, {
        category: 'HOME_HELP',
        description,
        location: { lat: 44.7, lon: 8.035 },
        address: 'Via Vittorio Emanuele 12, Alba',
        windowStart: new Date(Date.now() + fromHours * 3600_000).toISOString(),
        windowEnd: new Date(Date.now() + (fromHours + 2) * 3600_000).toISOString(),
        urgency: 'NORMAL',
        language: 'it',
        accessibilityNeeds: [],
      });
    const needId = await postNeed(citizen, 'Mi serve aiuto per riordinare la cucina dopo un trasloco.', 1);
    const otherNeedId = await postNeed(neighbour, 'Spesa settimanale: acqua e latte pesano troppo.', 30);
    const proposedTo = async (need: string) => {
      const rows: unknown[] = await stack.dataSource.query(
        `SELECT 1 FROM match_proposals WHERE need_id = $1 AND organisation_id = $2 AND status = 'pending'`,
        [need, organisationId],
      );
      return rows.length === 1;
    };
    await waitUntil(async () => (await proposedTo(needId)) && (await proposedTo(otherNeedId)));

    const operator = await signUp(stack);
    await grantRole(stack.dataSource, operator.userId, 'organisation_operator', { organisationId });
    const desk = await openSignedInAs(operator, WIDTHS.desktop);
    const d = desk.page;
    // "La mia area" says the organisation has two requests to answer, and its line opens them.
    await desk.goto('/area');
    const toDoLine = d.getByTestId('to-do').getByRole('link', {
      name: `${organisationName}: 2 richieste proposte, da accettare o rifiutare`,
    });
    await toDoLine.waitFor();
    await checkPage(desk, 'ets-my-area-to-do', /^La mia area - Prossimo$/);
    await toDoLine.click();
    await d.getByRole('heading', { level: 1, name: 'Richieste e incarichi' }).waitFor();
    expect(new URL(d.url()).pathname).toBe(`/ente/${organisationId}/richieste`);
    const pending = d.getByTestId('pending-requests');
    await pending.getByText('Mi serve aiuto per riordinare la cucina dopo un trasloco.').waitFor();
    await pending.getByText('Spesa settimanale: acqua e latte pesano troppo.').waitFor();
    await checkPage(desk, 'ets-requests', /^Richieste e incarichi - Prossimo$/);

    // Accept the kitchen, with the keyboard; decline the shopping.
    const kitchen = pending.getByRole('article').filter({ hasText: 'riordinare la cucina' });
    await kitchen.getByRole('button', { name: 'Accetta' }).focus();
    await d.keyboard.press('Enter');
    await d.getByText('Richiesta accettata').waitFor();
    const engagements = d.getByTestId('engagements');
    await engagements.getByText('riordinare la cucina').waitFor();
    await engagements.getByText('Confermato').waitFor();
    // Confirmed: whoever of the organisation goes sees the address.
    await engagements.getByText('Via Vittorio Emanuele 12, Alba').waitFor();
    const shopping = pending.getByRole('article').filter({ hasText: 'Spesa settimanale' });
    await shopping.getByRole('button', { name: 'Rifiuta' }).click();
    await d.getByText('Richiesta rifiutata').waitFor();
    await d.getByTestId('decided-requests').getByText('Rifiutata').waitFor();
    await d.getByText('Nessuna richiesta da decidere.').waitFor();
    const [engagement]: { id: string; status: string }[] = await stack.dataSource.query(
      `SELECT id, status FROM engagements WHERE need_id = $1 AND organisation_id = $2`,
      [needId, organisationId],
    );
    expect(engagement.status).toBe('confirmed');

    // Before the day, the organisation writes to the person through Prossimo (no number given);
    // she gets it by SMS too, signed with the organisation's name.
    const job = engagements.getByRole('article').filter({ hasText: 'riordinare la cucina' });
    await job.getByText('Messaggi con la persona aiutata').click();
    await job.getByText('Ancora nessun messaggio.').waitFor();
    await job.getByLabel('Scrivi un messaggio').fill('Buongiorno, veniamo in due con le scatole.');
    await job.getByRole('button', { name: 'Invia il messaggio' }).click();
    await job.getByRole('status').getByText('Messaggio inviato.').waitFor();
    expect(
      (await job.getByTestId('conversation').locator('li').allInnerTexts()).map((line) =>
        line.replace(/\s+/g, ' ').trim(),
      ),
    ).toEqual([expect.stringMatching(/^Tu · .+ Buongiorno, veniamo in due con le scatole\.$/)]);
    await expectNoAxeViolations(desk, 'the organisation writes to the person helped');
    await stack.gateway.waitFor(() =>
      stack.gateway.messagesTo(citizen.phone).some((sms) => sms.text.includes('veniamo in due')),
    );

    // The day comes: start, then complete with the hours (a wrong number first).
    await job.getByRole('button', { name: 'Inizia' }).click();
    await d.getByText('Incarico iniziato').waitFor();
    await job.getByText('In corso').waitFor();
    await job.getByRole('button', { name: 'Concludi' }).click();
    await job.getByLabel('Quante ore avete dato').fill('30');
    await job.getByRole('button', { name: 'Concludi l’incarico' }).click();
    await job.getByText('Le ore vanno da un quarto d’ora a 24.').first().waitFor();
    await expectNoAxeViolations(desk, 'completing an engagement with wrong hours');
    await job.getByLabel('Quante ore avete dato').fill('1,5');
    await job.getByRole('button', { name: 'Concludi l’incarico' }).click();
    await d.getByText('Incarico concluso: 1,5 ore registrate.').waitFor();
    await job.getByText('Concluso', { exact: true }).waitFor();
    await checkPage(desk, 'ets-requests-done', /^Richieste e incarichi - Prossimo$/);
    const [done]: { status: string; hours_logged: number }[] = await stack.dataSource.query(
      `SELECT status, hours_logged::float8 AS hours_logged FROM engagements WHERE id = $1`,
      [engagement.id],
    );
    expect(done).toEqual({ status: 'completed', hours_logged: 1.5 });

    // The citizen reviews the service; a member answers, publicly.
    const reviewId = ok(
      await stack.graphql<{ writeReview: { id: string } }>(
        `mutation ($input: WriteReviewInput!) { writeReview(input: $input) { id visibility } }`,
        {
          input: {
            engagementId: engagement.id,
            quality: 5,
            priceClarity: 4,
            reliability: 5,
            comment: 'Puntuali e gentilissimi, la cucina è tornata in ordine.',
          },
        },
        { token: citizen.token },
      ),
    ).writeReview.id;
    // Reviews are checked before they are public: the Langhe's moderator approves it.
    ok(
      await stack.graphql(
        `mutation ($input: ModerateContentInput!) { moderateContent(input: $input) { status } }`,
        {
          input: {
            contentType: 'REVIEW',
            contentId: reviewId,
            decision: 'APPROVE',
            reason: 'Recensione corretta',
          },
        },
        { token: moderator.token },
      ),
    );
    const phone = await openSignedInAs(operator, WIDTHS.phone);
    const p = phone.page;
    await phone.goto(`/ente/${organisationId}/richieste`);
    await p.getByTestId('engagements').getByText('Concluso', { exact: true }).waitFor();
    await checkPage(phone, 'ets-requests-done', /^Richieste e incarichi - Prossimo$/);
    await expectNoOverflow(phone);
    await p
      .getByRole('navigation', { name: 'Sezioni dell’organizzazione' })
      .getByRole('link', { name: 'Recensioni' })
      .click();
    const reviews = p.getByTestId('reviews');
    await reviews.getByRole('heading', { level: 2, name: 'Sull’offerta «Aiuto in casa»' }).waitFor();
    await reviews.getByText('«Puntuali e gentilissimi, la cucina è tornata in ordine.»').waitFor();
    await checkPage(phone, 'ets-reviews', /^Recensioni - Prossimo$/);
    await expectNoOverflow(phone);
    await p.getByRole('button', { name: 'Pubblica la risposta' }).click();
    await p.getByText('Scrivi la risposta.').first().waitFor();
    await p.getByLabel('Rispondi pubblicamente').fill('Grazie a lei, alla prossima!');
    await p.getByRole('button', { name: 'Pubblica la risposta' }).click();
    await p.getByText(/Risposta (pubblicata|inviata)/).waitFor();
    await reviews.getByText('Grazie a lei, alla prossima!').waitFor();
    await checkPage(phone, 'ets-reviews-replied', /^Recensioni - Prossimo$/);
    const [answered]: { body: string }[] = await stack.dataSource.query(
      `SELECT r.body FROM review_replies r JOIN reviews v ON v.id = r.review_id WHERE v.engagement_id = $1`,
      [engagement.id],
    );
    expect(answered.body).toBe('Grazie a lei, alla prossima!');

    // Three people report the review (the reportContent the apps call): the third report hides it,
    // and the organisation's page no longer shows it.
    const reporters = await Promise.all(Array.from({ length: 3 }, () => signUp(stack)));
    const reportAs = (person: SignedInUser) =>
      stack.graphql<{ reportContent: { status: string } }>(
        `mutation ($input: ReportContentInput!) { reportContent(input: $input) { status } }`,
        { input: { contentType: 'REVIEW', contentId: reviewId, reason: 'Dati personali nel commento' } },
        { token: person.token },
      );
    expect(ok(await reportAs(reporters[0])).reportContent.status).toBe('PUBLISHED');
    expect(ok(await reportAs(reporters[1])).reportContent.status).toBe('PUBLISHED');
    expect(ok(await reportAs(reporters[2])).reportContent.status).toBe('HIDDEN');
    await p.reload();
    await p.getByRole('heading', { level: 1, name: 'Recensioni' }).waitFor();
    await expect(p.getByText('Puntuali e gentilissimi').count()).resolves.toBe(0);

    // The moderator finds it in the queue, hidden after the reports, and restores it with a reason.
    const moderation = await openSignedInAs(moderator, WIDTHS.desktop);
    const m = moderation.page;
    await moderation.goto('/moderazione');
    await m.getByRole('heading', { level: 1, name: 'Coda di moderazione' }).waitFor();
    const hiddenRow = m.getByRole('listitem').filter({ hasText: 'Puntuali e gentilissimi' });
    await hiddenRow.getByText('Nascosto dopo le segnalazioni').waitFor();
    await expect(hiddenRow.textContent()).resolves.toMatch(/Segnalazioni: 3/);
    await checkPage(moderation, 'console-moderation-hidden-review', /^Coda di moderazione - Prossimo$/);
    await hiddenRow.getByRole('button', { name: /^Decidi su: / }).click();
    // The styled radio's label takes the click, as a person's would.
    await m.locator('label', { hasText: /^Ripristina$/ }).click();
    await expect(m.getByLabel('Ripristina').isChecked()).resolves.toBe(true);
    await m.getByLabel('Motivo', { exact: true }).fill('Il commento non contiene dati personali.');
    await expectNoAxeViolations(moderation, 'restoring a hidden review');
    await screenshot(moderation, 'console-moderation-restore');
    await m.getByRole('button', { name: 'Conferma' }).click();
    await m.getByText('Decisione registrata: Ripristina.').waitFor();
    const [restored]: { status: string }[] = await stack.dataSource.query(
      `SELECT status FROM reviews WHERE id = $1`,
      [reviewId],
    );
    expect(restored.status).toBe('published');
    await p.reload();
    await reviews.getByText('«Puntuali e gentilissimi, la cucina è tornata in ordine.»').waitFor();
  }, 300_000); // four people and a moderator, each signing in: minutes on a loaded machine

  it('the admin publishes a call for volunteers and accepts one who answered; a member sees each household’s quote of a shared carer', async () => {
    const { stack } = web;
    const desk = await openSignedInAs(admin, WIDTHS.desktop);
    const d = desk.page;
    await desk.goto(`/ente/${organisationId}/chiamate`);
    await d.getByRole('heading', { level: 1, name: 'Chiamate ai volontari' }).waitFor();
    await checkPage(desk, 'ets-calls', /^Chiamate ai volontari - Prossimo$/);
    // The form's own checks first, at their fields.
    await d.getByRole('button', { name: 'Pubblica la chiamata' }).click();
    await d.locator('#call-title-error').waitFor();
    await d.locator('#call-wanted-error').waitFor();
    await expectNoAxeViolations(desk, 'call form with errors');
    const title = 'Pacchi alimentari del sabato';
    await d.getByLabel('Titolo').fill(title);
    await d
      .getByLabel('Cosa faranno i volontari')
      .fill('Preparare e consegnare i pacchi alle famiglie, dalle 9 alle 12.');
    await d.locator(`label[for="call-comuni-${PIEDMONT.alba}"]`).click();
    await d.locator('label[for="call-categories-SHOPPING_AND_DELIVERY"]').click();
    await d.getByLabel('Quanti volontari cercate').fill('2');
    await d.getByRole('button', { name: 'Pubblica la chiamata' }).click();
    await d.getByText(`Chiamata «${title}» inviata`).waitFor();
    const calls = d.getByTestId('calls');
    await calls.getByRole('heading', { level: 3, name: title }).waitFor();
    await calls.getByText('Volontari accettati: 0 su 2').waitFor();
    const [call]: { id: string }[] = await stack.dataSource.query(
      `SELECT id FROM calls_to_action WHERE organisation_id = $1 AND title = $2`,
      [organisationId, title],
    );

    // A volunteer of Alba answers it.
    const volunteer = await signUp(stack);
    await saveVolunteerProfile(
      stack,
      volunteer,
      rideDriverProfile('Elena Cravero', { lat: 44.7, lon: 8.035 }),
    );
    ok(
      await stack.graphql(
        `mutation ($id: ID!) { answerCallToAction(input: { callId: $id, message: "Ci sono tutti i sabati" }) { id } }`,
        { id: call.id },
        { token: volunteer.token },
      ),
    );
    // "La mia area" tells the admin an answer waits, and its line opens the calls.
    await desk.goto('/area');
    await d
      .getByTestId('to-do')
      .getByRole('link', { name: `${organisationName}: 1 risposta a una chiamata, da valutare` })
      .click();
    await d.getByRole('heading', { level: 1, name: 'Chiamate ai volontari' }).waitFor();
    expect(new URL(d.url()).pathname).toBe(`/ente/${organisationId}/chiamate`);
    await calls.getByText('1 risposta da valutare').waitFor();
    await calls.getByRole('button', { name: 'Vedi le risposte' }).click();
    await calls.getByRole('heading', { level: 4, name: /Elena Cravero/ }).waitFor();
    await calls.getByText('«Ci sono tutti i sabati»').waitFor();
    await expectNoAxeViolations(desk, 'a call’s answers');
    await calls.getByRole('button', { name: 'Accetta', exact: true }).click();
    await d.getByText('Risposta di Elena Cravero accettata').waitFor();
    await calls.getByText('Volontari accettati: 1 su 2').waitFor();
    await checkPage(desk, 'ets-calls-answered', /^Chiamate ai volontari - Prossimo$/);
    const [answer]: { status: string }[] = await stack.dataSource.query(
      `SELECT status FROM call_answers WHERE call_id = $1`,
      [call.id],
    );
    expect(answer.status).toBe('accepted');

    // A carer shared by neighbours, cheaper each when more share; two households of Alba ask for
    // the same mornings (the group needs at least four hours a week in common).
    await approvedOffer(sharedCarerOffer(organisationId, PIEDMONT.alba, [1200, 800, 600]));
    const mornings = [1, 2, 3, 4, 5].map((dayOfWeek) => ({ dayOfWeek, start: '09:00', end: '12:00' }));
    const households = await Promise.all([signUp(stack), signUp(stack)]);
    const needIds: string[] = [];
    for (const [index, household] of households.entries()) {
      const posted = ok<{ postNeed: { id: string } }>(
        await stack.graphql(
          `mutation ($input: PostNeedInput!) { postNeed(input: $input) { id } }`,
          {
            input: {
              category: 'SHARED_CAREGIVER',
              description: 'Badante per la mattina, anche condivisa con i vicini.',
              location: { lat: 44.7 + index * 0.001, lon: 8.035 },
              windowStart: new Date(Date.now() + 86_400_000).toISOString(),
              windowEnd: new Date(Date.now() + 90 * 86_400_000).toISOString(),
              urgency: 'NORMAL',
              language: 'it',
              accessibilityNeeds: [],
              details: {
                sharedCaregiver: { weeklyHours: 10, weeklySchedule: mornings, willingToShare: true },
              },
            },
          },
          { token: household.token },
        ),
      );
      needIds.push(posted.postNeed.id);
    }
    await waitUntil(async () => {
      const [group]: { households: number }[] = await stack.dataSource.query(
        `SELECT count(m.*)::int AS households FROM care_groups g JOIN care_group_members m ON m.group_id = g.id
          WHERE g.organisation_id = $1 GROUP BY g.id`,
        [organisationId],
      );
      return group?.households === 2;
    });
    const member = await signUp(stack);
    await grantRole(stack.dataSource, member.userId, 'organisation_operator', { organisationId });
    const phone = await openSignedInAs(member, WIDTHS.phone);
    const p = phone.page;
    await phone.goto(`/ente/${organisationId}/badanti-condivise`);
    const groups = p.getByTestId('care-groups');
    await groups.getByRole('heading', { level: 2, name: 'Badante di condominio a Alba' }).waitFor();
    const quotes = groups.getByRole('table', { name: 'Quote delle famiglie: Badante di condominio a Alba' });
    // Two households: 8 € an hour each for 10 hours a week, against 12 € alone.
    await expect(quotes.getByRole('row').count()).resolves.toBe(3);
    await quotes
      .getByRole('row', { name: /Famiglia 1/ })
      .getByText('80,00 €')
      .waitFor();
    await quotes
      .getByRole('row', { name: /Famiglia 1/ })
      .getByText('120,00 €')
      .waitFor();
    await groups.getByText('Manca la conferma di 2 famiglie').waitFor();
    await quotes
      .getByRole('row', { name: /Famiglia 1/ })
      .getByText(/^Deve confermare · nel gruppo dal /)
      .waitFor();
    await checkPage(phone, 'ets-care-groups', /^Badanti condivise - Prossimo$/);
    await expectNoOverflow(phone);

    // The first household accepts its quote: one confirmation missing, the day it confirmed.
    const [group]: { id: string }[] = await stack.dataSource.query(
      `SELECT id FROM care_groups WHERE organisation_id = $1`,
      [organisationId],
    );
    ok(
      await stack.graphql(
        `mutation ($input: CareGroupMemberInput!) { confirmCareGroup(input: $input) { status } }`,
        { input: { groupId: group.id, needId: needIds[0] } },
        { token: households[0].token },
      ),
    );
    await phone.goto(`/ente/${organisationId}/badanti-condivise`);
    await groups.getByText('Manca la conferma di 1 famiglia').waitFor();
    await groups.getByText(/^Ha confermato il /).waitFor();
    // Filtered by state, in the address: none started yet; the proposed one is there.
    await p.getByLabel('Quali gruppi').selectOption('CONFIRMED');
    await p.getByText('Nessun gruppo in questo stato.').waitFor();
    expect(new URL(p.url()).searchParams.get('stato')).toBe('CONFIRMED');
    await expectNoAxeViolations(phone, 'care groups filtered to none');
    await p.getByLabel('Quali gruppi').selectOption('PROPOSED');
    await groups.getByRole('heading', { level: 2, name: 'Badante di condominio a Alba' }).waitFor();
    await phone.goto(`/ente/${organisationId}/badanti-condivise?stato=PROPOSED`);
    await expect(p.getByLabel('Quali gruppi').inputValue()).resolves.toBe('PROPOSED');
    await groups.getByRole('heading', { level: 2, name: 'Badante di condominio a Alba' }).waitFor();
    await checkPage(phone, 'ets-care-groups-proposed', /^Badanti condivise - Prossimo$/);
    // An operator sees the calls but not who answered.
    await phone.goto(`/ente/${organisationId}/chiamate`);
    await p.getByTestId('calls').getByRole('heading', { level: 3, name: title }).waitFor();
    await expect(p.getByRole('button', { name: 'Vedi le risposte' }).count()).resolves.toBe(0);
    await checkPage(phone, 'ets-calls-operator', /^Chiamate ai volontari - Prossimo$/);
    await expectNoOverflow(phone);
  });

  it('the admin closes a call after a warning (the waiting volunteer is told, a late answer is refused) and archives an offer for good', async () => {
    const { stack } = web;
    const title = 'Castagnata in piazza';
    const callId = ok(
      await stack.graphql<{ publishCallToAction: { id: string } }>(
        `mutation ($input: PublishCallToActionInput!) { publishCallToAction(input: $input) { id } }`,
        {
          input: {
            organisationId,
            title,
            description: 'Servono mani per cuocere e distribuire le castagne.',
            comuneIstats: [PIEDMONT.bra],
            volunteersWanted: 4,
            // One day: said as "Il …", not "Dal … al …" the same day.
            startsOn: addDays(todayInRome(), 7),
            endsOn: addDays(todayInRome(), 7),
          },
        },
        { token: admin.token },
      ),
    ).publishCallToAction.id;
    const answerAs = async (name: string, lat: number) => {
      const user = await signUp(stack);
      await saveVolunteerProfile(stack, user, rideDriverProfile(name, { lat, lon: 7.855 }));
      return {
        user,
        answer: await stack.graphql(
          `mutation ($id: ID!) { answerCallToAction(input: { callId: $id }) { id } }`,
          { id: callId },
          { token: user.token },
        ),
      };
    };
    const waiting = await answerAs('Paolo Giraudo', 44.697);
    ok(waiting.answer);

    // A second admin of the organisation (the first one's number has had its sign-in codes for now).
    const closer = await signUp(stack);
    await grantRole(stack.dataSource, closer.userId, 'organisation_admin', { organisationId });
    const desk = await openSignedInAs(closer, WIDTHS.desktop);
    const d = desk.page;
    await desk.goto(`/ente/${organisationId}/chiamate`);
    const calls = d.getByTestId('calls');
    const item = calls.getByRole('article', { name: title });
    await item.getByText('Aperta', { exact: true }).waitFor();
    await item.getByText(/^Bra · Il \d{1,2} [a-z]+ \d{4}$/).waitFor();
    // The warning first; cancelling changes nothing.
    await item.getByRole('button', { name: `Chiudi la chiamata «${title}»` }).click();
    const confirm = d.getByRole('form', { name: `Chiudi la chiamata «${title}»` });
    await confirm.getByText(/non accoglie più risposte e non si può riaprire/).waitFor();
    await expectNoAxeViolations(desk, 'closing a call');
    await screenshot(desk, 'ets-call-close-confirm');
    await confirm.getByRole('button', { name: 'Annulla' }).click();
    await item.getByRole('button', { name: `Chiudi la chiamata «${title}»` }).click();
    await d.getByLabel('Perché la chiudete (facoltativo)').fill('Abbiamo abbastanza volontari');
    await d.getByRole('button', { name: 'Sì, chiudi la chiamata' }).click();
    await item.getByText(`Chiamata «${title}» chiusa: non accoglie più risposte.`).waitFor();
    await item.getByText('Chiusa', { exact: true }).waitFor();
    await item.getByText(/^Chiusa il /).waitFor();
    await expect(item.getByRole('button', { name: /Chiudi la chiamata/ }).count()).resolves.toBe(0);
    await checkPage(desk, 'ets-calls-closed', /^Chiamate ai volontari - Prossimo$/);

    // The answer already in stays, to decide; the volunteer who waits is told; a late one is refused.
    await item.getByRole('button', { name: 'Vedi le risposte' }).click();
    await item.getByRole('heading', { level: 4, name: /Paolo Giraudo/ }).waitFor();
    await item.getByText('Da decidere').waitFor();
    const told: { event: string }[] = await stack.dataSource.query(
      `SELECT DISTINCT event FROM notifications WHERE user_id = $1 AND ref = $2`,
      [waiting.user.userId, `call:${callId}`],
    );
    expect(told).toEqual([{ event: 'call_closed' }]);
    const late = await answerAs('Rita Bonino', 44.698);
    expect(late.answer.errors?.[0]?.extensions?.code).toBe('CALL_CLOSED');
    const [closed]: { closed_by_user_id: string }[] = await stack.dataSource.query(
      `SELECT closed_by_user_id FROM calls_to_action WHERE id = $1 AND status = 'closed'`,
      [callId],
    );
    expect(closed.closed_by_user_id).toBe(closer.userId);

    // An offer archived for good: out of the list of active offers and of the public catalogue.
    const offerTitle = 'Spesa a domicilio del giovedì';
    const offerId = await freeOfferInBra(
      offerTitle,
      'SHOPPING_AND_DELIVERY',
      'Facciamo la spesa e la portiamo a casa.',
    );
    const inCatalogue = () => inBraCatalogue(offerId);
    expect(await inCatalogue()).toBe(true);
    const visitor = await open(WIDTHS.phone);
    await visitor.goto(`/servizi/${offerId}`);
    await visitor.page.getByRole('heading', { level: 1, name: offerTitle }).waitFor();

    await desk.goto(`/ente/${organisationId}/offerte`);
    const offers = d.getByTestId('offers');
    await offers.getByRole('heading', { level: 2, name: offerTitle }).waitFor();
    await offers.getByRole('button', { name: `Archivia «${offerTitle}»` }).click();
    const archiving = d.getByRole('form', { name: `Archivia «${offerTitle}»` });
    await archiving.getByText(/esce per sempre dal catalogo/).waitFor();
    await d.getByLabel('Perché la archivi? (facoltativo)').fill('Il servizio non esiste più');
    await expectNoAxeViolations(desk, 'archiving an offer');
    await screenshot(desk, 'ets-offer-archive-confirm');
    await archiving.getByRole('button', { name: 'Archivia l’offerta' }).click();
    await d.getByText(`Offerta «${offerTitle}» archiviata: non compare più nel catalogo.`).waitFor();
    await offers.getByRole('heading', { level: 2, name: offerTitle }).waitFor({ state: 'detached' });
    await checkPage(desk, 'ets-offers-archived', /^Offerte di servizio - Prossimo$/);
    expect(await inCatalogue()).toBe(false);
    await visitor.goto(`/servizi/${offerId}`);
    await visitor.page
      .getByRole('heading', { name: 'Questo servizio non esiste o non è più disponibile.' })
      .waitFor();
    const [archived]: { status: string; reason: string }[] = await stack.dataSource.query(
      `SELECT o.status, h.reason FROM service_offers o
         JOIN status_history h ON h.entity_type = 'service_offer' AND h.entity_id = o.id AND h.to_status = 'archived'
        WHERE o.id = $1`,
      [offerId],
    );
    expect(archived).toEqual({ status: 'archived', reason: 'Il servizio non esiste più' });
  });

  it('on a public offer page with three reviews, a signed-in citizen reports one by its name; a visitor is asked to sign in', async () => {
    const { stack } = web;
    // Help with the phone in Bra: the organisation is the only one doing it there.
    const offerTitle = 'Aiuto con lo smartphone';
    const offerId = await freeOfferInBra(
      offerTitle,
      'DIGITAL_HELP',
      'Ti aiutiamo con messaggi, videochiamate e app del Comune.',
    );
    /** A citizen asks, the organisation is proposed and serves them, the citizen reviews, the Comune approves. */
    const servedAndReviewed = async (stars: number, comment: string) => {
      const citizen = await signUp(stack);
      const needId = await postNeedAs(stack, citizen, {
        category: 'DIGITAL_HELP',
        description: 'Vorrei imparare a fare le videochiamate con i nipoti.',
        location: { lat: 44.697, lon: 7.855 },
        windowStart: new Date(Date.now() + 3600_000).toISOString(),
        windowEnd: new Date(Date.now() + 3 * 3600_000).toISOString(),
        urgency: 'NORMAL',
        language: 'it',
        accessibilityNeeds: [],
      });
      let proposalId = '';
      await waitUntil(async () => {
        const rows: { id: string }[] = await stack.dataSource.query(
          `SELECT id FROM match_proposals WHERE need_id = $1 AND organisation_id = $2 AND status = 'pending'`,
          [needId, organisationId],
        );
        proposalId = rows[0]?.id ?? '';
        return rows.length === 1;
      });
      const engagementId = (await acceptProposalAs(stack, admin, proposalId)).id;
      await startAndComplete(stack, admin, engagementId, 1);
      const reviewId = ok(
        await stack.graphql<{ writeReview: { id: string } }>(
          `mutation ($input: WriteReviewInput!) { writeReview(input: $input) { id } }`,
          { input: { engagementId, quality: stars, priceClarity: stars, reliability: stars, comment } },
          { token: citizen.token },
        ),
      ).writeReview.id;
      ok(
        await stack.graphql(
          `mutation ($input: ModerateContentInput!) { moderateContent(input: $input) { status } }`,
          { input: { contentType: 'REVIEW', contentId: reviewId, decision: 'APPROVE', reason: 'Corretta' } },
          { token: moderator.token },
        ),
      );
      return reviewId;
    };
    await servedAndReviewed(5, 'Pazienti e chiari, ora chiamo i nipoti da sola.');
    const reported = await servedAndReviewed(4, 'Bravi, ma chiamate il 333 1234567 per prenotare.');
    await servedAndReviewed(5, 'Gentilissimi.');
    await waitUntil(async () => {
      const reputation = ok(
        await stack.graphql<{ reputation: { shown: boolean } }>(
          `query ($id: ID!) { reputation(subjectId: $id, subjectType: OFFER) { shown } }`,
          { id: offerId },
        ),
      ).reputation;
      return reputation.shown;
    });

    // A visitor who is not signed in: each review's link says which one and leads to sign-in.
    const visitor = await open(WIDTHS.phone);
    const v = visitor.page;
    await visitor.goto(`/servizi/${offerId}`);
    await v.getByRole('heading', { level: 1, name: offerTitle }).waitFor();
    await v.getByText(/Valutazione media 4,7 su 5 \(3 recensioni\)/).waitFor();
    const asVisitor = v.getByRole('link', {
      name: /^Segnala questa recensione: 4\/5 del .*«Bravi, ma chiamate il 333 1234567 per pr…» \(ti chiederemo di accedere\)$/,
    });
    await expect(v.getByRole('link', { name: /^Segnala questa recensione/ }).count()).resolves.toBe(3);
    await checkPage(visitor, 'offer-reviews', new RegExp(`^${offerTitle} - Prossimo$`));
    await expectNoOverflow(visitor);
    await asVisitor.click();
    await v.waitForURL(`**/accedi?dopo=${encodeURIComponent(`/servizi/${offerId}`)}`);
    await expect(v.getByRole('alert').count()).resolves.toBe(0);

    // A signed-in citizen, at a desk: the button names the review; the reason is asked for.
    const reporter = await signUp(stack);
    const desk = await openSignedInAs(reporter, WIDTHS.desktop);
    const d = desk.page;
    await desk.goto(`/servizi/${offerId}`);
    const button = d.getByRole('button', {
      name: /^Segnala questa recensione: 4\/5 del .*«Bravi, ma chiamate il 333 1234567 per pr…»$/,
    });
    await expect(d.getByRole('button', { name: /^Segnala questa recensione/ }).count()).resolves.toBe(3);
    await button.click();
    const form = d.getByRole('form', { name: /^Segnala questa recensione: 4\/5/ });
    await form.getByRole('button', { name: 'Invia la segnalazione' }).click();
    await d.getByText('Scrivi perché la segnali.').first().waitFor();
    await expectNoAxeViolations(desk, 'reporting a review without a reason');
    await form.getByLabel('Perché la segnali?').fill('Contiene un numero di telefono');
    await screenshot(desk, 'offer-review-report');
    await form.getByRole('button', { name: 'Invia la segnalazione' }).click();
    await d
      .getByRole('status')
      .filter({ hasText: 'Grazie: la segnalazione è arrivata al Comune, che controllerà la recensione.' })
      .waitFor();
    await expect(button.count()).resolves.toBe(0);
    await checkPage(desk, 'offer-review-reported', new RegExp(`^${offerTitle} - Prossimo$`));
    const reports: { reporter_user_id: string; reason: string }[] = await stack.dataSource.query(
      `SELECT reporter_user_id, reason FROM content_reports WHERE content_type = 'review' AND content_id = $1`,
      [reported],
    );
    expect(reports).toEqual([
      { reporter_user_id: reporter.userId, reason: 'Contiene un numero di telefono' },
    ]);
  });
});
