// page.evaluate() callbacks run in the browser.
/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import {
  createTerritory,
  grantRole,
  ok,
  PIEDMONT,
  rideDriverProfile,
  SignedInUser,
  signUp,
  signUpWithRoles,
  waitUntil,
} from '../support/fixtures';
import {
  checkPage,
  expectFieldError,
  expectNoAxeViolations,
  expectPagesFit,
  followConsoleMenu,
  MANY_SIGN_INS,
  openAsComuneStaff,
  openSignedIn,
  romeDay,
  screenshot,
  spacedPhone,
  startWebStackForFile,
  tabTo,
  tabToId,
  WebPage,
  WIDTHS,
} from './support/web';
import { becomeDrivers, eastOf, Place, postNeedAs, rideInput } from '../support/rides';
import { parseCsvRecords } from '../support/csv';
import { saveVolunteerProfile } from '../support/engagements';

const ALBA = { lat: 44.7, lon: 8.035 };

/** A CSV number as the page writes it (Italian: decimal comma, at most one decimal). */
function formatItalian(value: string): string {
  return new Intl.NumberFormat('it-IT', { maximumFractionDigits: 1 }).format(Number(value));
}

describe('the Comune moderator’s and operator’s pages in Chromium: audit, settings, batch assignment', () => {
  let langhe: string;
  let novarese: string;
  let operator: SignedInUser;
  let moderator: SignedInUser;
  let foreignModerator: SignedInUser;
  let page: WebPage | undefined;
  // The plan page the batch test published, for the check at 360 px.
  let batchRunPath = '/sportello/assegnazione';
  const web = startWebStackForFile(
    // One proposal per need online, so that the batch has someone new to ask; the moderator signs
    // in once per journey: no SMS limit in the way.
    { env: { ...MANY_SIGN_INS, MATCHING_PROPOSALS_PER_NEED: '1' } },
    () => [page],
  );

  /** A desktop page of `user`, signed in, at `start`, then at the console menu's `link` (its h1 loaded). */
  async function openFromConsoleMenu(
    user: SignedInUser,
    start: string,
    link: string,
    heading: string,
  ): Promise<WebPage> {
    const opened = await openSignedIn(web, user.phone, { width: WIDTHS.desktop, at: start });
    await followConsoleMenu(opened, link, heading);
    return opened;
  }
  /** The moderator's audit trail, from the moderation console's menu. */
  const openAuditTrail = () =>
    openFromConsoleMenu(moderator, '/moderazione', 'Registro attività', 'Registro delle attività');

  beforeAll(async () => {
    const { stack } = web;
    langhe = await createTerritory(stack.dataSource, `Comune Langhe ${Date.now()}`, [
      PIEDMONT.alba,
      PIEDMONT.bra,
    ]);
    novarese = await createTerritory(stack.dataSource, `Comune Novarese ${Date.now()}`, [PIEDMONT.novara]);
    [operator, moderator, foreignModerator] = await signUpWithRoles(stack, [
      { role: 'comune_operator', territoryId: langhe },
      { role: 'comune_moderator', territoryId: langhe },
      { role: 'comune_moderator', territoryId: novarese },
    ]);
    await stack.dataSource.query(`UPDATE users SET display_name = 'Marta Rinaldi' WHERE id = $1`, [
      moderator.userId,
    ]);

    // The Langhe's log: thirty reads of people at the desk, one a day from 2 to 31 March 2024,
    // by the operator (more than a page), a search on 31 March; the Novarese's own entry, which the Langhe never see.
    await stack.dataSource.query(
      `INSERT INTO audit_log (actor_user_id, action, entity_type, entity_id, territory_id, details, created_at)
       SELECT $1, 'desk.person_read', 'beneficiary', gen_random_uuid(), $2, '{}',
              timestamptz '2024-03-01T09:00:00Z' + n * interval '1 day'
         FROM generate_series(1, 30) AS n`,
      [operator.userId, langhe],
    );
    await stack.dataSource.query(
      `INSERT INTO audit_log (actor_user_id, action, entity_type, entity_id, territory_id, details, created_at) VALUES
         ($1, 'desk.person_searched', 'territory', $2, $2, '{"by":"phone"}', '2024-03-31T10:00:00Z'),
         ($3, 'desk.person_searched', 'territory', $4, $4, '{"by":"name"}', '2024-03-31T11:00:00Z')`,
      [operator.userId, langhe, foreignModerator.userId, novarese],
    );
    // And a setting changed today through the api, by the moderator.
    ok(
      await stack.graphql(
        `mutation ($input: SetModerationModeInput!) { setModerationMode(input: $input) }`,
        { input: { territoryId: langhe, contentType: 'REVIEW', mode: 'POST' } },
        { token: moderator.token },
      ),
    );
  });

  it('the moderator reads the audit trail, pages it with “Mostra altri” and filters by who, what and when', async () => {
    page = await openAuditTrail();
    const p = page.page;
    const table = p.getByRole('table', { name: 'Attività registrate, dalla più recente' });
    await table.waitFor();
    await checkPage(page, 'comune-audit', /^Registro delle attività - Prossimo$/);
    // Newest first: the moderator's change of today, by name and role.
    const firstRow = table.locator('tbody tr').first();
    await expect(firstRow.textContent()).resolves.toMatch(
      /Marta Rinaldi.*Moderatore.*Modo di moderazione cambiato/,
    );
    await expect(table.locator('tbody tr').count()).resolves.toBe(20);
    await expect(table.textContent()).resolves.toContain(spacedPhone(operator.phone));
    const [{ entries }]: { entries: number }[] = await web.stack.dataSource.query(
      `SELECT count(*)::int AS entries FROM audit_log WHERE territory_id = $1`,
      [langhe],
    );
    expect(entries).toBeGreaterThan(20);
    expect(entries).toBeLessThanOrEqual(40);
    // With the keyboard: Tab to “Mostra altri” and press Enter.
    await tabTo(page, /^Mostra altri$/);
    await p.keyboard.press('Enter');
    await p.waitForFunction((count) => document.querySelectorAll('table tbody tr').length === count, entries);
    await expect(p.getByRole('button', { name: 'Mostra altri' }).count()).resolves.toBe(0);
    await expect(p.locator('main').textContent()).resolves.not.toContain('"by":"name"');

    // A period the wrong way round: the error at its field and in the summary.
    await p.getByLabel('Dal giorno', { exact: true }).fill('2024-04-01');
    await p.getByLabel('Al giorno', { exact: true }).fill('2024-03-31');
    await p.getByRole('button', { name: 'Filtra' }).click();
    await p.locator('.error-summary').waitFor();
    await expectFieldError(page, 'auditTo');
    await expectNoAxeViolations(page, 'audit filter with an error');
    await screenshot(page, 'comune-audit-error');

    // The operator's reads of personal data on 31 March 2024 (Rome), from the “who” and “what” lists.
    await p
      .getByLabel('Chi', { exact: true })
      .selectOption({ label: `${spacedPhone(operator.phone)} (Operatore)` });
    await p.getByLabel('Cosa', { exact: true }).selectOption({ label: 'Letture di dati personali' });
    await p.getByLabel('Dal giorno', { exact: true }).fill('2024-03-31');
    await p.getByLabel('Al giorno', { exact: true }).fill('2024-03-31');
    await p.getByRole('button', { name: 'Filtra' }).click();
    const filtered = p.getByRole('table', {
      name: 'Attività registrate con i filtri scelti, dalla più recente',
    });
    await filtered.waitFor();
    await p.waitForFunction(() => document.querySelectorAll('table tbody tr').length === 2);
    await expect(filtered.textContent()).resolves.toMatch(/Ricerca di una persona allo sportello.*by: phone/);
    await expect(filtered.textContent()).resolves.toMatch(/Apertura della scheda di una persona/);
    await expect(p.locator('.error-summary').count()).resolves.toBe(0);
    await expectNoAxeViolations(page, 'audit filtered');
    await screenshot(page, 'comune-audit-filtered');
    await p.getByRole('button', { name: 'Togli i filtri' }).click();
    await p.getByRole('table', { name: 'Attività registrate, dalla più recente' }).waitFor();
  });

  it('the moderator filters the audit trail by one record and downloads it as CSV: the file holds the rows shown', async () => {
    page = await openAuditTrail();
    const p = page.page;
    await p.getByRole('table', { name: 'Attività registrate, dalla più recente' }).waitFor();
    // A code that is not a record's: refused at its field, nothing asked of the api.
    await p.getByLabel('Scheda', { exact: true }).fill('non-un-codice');
    await p.getByRole('button', { name: 'Filtra' }).click();
    await expectFieldError(page, 'auditRecord');

    // The territory's own record (the searches at the desk, today's change of mode), typed with the keyboard.
    await p.getByLabel('Scheda', { exact: true }).fill('');
    await p.getByLabel('Scheda', { exact: true }).focus();
    await p.keyboard.type(langhe.toUpperCase());
    await p.keyboard.press('Enter');
    const filtered = p.getByRole('table', {
      name: 'Attività registrate con i filtri scelti, dalla più recente',
    });
    await filtered.waitFor();
    const expected: { id: string; action: string }[] = await web.stack.dataSource.query(
      `SELECT id::text, action FROM audit_log WHERE territory_id = $1 AND entity_id = $1 ORDER BY id DESC`,
      [langhe],
    );
    expect(expected.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['moderation.mode_set', 'desk.person_searched']),
    );
    await p.waitForFunction(
      (count) => document.querySelectorAll('table tbody tr').length === count,
      expected.length,
    );
    const shown = await filtered.locator('tbody tr').allTextContents();
    await expect(p.locator('.error-summary').count()).resolves.toBe(0);
    await expectNoAxeViolations(page, 'audit filtered by a record');
    await screenshot(page, 'comune-audit-record');

    // The CSV of the same filter, with the keyboard: the rows shown, in the same order, and the export audited.
    await tabTo(page, /^Scarica il CSV$/);
    const download = p.waitForEvent('download');
    await p.keyboard.press('Enter');
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^registro-attivita-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = parseCsvRecords(readFileSync((await file.path()) as string, 'utf8'));
    expect(rows.map((row) => row.id)).toEqual(expected.map((entry) => entry.id));
    expect(rows.every((row) => row.entity_id === langhe)).toBe(true);
    const labels: Record<string, RegExp> = {
      'moderation.mode_set': /Marta Rinaldi.*Moderatore.*Modo di moderazione cambiato/,
      'desk.person_searched': new RegExp(
        `${spacedPhone(operator.phone).replace(/\+/g, '\\+')}.*Ricerca di una persona allo sportello.*by: phone`,
      ),
    };
    rows.forEach((row, index) => expect(shown[index]).toMatch(labels[row.action]));
    await p.getByText(/^Scaricato registro-attivita-.*: \d+ righe?\.$/).waitFor();
    await expect(p.locator('main').textContent()).resolves.not.toContain('"by":"name"');
    const [exported]: { details: Record<string, unknown> }[] = await web.stack.dataSource.query(
      `SELECT details FROM audit_log WHERE action = 'audit.exported' AND actor_user_id = $1`,
      [moderator.userId],
    );
    expect(exported.details).toMatchObject({ rows: rows.length, entityId: langhe });
    await expectNoAxeViolations(page, 'audit downloaded');
    await screenshot(page, 'comune-audit-downloaded');
  });

  it('the moderator changes the territory’s settings with the keyboard alone; the server’s field error shows at its field', async () => {
    page = await openFromConsoleMenu(
      moderator,
      '/moderazione',
      'Impostazioni',
      'Impostazioni del territorio',
    );
    const p = page.page;
    await p.getByRole('group', { name: /^Recensione/ }).waitFor();
    await checkPage(page, 'comune-settings', /^Impostazioni del territorio - Prossimo$/);
    // Reviews were set to POST (chosen); service offers follow the default.
    await expect(p.locator('#mode-REVIEW-POST').isChecked()).resolves.toBe(true);
    await expect(p.getByRole('group', { name: /^Offerta di servizio/ }).textContent()).resolves.toContain(
      '(impostazione predefinita)',
    );
    await expect(p.locator('#mode-SERVICE_OFFER-POST').isChecked()).resolves.toBe(true);
    // A screen reader reads each matching checkbox with the hint under it.
    for (const [name, hint] of [
      [/^Il cittadino conferma/, /^Dopo che un volontario/],
      [/^Ogni sera assegna in blocco/, /^Il sistema assegna insieme/],
    ] as const) {
      const hintId = await p.getByRole('checkbox', { name }).getAttribute('aria-describedby');
      await expect(p.locator(`[id="${hintId}"]`).textContent()).resolves.toMatch(hint);
    }

    // Keyboard only: service offers checked before publishing, the evening batch on, a wrong desk number.
    await tabToId(page, /^mode-SERVICE_OFFER-/);
    await p.keyboard.press('ArrowUp');
    await expect(p.locator('#mode-SERVICE_OFFER-PRE').isChecked()).resolves.toBe(true);
    await tabTo(page, /Ogni sera assegna in blocco/);
    await p.keyboard.press('Space');
    await tabTo(page, /Numero dello sportello/);
    await p.keyboard.type('12');
    await tabTo(page, /^Salva le impostazioni$/);
    await p.keyboard.press('Enter');
    await expectFieldError(
      page,
      'deskPhone',
      'Il numero non è valido. Scrivilo così: 0173 316000 oppure 347 123 4567.',
    );
    // The summary has the focus and links to the field.
    await expect(p.evaluate(() => document.activeElement?.classList.contains('error-summary'))).resolves.toBe(
      true,
    );
    await expectNoAxeViolations(page, 'settings with a server field error');
    await screenshot(page, 'comune-settings-error');
    // Refused at the desk: nothing else was saved.
    const saved = async () => ({
      mode: (
        (await web.stack.dataSource.query(
          `SELECT mode FROM moderation_settings WHERE territory_id = $1 AND content_type = 'service_offer'`,
          [langhe],
        )) as { mode: string }[]
      )[0]?.mode,
      scheduled: (
        (await web.stack.dataSource.query(
          `SELECT scheduled_batch_assignment AS s FROM territory_matching_settings WHERE territory_id = $1`,
          [langhe],
        )) as { s: boolean }[]
      )[0]?.s,
      desk: (
        (await web.stack.dataSource.query(`SELECT desk_phone, desk_hours FROM territories WHERE id = $1`, [
          langhe,
        ])) as { desk_phone: string | null; desk_hours: string | null }[]
      )[0],
    });
    expect(await saved()).toEqual({
      mode: undefined,
      scheduled: undefined,
      desk: { desk_phone: null, desk_hours: null },
    });

    // The summary's link leads to the field; corrected, everything is saved.
    await p.locator('.error-summary a').first().click();
    await expect(p.evaluate(() => document.activeElement?.id)).resolves.toBe('deskPhone');
    await p.keyboard.press('Control+A');
    await p.keyboard.type('0173 316000');
    await p.keyboard.press('Tab');
    await p.keyboard.type('lun-ven 9-12');
    await tabTo(page, /^Salva le impostazioni$/);
    await p.keyboard.press('Enter');
    await p.getByText('Impostazioni salvate.').waitFor();
    await expect(p.locator('.error-summary').count()).resolves.toBe(0);
    expect(await saved()).toEqual({
      mode: 'pre',
      scheduled: true,
      desk: { desk_phone: '+390173316000', desk_hours: 'lun-ven 9-12' },
    });
    await expect(p.getByRole('group', { name: /^Offerta di servizio/ }).textContent()).resolves.not.toContain(
      '(impostazione predefinita)',
    );
    await expectNoAxeViolations(page, 'settings saved');
    await screenshot(page, 'comune-settings-saved');
    // The changes are in the activity log.
    await page.goto('/moderazione/registro');
    await p.getByLabel('Cosa', { exact: true }).selectOption({ label: 'Impostazioni e personale' });
    await p.getByRole('button', { name: 'Filtra' }).click();
    const log = p.getByRole('table', { name: 'Attività registrate con i filtri scelti, dalla più recente' });
    await log.waitFor();
    await expect(log.textContent()).resolves.toMatch(/Contatti dello sportello cambiati/);
    await expect(log.textContent()).resolves.toMatch(/Impostazioni dell’abbinamento cambiate/);
    await expect(log.textContent()).resolves.toMatch(/contentType: service_offer/);
  });

  it('an operator plans tomorrow’s rides, sees the plan against nearest-first, and publishes it with the keyboard', async () => {
    const { stack } = web;
    // Two drivers near Alba and two rides tomorrow morning that overlap: one 1 km from Nino and
    // 1.5 km from Walter, one 1.5 km from Nino that takes helpers within 2 km only.
    const east = (km: number) => eastOf(ALBA, km);
    const [nino, walter, citizen] = await Promise.all([signUp(stack), signUp(stack), signUp(stack)]);
    await becomeDrivers(stack, [
      [nino, 'Nino Autista', east(1)],
      [walter, 'Walter Autista', east(-1.5)],
    ]);
    const [{ morning }]: { morning: Date }[] = await stack.dataSource.query(
      `SELECT ((now() AT TIME ZONE 'Europe/Rome')::date + 1 + time '10:00') AT TIME ZONE 'Europe/Rome' AS morning`,
    );
    const hospital = { name: 'Ospedale di Verduno', location: ALBA };
    const ride = (place: Place, minutes: number, maxDistanceKm: number, description: string) =>
      rideInput({
        place,
        comuneIstat: PIEDMONT.alba,
        hospital,
        start: new Date(morning.getTime() + minutes * 60_000),
        maxDistanceKm,
        description,
      });
    const post = (input: unknown) => postNeedAs(stack, citizen, input);
    const firstRide = await post(ride(east(0), 0, 15, 'Visita cardiologica a Verduno'));
    await post(ride(east(2.5), 30, 2, 'Analisi del sangue a Verduno'));
    // Online matching asks the best driver of each: Nino for both.
    await waitUntil(async () => {
      const [{ n }]: { n: number }[] = await stack.dataSource.query(
        `SELECT count(*)::int AS n FROM match_proposals WHERE helper_user_id = $1 AND status = 'pending'`,
        [nino.userId],
      );
      return n === 2;
    }, 30000);

    page = await openFromConsoleMenu(
      operator,
      '/sportello',
      'Assegnazione in blocco',
      'Assegnazione in blocco',
    );
    const p = page.page;
    await p.getByText('Nessun piano finora.').waitFor();
    await checkPage(page, 'comune-batch', /^Assegnazione in blocco - Prossimo$/);
    // A day already over: the api's error at the field.
    await p.getByLabel('Giorno', { exact: true }).fill('2020-01-15');
    await p.getByRole('button', { name: 'Prepara il piano' }).click();
    await expectFieldError(page, 'batchDay', 'Il giorno è già passato: scegli oggi o un giorno futuro.');
    await expectNoAxeViolations(page, 'batch with a server field error');
    await screenshot(page, 'comune-batch-error');

    await p.getByLabel('Giorno', { exact: true }).fill(romeDay(1));
    await p.getByRole('button', { name: 'Prepara il piano' }).click();
    await p.getByText('Il piano è pronto.', { exact: false }).waitFor();
    await expect(p.getByTestId('served').textContent()).resolves.toBe('2 (100%)');
    await expect(p.getByTestId('greedy-served').textContent()).resolves.toBe('1 (50%)');
    const plan = p.getByRole('table', { name: 'Il piano, richiesta per richiesta, in ordine di tempo' });
    // The plan's rows are asked for once the run says it is planned: they come a moment later.
    await plan.locator('tbody tr').first().waitFor();
    await expect(plan.locator('tbody tr').count()).resolves.toBe(2);
    await expect(plan.locator('tbody tr').nth(0).textContent()).resolves.toMatch(
      /Visita cardiologica.*Alba.*Walter Autista.*Volontario.*1,5 km/,
    );
    await expect(plan.locator('tbody tr').nth(1).textContent()).resolves.toMatch(
      /Analisi del sangue.*Nino Autista.*già proposta.*1,5 km/,
    );
    // Each chart comes with its table: the plan covers two, nearest-first one.
    await expect(
      p.getByRole('table', { name: 'Richieste coperte' }).locator('tbody').textContent(),
    ).resolves.toMatch(/Questo piano\s*2.*Il più vicino per primo\s*1/);
    await checkPage(page, 'comune-batch-plan', /^Piano del .+ - Prossimo$/);
    // Nothing sent yet.
    const pendingOf = async (user: SignedInUser) =>
      (
        (await stack.dataSource.query(
          `SELECT need_id FROM match_proposals WHERE helper_user_id = $1 AND status = 'pending'`,
          [user.userId],
        )) as { need_id: string }[]
      ).map((row) => row.need_id);
    expect(await pendingOf(walter)).toEqual([]);

    await tabTo(page, /^Pubblica il piano e invia le proposte$/);
    await p.keyboard.press('Enter');
    await p.getByText('Piano pubblicato: 1 proposta inviata.', { exact: false }).waitFor();
    expect(await pendingOf(walter)).toEqual([firstRide]);
    expect(await pendingOf(nino)).not.toContain(firstRide);
    await expect(
      p.getByRole('button', { name: 'Pubblica il piano e invia le proposte' }).count(),
    ).resolves.toBe(0);
    await expectNoAxeViolations(page, 'batch plan published');
    await screenshot(page, 'comune-batch-published');
    batchRunPath = new URL(p.url()).pathname;

    await p.getByRole('link', { name: 'Torna ai piani' }).click();
    const runs = p.getByRole('table', { name: 'Piani e assegnazioni del territorio, dal più recente' });
    await runs.waitFor();
    await expect(runs.locator('tbody tr').first().textContent()).resolves.toMatch(
      /Accompagnamento.*Fatto.*2 su 2/,
    );
  });

  it('the indicators page’s CSV and open-data downloads hold the figures the page shows', async () => {
    // Another operator: the first one's SMS codes for this quarter of an hour are running out.
    const analyst = await signUp(web.stack);
    await grantRole(web.stack.dataSource, analyst.userId, 'comune_operator', { territoryId: langhe });
    page = await openSignedIn(web, analyst.phone, { width: WIDTHS.desktop, at: '/indicatori' });
    const p = page.page;
    await p.getByTestId('totals').waitFor();
    // As the data are now (the rides posted above count).
    await p.locator('label[for="live"]').click();
    await p.getByRole('button', { name: 'Aggiorna' }).click();
    await p.getByText('Dati calcolati adesso.').waitFor();
    const shown = async (id: string) => ((await p.getByTestId(id).textContent()) ?? '').trim();
    const figures = {
      needs_received: await shown('needsReceived'),
      citizens_reached: await shown('peopleReached'),
      volunteer_hours: await shown('volunteerHours'),
    };
    expect(Number(figures.needs_received)).toBeGreaterThanOrEqual(2);

    // Each table holds the page's figure for the period (one row: the whole period, the territory);
    // the rides posted above are received, nothing is completed yet.
    for (const [table, column] of [
      ['Domanda e copertura', 'needs_received'],
      ['Persone raggiunte', 'citizens_reached'],
      ['Attività dei volontari', 'volunteer_hours'],
    ] as const) {
      await p.getByLabel('Tabella', { exact: true }).selectOption({ label: table });
      const download = p.waitForEvent('download');
      await p.getByRole('button', { name: 'Scarica il CSV' }).click();
      const file = await download;
      const rows = parseCsvRecords(readFileSync((await file.path()) as string, 'utf8'));
      // Nothing completed yet in the period: no help, no row, and the page says 0.
      expect(rows.length).toBeLessThanOrEqual(1);
      expect(formatItalian(rows[0]?.[column] ?? '0')).toBe(figures[column]);
      await p.getByText(/^Scaricato indicatori-/).waitFor();
    }

    // Open data: whole months, and the cells about fewer than five people left empty.
    await p.getByLabel('Tabella', { exact: true }).selectOption({ label: 'Domanda e copertura' });
    const download = p.waitForEvent('download');
    await p.getByRole('button', { name: 'Scarica i dati aperti' }).click();
    const file = await download;
    const csv = readFileSync((await file.path()) as string, 'utf8');
    const from = await p.getByLabel('Dal giorno', { exact: true }).inputValue();
    const to = await p.getByLabel('Al giorno', { exact: true }).inputValue();
    const exported = ok(
      await web.stack.graphql<{
        exportOpenDataCsv: { csv: string; fileName: string; suppressedCells: number };
      }>(
        `mutation ($input: IndicatorExportInput!) { exportOpenDataCsv(input: $input) { csv fileName suppressedCells } }`,
        {
          input: {
            filter: { from, to, territoryId: langhe, granularity: 'PERIOD', live: true },
            table: 'DEMAND',
          },
        },
        { token: analyst.token },
      ),
    ).exportOpenDataCsv;
    expect(file.suggestedFilename()).toBe(exported.fileName);
    expect(file.suggestedFilename()).toMatch(/^open-data-demand-\d{4}-\d{2}-01-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv).toBe(exported.csv);
    // One person asked for both rides: too few to publish the count.
    const [openRow] = parseCsvRecords(csv);
    expect(openRow.needs_received).toBe('');
    expect(exported.suppressedCells).toBeGreaterThan(0);
    await p
      .getByText(`Celle lasciate vuote perché riguardano meno di 5 persone: ${exported.suppressedCells}.`, {
        exact: false,
      })
      .waitFor();
    await expectNoAxeViolations(page, 'indicators after the open-data download');
    await screenshot(page, 'comune-indicators-open-data');
  });

  it('the territorial view draws each Comune’s demand and supply on our own map, with the same figures in a sortable table', async () => {
    const viewer = await signUp(web.stack);
    await grantRole(web.stack.dataSource, viewer.userId, 'comune_moderator', { territoryId: langhe });
    page = await openFromConsoleMenu(
      viewer,
      '/moderazione',
      'Indicatori per Comune',
      'Domanda e offerta per Comune',
    );
    const p = page.page;
    // As the data are now: the two rides posted at Alba above.
    await p.locator('label[for="mapLive"]').click();
    await p.getByRole('button', { name: 'Aggiorna' }).click();
    await p.getByText('Dati calcolati adesso.').waitFor();
    const map = p.getByRole('img', {
      name: 'Mappa del territorio: richieste e chi può aiutare in ogni Comune',
    });
    await map.waitFor();
    // Alba has needs (a filled circle) and drivers (a ring); every Comune has its place.
    await expect(
      map.locator(`g[data-istat="${PIEDMONT.alba}"] circle.territory-map__demand`).count(),
    ).resolves.toBe(1);
    await expect(
      map.locator(`g[data-istat="${PIEDMONT.alba}"] circle.territory-map__supply`).count(),
    ).resolves.toBe(1);
    await expect(map.locator('circle.territory-map__place').count()).resolves.toBe(2);

    // The table holds what the api says.
    const from = await p.getByLabel('Dal giorno', { exact: true }).inputValue();
    const to = await p.getByLabel('Al giorno', { exact: true }).inputValue();
    const api = ok(
      await web.stack.graphql<{
        impactIndicators: { demand: { comuneIstat: string; needsReceived: number }[] };
        territorySupply: {
          comuneIstat: string;
          volunteers: number;
          serviceOffers: number;
          openNeeds: number;
        }[];
      }>(
        `query ($filter: IndicatorFilterInput!, $id: ID!) {
           impactIndicators(filter: $filter) { demand { comuneIstat needsReceived } }
           territorySupply(territoryId: $id) { comuneIstat volunteers serviceOffers openNeeds } }`,
        {
          filter: { from, to, territoryId: langhe, granularity: 'PERIOD', byComune: true, live: true },
          id: langhe,
        },
        { token: viewer.token },
      ),
    );
    const table = p.getByRole('table', { name: 'Domanda e offerta in ogni Comune del territorio' });
    const rowOf = (name: string) => table.locator('tbody tr', { has: p.getByRole('rowheader', { name }) });
    const alba = api.territorySupply.find((row) => row.comuneIstat === PIEDMONT.alba)!;
    const albaNeeds = api.impactIndicators.demand.find((row) => row.comuneIstat === PIEDMONT.alba)!;
    expect(albaNeeds.needsReceived).toBeGreaterThanOrEqual(2);
    const cells = await rowOf('Alba').locator('td').allTextContents();
    expect(cells.slice(0, 1)).toEqual([String(albaNeeds.needsReceived)]);
    expect(cells.slice(2, 5)).toEqual([
      String(alba.openNeeds),
      String(alba.volunteers),
      String(alba.serviceOffers),
    ]);
    await checkPage(page, 'comune-map', /^Domanda e offerta per Comune - Prossimo$/);

    // Sorted with the keyboard: by name, then the other way.
    const names = async () => table.locator('tbody th').allTextContents();
    await tabTo(page, /^Comune\s*↕$/);
    await p.keyboard.press('Enter');
    await expect(table.locator('th[aria-sort="ascending"]').textContent()).resolves.toMatch(/^Comune/);
    expect(await names()).toEqual(['Alba', 'Bra']);
    await p.keyboard.press('Enter');
    await expect(table.locator('th[aria-sort="descending"]').textContent()).resolves.toMatch(/^Comune/);
    expect(await names()).toEqual(['Bra', 'Alba']);
    await p.getByText('Tabella ordinata per Comune, dal più alto.').waitFor({ state: 'attached' });
    await expectNoAxeViolations(page, 'territorial view sorted');
    await screenshot(page, 'comune-map-sorted');
  });

  it('a moderator of another territory sees nothing of the Langhe; an operator does not open the moderator’s pages', async () => {
    page = await openSignedIn(web, foreignModerator.phone, {
      width: WIDTHS.desktop,
      at: '/moderazione/registro',
    });
    const p = page.page;
    const table = p.getByRole('table', { name: 'Attività registrate, dalla più recente' });
    await table.waitFor();
    await expect(table.textContent()).resolves.toMatch(/by: name/);
    const main = (await p.locator('main').textContent()) ?? '';
    for (const langheText of ['Marta Rinaldi', spacedPhone(operator.phone), 'by: phone', 'Comune Langhe']) {
      expect(main).not.toContain(langheText);
    }
    await expect(p.getByLabel('Chi', { exact: true }).textContent()).resolves.not.toContain(
      spacedPhone(operator.phone),
    );
    // The api refuses the Langhe's log and staff to them, whatever the page asks.
    for (const query of [
      `query ($id: ID!) { auditTrail(territoryId: $id) { items { id } } }`,
      `query ($id: ID!) { territoryStaff(territoryId: $id) { userId } }`,
    ]) {
      const denied = await web.stack.graphql(query, { id: langhe }, { token: foreignModerator.token });
      expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }

    // Their map has the Novarese's Comune only.
    await page.goto('/indicatori/territorio');
    await p.getByRole('table', { name: 'Domanda e offerta in ogni Comune del territorio' }).waitFor();
    await expect(p.locator('table tbody th').allTextContents()).resolves.toEqual(['Novara']);
    await expect(p.locator('svg circle.territory-map__place').count()).resolves.toBe(1);
    await page.close();

    // The Novarese's settings only: none of the Langhe's (their desk number is set by the test above).
    page = await openSignedIn(web, foreignModerator.phone, {
      width: WIDTHS.desktop,
      at: '/moderazione/impostazioni',
    });
    await page.page.getByRole('group', { name: /^Recensione/ }).waitFor();
    await expect(page.page.locator('#deskPhone').inputValue()).resolves.not.toContain('316000');
    await expect(page.page.locator('#mode-REVIEW-PRE').isChecked()).resolves.toBe(true);
    await page.close();

    page = await openSignedIn(web, operator.phone, { width: WIDTHS.desktop, at: '/moderazione/registro' });
    await page.page.getByRole('heading', { level: 1, name: 'Pagina riservata' }).waitFor();
    await page.close();

    // An operator of the Novarese does not find the Langhe's batch plan.
    const foreignOperator = await signUp(web.stack);
    await grantRole(web.stack.dataSource, foreignOperator.userId, 'comune_operator', {
      territoryId: novarese,
    });
    page = await openSignedIn(web, foreignOperator.phone, { width: WIDTHS.desktop, at: batchRunPath });
    await page.page.getByText('Piano non trovato tra quelli dei tuoi territori.').waitFor();
    await expect(page.page.locator('main').textContent()).resolves.not.toMatch(/Walter|Nino|Verduno/);
    await page.goto('/sportello/assegnazione');
    await page.page.getByText('Nessun piano finora.').waitFor();
    await page.close();

    // Moderator in the Novarese, operator in the Langhe: with the Langhe chosen, neither log nor settings.
    const mixed = await signUp(web.stack);
    await grantRole(web.stack.dataSource, mixed.userId, 'comune_moderator', { territoryId: novarese });
    await grantRole(web.stack.dataSource, mixed.userId, 'comune_operator', { territoryId: langhe });
    page = await openSignedIn(web, mixed.phone, { width: WIDTHS.desktop, at: '/moderazione/impostazioni' });
    await page.page.getByLabel('Territorio', { exact: true }).selectOption(langhe);
    await page.page.getByText('Nel territorio scelto non hai questo ruolo.', { exact: false }).waitFor();
    await expect(page.page.locator('form.settings-form').count()).resolves.toBe(0);
    await checkPage(page, 'comune-settings-not-here', /^Impostazioni del territorio - Prossimo$/);
    await page.goto('/moderazione/registro');
    await page.page.getByText('Nel territorio scelto non hai questo ruolo.', { exact: false }).waitFor();
    await expect(page.page.locator('table').count()).resolves.toBe(0);
  });

  it('an operator publishes the Comune’s call for volunteers, hears in “La mia area” that one answered, accepts them and closes the call', async () => {
    const { stack } = web;
    page = await openFromConsoleMenu(
      operator,
      '/sportello',
      'Chiamate ai volontari',
      'Chiamate ai volontari del Comune',
    );
    const p = page.page;
    await checkPage(page, 'comune-calls', /^Chiamate ai volontari del Comune - Prossimo$/);
    // The form offers the Comuni of the territory followed, and checks its fields first.
    await p.getByRole('button', { name: 'Pubblica la chiamata' }).click();
    await p.locator('#call-title-error').waitFor();
    await p.locator(`#call-comuni-${PIEDMONT.alba}`).waitFor({ state: 'attached' });
    await expect(p.locator('#call-comuni-' + PIEDMONT.novara).count()).resolves.toBe(0);
    const title = 'Nonni in piazza, festa di Natale';
    await p.getByLabel('Titolo').fill(title);
    await p
      .getByLabel('Cosa faranno i volontari')
      .fill('Accogliere gli anziani e servire la merenda, dalle 15 alle 18.');
    await p.locator(`label[for="call-comuni-${PIEDMONT.bra}"]`).click();
    await p.getByLabel('Quanti volontari cercate').fill('3');
    await p.getByRole('button', { name: 'Pubblica la chiamata' }).click();
    await p.getByText(`Chiamata «${title}» inviata`).waitFor();
    const calls = p.getByTestId('calls');
    await calls.getByRole('heading', { level: 3, name: title }).waitFor();
    // Calls are checked after publication by default: public at once.
    await calls.getByText('Pubblica', { exact: true }).waitFor();
    await calls.getByText('Volontari accettati: 0 su 3').waitFor();
    const [call]: { id: string; organisation_id: string | null; publisher_user_id: string }[] =
      await stack.dataSource.query(
        `SELECT id, organisation_id, publisher_user_id FROM calls_to_action WHERE title = $1`,
        [title],
      );
    expect(call).toEqual(
      expect.objectContaining({ organisation_id: null, publisher_user_id: operator.userId }),
    );

    // A volunteer of Bra finds it on their calls page, with who organises it, and answers there.
    const volunteer = await signUp(stack);
    await saveVolunteerProfile(
      stack,
      volunteer,
      rideDriverProfile('Giulio Ferrero', { lat: 44.697, lon: 7.855 }),
    );
    const volunteerPage = await openSignedIn(web, volunteer.phone, {
      width: WIDTHS.phone,
      at: '/volontario/chiamate',
    });
    const v = volunteerPage.page;
    const card = v.getByRole('region', { name: 'Chiamate aperte' }).getByRole('article', { name: title });
    await card.getByText('Chi organizza: Comune di Bra').waitFor();
    await card.getByRole('button', { name: `Rispondi: ${title}` }).click();
    await card.getByLabel('Un messaggio per chi organizza (facoltativo)').fill('Porto anche la chitarra');
    await expectNoAxeViolations(volunteerPage, 'a volunteer answering the Comune’s call');
    await card.getByRole('button', { name: 'Invia la risposta' }).click();
    await card.getByText('Risposta inviata').waitFor();
    await screenshot(volunteerPage, 'volunteer-calls-comune');
    await volunteerPage.close();

    // The operator's "La mia area" says an answer waits, and its line opens the calls.
    await page.goto('/area');
    await p
      .getByTestId('to-do')
      .getByRole('link', { name: '1 risposta a una chiamata del Comune, da valutare' })
      .click();
    await p.getByRole('heading', { level: 1, name: 'Chiamate ai volontari del Comune' }).waitFor();
    await calls.getByText('1 risposta da valutare').waitFor();
    await calls.getByRole('button', { name: 'Vedi le risposte' }).click();
    await calls.getByRole('heading', { level: 4, name: /Giulio Ferrero/ }).waitFor();
    await calls.getByText('«Porto anche la chitarra»').waitFor();
    await expectNoAxeViolations(page, 'the Comune call’s answers');
    await calls.getByRole('button', { name: 'Accetta', exact: true }).click();
    await p.getByText('Risposta di Giulio Ferrero accettata').waitFor();
    await calls.getByText('Volontari accettati: 1 su 3').waitFor();
    await expect(calls.getByText('1 risposta da valutare').count()).resolves.toBe(0);
    await screenshot(page, 'comune-calls-answered');

    // The operator writes to the accepted volunteer where to meet: an empty message is named at
    // its field; the sent one is listed with whom it reached.
    const toAccepted = calls.getByRole('region', { name: 'Scrivi ai volontari accettati' });
    await toAccepted.getByRole('button', { name: 'Invia al volontario accettato' }).click();
    await p.getByRole('link', { name: 'Scrivi il messaggio per i volontari.' }).waitFor();
    const meeting = 'Ci troviamo sabato alle 9 davanti al municipio di Bra.';
    await toAccepted.getByLabel('Il messaggio').fill(meeting);
    await toAccepted.getByRole('button', { name: 'Invia al volontario accettato' }).click();
    await toAccepted.getByText('Messaggio inviato al volontario accettato.').waitFor();
    await toAccepted.getByTestId('call-messages-sent').getByText(meeting).waitFor();
    await toAccepted.getByText(/, a 1 volontario$/).waitFor();
    await expect(toAccepted.getByLabel('Il messaggio').inputValue()).resolves.toBe('');
    await expectNoAxeViolations(page, 'the message to the accepted volunteers');
    await screenshot(page, 'comune-calls-message');

    // The volunteer's "La mia area" says they are expected; its line opens the calls page, where
    // the decision stands with the call's details (the SMS says they are there).
    const volunteerBack = await openSignedIn(web, volunteer.phone, { width: WIDTHS.phone, at: '/area' });
    await volunteerBack.page
      .getByTestId('to-do')
      .getByRole('link', { name: `Ti aspettano: «${title}»` })
      .click();
    await volunteerBack.page.getByRole('heading', { level: 1, name: 'Chiamate al volontariato' }).waitFor();
    const mine = volunteerBack.page.getByTestId('my-call-answers').getByRole('article', { name: title });
    await mine.getByText('Accettata: ti aspettano').waitFor();
    await mine.getByText('Chi organizza: Comune di Bra').waitFor();
    // What the organisers wrote is under the accepted answer.
    await mine
      .getByRole('region', { name: 'Messaggi di chi organizza' })
      .getByTestId('call-messages')
      .getByText(meeting)
      .waitFor();
    // The notification says it too and leads to the calls page; opening it marks it read.
    await volunteerBack.goto('/notifiche');
    const notice = volunteerBack.page.getByRole('listitem').filter({ hasText: meeting });
    await notice.getByText('Nuova', { exact: true }).waitFor();
    await expectNoAxeViolations(volunteerBack, 'the volunteer’s notifications, each with where it leads');
    await screenshot(volunteerBack, 'volunteer-notifications-call-message');
    await notice.getByRole('link', { name: 'Vai alle chiamate ai volontari' }).click();
    await volunteerBack.page.getByRole('heading', { level: 1, name: 'Chiamate al volontariato' }).waitFor();
    await waitUntil(async () => {
      const rows: { read: boolean }[] = await stack.dataSource.query(
        `SELECT read_at IS NOT NULL AS read FROM notifications
          WHERE user_id = $1 AND event = 'call_message' AND channel = 'in_app'`,
        [volunteer.userId],
      );
      return rows.length === 1 && rows[0].read;
    });
    await volunteerBack.page
      .getByRole('region', { name: 'Chiamate aperte' })
      .getByRole('article', { name: title })
      .getByText('Hai già risposto a questa chiamata', { exact: false })
      .waitFor();
    await checkPage(volunteerBack, 'volunteer-calls-answered', /^Chiamate al volontariato - Prossimo$/);
    await volunteerBack.close();

    // Closed from the same page: no new answers, recorded with who closed it.
    await calls.getByRole('button', { name: `Chiudi la chiamata «${title}»` }).click();
    await p.getByLabel('Perché la chiudete (facoltativo)').fill('Bastano i volontari accettati.');
    await calls.getByRole('button', { name: 'Sì, chiudi la chiamata' }).click();
    await p.getByText(`Chiamata «${title}» chiusa`).waitFor();
    await calls.getByText('Chiusa', { exact: true }).waitFor();
    const [closed]: { status: string; closed_by_user_id: string }[] = await stack.dataSource.query(
      `SELECT status, closed_by_user_id FROM calls_to_action WHERE id = $1`,
      [call.id],
    );
    expect(closed).toEqual({ status: 'closed', closed_by_user_id: operator.userId });
    // Staff of another territory do not see it.
    const elsewhere = ok(
      await stack.graphql<{ comuneCallsToAction: { items: { id: string }[] } }>(
        `{ comuneCallsToAction { items { id } } }`,
        {},
        { token: foreignModerator.token },
      ),
    );
    expect(elsewhere.comuneCallsToAction.items.map((item) => item.id)).not.toContain(call.id);
  });

  it('every page of this spec at 360 px: axe, one h1, nothing wider than the screen', async () => {
    page = await openAsComuneStaff(web, langhe);
    const pages: [string, string, RegExp][] = [
      ['/moderazione/registro', 'comune-audit', /^Registro delle attività - Prossimo$/],
      ['/moderazione/impostazioni', 'comune-settings', /^Impostazioni del territorio - Prossimo$/],
      ['/sportello/assegnazione', 'comune-batch', /^Assegnazione in blocco - Prossimo$/],
      [batchRunPath, 'comune-batch-plan', /^Piano del .+ - Prossimo$/],
      ['/indicatori/territorio', 'comune-map', /^Domanda e offerta per Comune - Prossimo$/],
      ['/sportello/chiamate', 'comune-calls', /^Chiamate ai volontari del Comune - Prossimo$/],
    ];
    await expectPagesFit(page, pages);
  });
});
