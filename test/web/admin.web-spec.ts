// page.evaluate() callbacks run in the browser.
/// <reference lib="dom" />
import { NotificationsService } from '@prossimo/notifications';
import {
  createTerritory,
  grantRole,
  ok,
  PIEDMONT,
  SignedInUser,
  signUp,
  waitUntil,
} from '../support/fixtures';
import {
  checkPage,
  expectFieldError,
  expectNoAxeViolations,
  expectNoOtherOrigin,
  expectNoOverflow,
  expectPagesFit,
  followConsoleMenu,
  MANY_SIGN_INS,
  openPage,
  openSignedIn,
  screenshot,
  signInThroughUi,
  spacedPhone,
  startWebStackForFile,
  tabTo,
  WebPage,
  WIDTHS,
} from './support/web';

// Each journey signs in and checks several pages with axe: on the shared 2-core machine (load 20+) that
// takes longer than the project's 120 s.
jest.setTimeout(300_000);

describe('the platform administrator’s pages in Chromium: territories, staff, queues and dead letters', () => {
  let admin: SignedInUser;
  let moderator: SignedInUser;
  let citizen: SignedInUser;
  let newcomer: SignedInUser;
  let langhe: string;
  let deadLetter: string;
  let page: WebPage | undefined;
  const web = startWebStackForFile({ env: MANY_SIGN_INS }, () => [page]);

  /** A desktop page of `user`, signed in, opened from the main menu's "Amministrazione". */
  async function openAdmin(user: SignedInUser, width: number = WIDTHS.desktop): Promise<WebPage> {
    const opened = await openSignedIn(web, user.phone, { width, at: '/area' });
    await opened.page.getByRole('link', { name: 'Amministrazione', exact: true }).first().click();
    await opened.page.getByRole('heading', { level: 1, name: 'Territori' }).waitFor();
    return opened;
  }

  beforeAll(async () => {
    const { stack } = web;
    // 22 territories: one page of 20 and a second one. Names sort as written.
    langhe = await createTerritory(stack.dataSource, 'Ambito Langhe', [PIEDMONT.alba, PIEDMONT.bra]);
    await createTerritory(stack.dataSource, 'Ambito Novarese', [PIEDMONT.novara, PIEDMONT.borgomanero]);
    for (let n = 1; n <= 20; n++) {
      await createTerritory(stack.dataSource, `Comune di prova ${String(n).padStart(2, '0')}`, [
        PIEDMONT.torino,
      ]);
    }
    [admin, moderator, citizen, newcomer] = await Promise.all(Array.from({ length: 4 }, () => signUp(stack)));
    await grantRole(stack.dataSource, admin.userId, 'platform_admin');
    await grantRole(stack.dataSource, moderator.userId, 'comune_moderator', { territoryId: langhe });
    await stack.dataSource.query(`UPDATE users SET display_name = 'Marta Rinaldi' WHERE id = $1`, [
      moderator.userId,
    ]);

    // A dead letter: the gateway refuses the citizen's reminder for good (HTTP 400), once.
    ok(
      await stack.graphql(
        `mutation { updateNotificationPreferences(input: { quietHoursStart: "00:00", quietHoursEnd: "00:00" }) { language } }`,
        {},
        { token: citizen.token },
      ),
    );
    stack.gateway.failNext(1, 400);
    const notifications = stack.api.get(NotificationsService);
    [deadLetter] = await stack.dataSource.transaction((manager) =>
      notifications.notifyUser(manager, {
        userId: citizen.userId,
        event: 'reminder_hour_before',
        params: { summary: 'Visita', when: 'domani alle 10:30', time: '10:30', helper: 'Giovanni' },
        urgent: true,
      }),
    );
    await waitUntil(async () => {
      const [row]: { status: string }[] = await stack.dataSource.query(
        `SELECT status FROM notifications WHERE id = $1`,
        [deadLetter],
      );
      return row?.status === 'failed_permanent';
    });
  });

  it('lists the territories a page at a time on the server and searches them', async () => {
    page = await openAdmin(admin);
    const p = page.page;
    const table = p.getByRole('table', { name: 'Territori, in ordine di nome' });
    await table.waitFor();
    await checkPage(page, 'console-admin-territories', /^Territori - Prossimo$/);
    await expect(table.locator('tbody tr').count()).resolves.toBe(20);
    await expect(table.locator('tbody tr').first().textContent()).resolves.toMatch(
      /^Ambito Langhe.*Ambito di più Comuni.*Alba, Bra/,
    );
    // With the keyboard: Tab to “Mostra altri” and press Enter; the last two come from the server.
    await tabTo(page, /^Mostra altri$/);
    await p.keyboard.press('Enter');
    await p.waitForFunction(() => document.querySelectorAll('table tbody tr').length === 22);
    await expect(p.getByRole('button', { name: 'Mostra altri' }).count()).resolves.toBe(0);

    await p.getByLabel('Cerca per nome').fill('NOVARÉSE');
    await p.getByRole('button', { name: 'Cerca', exact: true }).click();
    const found = p.getByRole('table', { name: 'Territori che contengono «NOVARÉSE»' });
    await found.waitFor();
    await p.waitForFunction(() => document.querySelectorAll('table tbody tr').length === 1);
    await expect(found.textContent()).resolves.toContain('Borgomanero, Novara');
    await expectNoAxeViolations(page, 'territories searched');
  });

  it('creates a Comune with the keyboard; the server’s error about two Comuni shows at the Comuni', async () => {
    page = await openAdmin(admin);
    const p = page.page;
    await p.getByRole('link', { name: 'Nuovo territorio' }).click();
    await p.getByRole('heading', { level: 1, name: 'Nuovo territorio' }).waitFor();
    await checkPage(page, 'console-admin-territory-new', /^Nuovo territorio - Prossimo$/);

    await tabTo(page, /^Nome del territorio/);
    await p.keyboard.type('Comune di Cherasco');
    // “Comune” is chosen already; the Comuni: search with Enter, add with Enter, twice.
    await tabTo(page, /^Cerca un Comune/);
    await p.keyboard.type('cherasco');
    await p.keyboard.press('Enter');
    await p.getByRole('button', { name: 'Aggiungi Cherasco (CN)' }).waitFor();
    await tabTo(page, /^Aggiungi Cherasco \(CN\)$/);
    await p.keyboard.press('Enter');
    await expect(p.evaluate(() => document.activeElement?.id)).resolves.toBe('comuneSearch');
    await p.keyboard.press('Control+A');
    await p.keyboard.type('barolo');
    await p.keyboard.press('Enter');
    await tabTo(page, /^Aggiungi Barolo \(CN\)$/);
    await p.keyboard.press('Enter');
    await p.getByText('2 Comuni scelti:').waitFor();
    await tabTo(page, /^Crea il territorio$/);
    await p.keyboard.press('Enter');
    await expectFieldError(page, 'comuneSearch', 'Un territorio di tipo Comune comprende un solo Comune.');
    await expect(p.evaluate(() => document.activeElement?.classList.contains('error-summary'))).resolves.toBe(
      true,
    );
    await expectNoAxeViolations(page, 'new territory with a server field error');
    await screenshot(page, 'console-admin-territory-error');
    const count = async () =>
      (await web.stack.dataSource.query(`SELECT id FROM territories WHERE name = 'Comune di Cherasco'`))
        .length;
    await expect(count()).resolves.toBe(0);

    await p.getByRole('button', { name: 'Togli Barolo' }).click();
    await p.getByRole('button', { name: 'Crea il territorio' }).click();
    await p.getByRole('heading', { level: 1, name: 'Territori' }).waitFor();
    await p.getByText('Territorio «Comune di Cherasco» creato.').waitFor();
    const [created]: { kind: string; comuni: string[] }[] = await web.stack.dataSource.query(
      `SELECT t.kind, array_agg(tc.comune_istat) AS comuni FROM territories t
         JOIN territory_comuni tc ON tc.territory_id = t.id WHERE t.name = 'Comune di Cherasco' GROUP BY t.kind`,
    );
    expect(created).toEqual({ kind: 'comune', comuni: [PIEDMONT.cherasco] });
  });

  it('changes the Comuni of an ambito; the change is in the audit trail', async () => {
    page = await openAdmin(admin);
    const p = page.page;
    await p.getByRole('link', { name: 'Comuni di Ambito Langhe: modifica' }).click();
    await p.getByRole('heading', { level: 1, name: 'Comuni di Ambito Langhe' }).waitFor();
    await p.getByText('2 Comuni scelti:').waitFor();
    await checkPage(page, 'console-admin-territory-edit', /^Comuni di Ambito Langhe - Prossimo$/);
    await p.getByRole('button', { name: 'Togli Alba' }).click();
    await p.getByLabel('Cerca un Comune').fill('cherasco');
    await p.getByRole('button', { name: 'Cerca il Comune' }).click();
    await p.getByRole('button', { name: 'Aggiungi Cherasco (CN)' }).click();
    await p.getByRole('button', { name: 'Salva i Comuni' }).click();
    await p.getByText('Comuni salvati: 2.').waitFor();
    await expectNoAxeViolations(page, 'territory Comuni saved');
    await screenshot(page, 'console-admin-territory-saved');
    const comuni: { comune_istat: string }[] = await web.stack.dataSource.query(
      `SELECT comune_istat FROM territory_comuni WHERE territory_id = $1 ORDER BY comune_istat`,
      [langhe],
    );
    expect(comuni.map((row) => row.comune_istat)).toEqual([PIEDMONT.bra, PIEDMONT.cherasco].sort());
    const audit = await web.stack.dataSource.query(
      `SELECT actor_user_id, details FROM audit_log WHERE entity_id = $1 AND action = 'territory.comuni_set'`,
      [langhe],
    );
    expect(audit).toEqual([
      { actor_user_id: admin.userId, details: { added: [PIEDMONT.cherasco], removed: [PIEDMONT.alba] } },
    ]);
  });

  it('grants and revokes a staff role by phone; an unknown number is refused at its field; both are audited', async () => {
    page = await openAdmin(admin);
    const p = page.page;
    // From the territory's row, straight to its staff (the console's territory switch follows).
    await p.getByRole('link', { name: 'Personale di Ambito Langhe' }).click();
    await p.getByRole('heading', { level: 1, name: 'Personale del territorio' }).waitFor();
    await expect(p.locator('.console-territory').textContent()).resolves.toMatch(
      /^Territorio: Ambito Langhe/,
    );
    const table = p.getByRole('table', { name: 'Personale di Ambito Langhe, in ordine di nome' });
    await table.waitFor();
    await checkPage(page, 'console-admin-staff', /^Personale del territorio - Prossimo$/);
    await expect(table.textContent()).resolves.toMatch(/Marta Rinaldi.*Moderatore/);

    // Keyboard only: a number nobody signed up with, then the newcomer's.
    await tabTo(page, /^Cellulare della persona/);
    await p.keyboard.type('347 000 0000');
    await tabTo(page, /^Dai il ruolo$/);
    await p.keyboard.press('Enter');
    await expectFieldError(page, 'grantPhone', /^Nessuna persona registrata con questo numero/);
    await expectNoAxeViolations(page, 'staff grant with a server field error');
    await screenshot(page, 'console-admin-staff-error');

    await p.getByLabel('Cellulare della persona').fill(newcomer.phone);
    // Bootstrap Italia draws the radio on its label: the label is what a pointer clicks.
    await p.locator('label[for="grantRole-COMUNE_MODERATOR"]').click();
    await expect(p.locator('#grantRole-COMUNE_MODERATOR').isChecked()).resolves.toBe(true);
    await p.getByRole('button', { name: 'Dai il ruolo' }).click();
    await p.getByText(`Ruolo Moderatore dato a ${newcomer.phone}.`).waitFor();
    await expect(p.locator('#grantPhone-error').count()).resolves.toBe(0);
    await p.waitForFunction(() => document.querySelectorAll('table tbody tr').length === 2);
    await expect(table.textContent()).resolves.toContain(spacedPhone(newcomer.phone));
    const me = ok(
      await web.stack.graphql<{ me: { roles: { role: string; territoryId: string | null }[] } }>(
        `{ me { roles { role territoryId } } }`,
        {},
        { token: newcomer.token },
      ),
    );
    expect(me.me.roles).toContainEqual({ role: 'COMUNE_MODERATOR', territoryId: langhe });

    // Taken back with the keyboard from the newcomer's row (no name given).
    // From the heading (the form's button is below the table), Tab down to the row's button.
    await p.locator('h1').focus();
    await tabTo(page, /^Togli Moderatore a Senza nome /);
    await p.keyboard.press('Enter');
    await p.getByText('Ruolo Moderatore tolto a Senza nome.').waitFor();
    await p.waitForFunction(() => document.querySelectorAll('table tbody tr').length === 1);
    const audit: { action: string; entity_id: string }[] = await web.stack.dataSource.query(
      `SELECT action, entity_id FROM audit_log WHERE actor_user_id = $1 AND action LIKE 'staff_role.%'
        ORDER BY created_at`,
      [admin.userId],
    );
    expect(audit).toEqual([
      { action: 'staff_role.granted', entity_id: newcomer.userId },
      { action: 'staff_role.revoked', entity_id: newcomer.userId },
    ]);
  });

  it('switches territory by searching the server a page at a time, with the keyboard; never loads every territory', async () => {
    const operations: string[] = [];
    page = await openPage(web, WIDTHS.desktop);
    const p = page.page;
    p.on('request', (request) => {
      const body = request.method() === 'POST' ? request.postData() : null;
      const name = body ? /"operationName":"(\w+)"/.exec(body)?.[1] : undefined;
      if (name) operations.push(name);
    });
    await signInThroughUi(web, page, admin.phone);
    await page.goto('/amministrazione/personale');
    await p.getByRole('heading', { level: 1, name: 'Personale del territorio' }).waitFor();
    // Nothing chosen yet in this browser: the first territory by name.
    const bar = p.locator('.console-territory');
    await p.getByRole('table', { name: /^Personale di Ambito Langhe/ }).waitFor();
    await expect(bar.textContent()).resolves.toMatch(/^Territorio: Ambito Langhe/);

    const menuTop = async () => (await p.locator('.console-nav').boundingBox())?.y;
    const menuTopClosed = await menuTop();
    await tabTo(page, /^Cambia territorio$/);
    await p.keyboard.press('Enter');
    await expect(p.evaluate(() => document.activeElement?.getAttribute('type'))).resolves.toBe('search');
    // The panel opens over the page: the console's menu beside it stays where it was.
    await expect(menuTop()).resolves.toBe(menuTopClosed);
    await expect(
      p.getByRole('button', { name: 'Cambia territorio' }).getAttribute('aria-expanded'),
    ).resolves.toBe('true');
    // As one types, the api answers a page of 10: the count is announced.
    await p.keyboard.type('PROVA');
    const status = bar.getByRole('status');
    await status.getByText('Primi 10 territori trovati: scrivi di più o mostra altri.').waitFor();
    const results = bar.getByRole('list', { name: 'Territori trovati' });
    await expect(results.getByRole('button').count()).resolves.toBe(10);
    await bar.getByRole('button', { name: 'Mostra altri' }).click();
    await p.waitForFunction(
      () => document.querySelectorAll('.territory-search__results button').length === 20,
    );
    await expectNoAxeViolations(page, 'territory search open');
    await screenshot(page, 'console-admin-territory-search');

    await p.getByLabel('Cerca un territorio').fill('prova 17');
    await status.getByText('1 territorio trovato.').waitFor();
    await p.getByLabel('Cerca un territorio').focus();
    await tabTo(page, /^Comune di prova 17$/);
    await p.keyboard.press('Enter');
    // Chosen: the panel closes, the focus goes back to its button, the page follows (nobody works there yet).
    await bar.getByText('Comune di prova 17', { exact: true }).waitFor();
    await expect(bar.textContent()).resolves.toMatch(/^Territorio: Comune di prova 17/);
    await p.getByText('Nessuna persona ha un ruolo in questo territorio.').waitFor();
    await expect(p.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Cambia territorio');
    await expect(p.getByLabel('Cerca un territorio').count()).resolves.toBe(0);
    // Escape closes it too.
    await p.keyboard.press('Enter');
    await p.getByLabel('Cerca un territorio').waitFor();
    await p.keyboard.press('Escape');
    await expect(p.getByLabel('Cerca un territorio').count()).resolves.toBe(0);
    await expectNoAxeViolations(page, 'territory chosen by search');

    // Kept for the next visit; the administrator's console never asked for every territory.
    await page.goto('/amministrazione/personale');
    await bar.getByText('Comune di prova 17', { exact: true }).waitFor();
    await p.getByText('Nessuna persona ha un ruolo in questo territorio.').waitFor();
    expect(operations).toContain('ConsoleTerritorySearch');
    expect(operations).not.toContain('ConsoleTerritories');
  });

  it('replays a dead letter, which the worker then delivers, and opens the queue dashboard with a ticket', async () => {
    page = await openAdmin(admin);
    const p = page.page;
    await followConsoleMenu(page, 'Code e notifiche non consegnate', 'Code e notifiche non consegnate', {
      exact: true,
    });
    const table = p.getByRole('table', { name: 'Notifiche non consegnate, dalla più recente' });
    await table.waitFor();
    await checkPage(page, 'console-admin-queues', /^Code e notifiche non consegnate - Prossimo$/);
    const row = table.locator('tbody tr').first();
    await expect(row.textContent()).resolves.toMatch(/Promemoria dell’ora prima.*Fallita per sempre/);
    // The event in words, not its code.
    await expect(row.textContent()).resolves.not.toContain('reminder_hour_before');
    // The recipient is masked: only the last digits.
    await expect(row.textContent()).resolves.toContain(citizen.phone.slice(-4));
    await expect(row.textContent()).resolves.not.toContain(citizen.phone);

    const before = web.stack.gateway.delivered.length;
    await tabTo(page, /^Invia di nuovo a /);
    await p.keyboard.press('Enter');
    await p.getByText(/^Notifica a .* rimessa in coda\.$/).waitFor();
    await expect(row.textContent()).resolves.toContain('In coda');
    await web.stack.gateway.waitFor(() =>
      web.stack.gateway.delivered.slice(before).some((message) => message.idempotencyKey === deadLetter),
    );
    await waitUntil(async () => {
      const [stored]: { status: string }[] = await web.stack.dataSource.query(
        `SELECT status FROM notifications WHERE id = $1`,
        [deadLetter],
      );
      return stored.status === 'sent';
    });
    await expectNoAxeViolations(page, 'dead letter replayed');
    await screenshot(page, 'console-admin-queues-replayed');

    // The dashboard: a ticket (an HttpOnly cookie for its path), then the link opens bull-board.
    await tabTo(page, /^Prepara l’accesso al pannello$/);
    await p.keyboard.press('Enter');
    await p.getByText(/^Accesso pronto fino alle \d\d:\d\d\./).waitFor();
    await expect(p.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
      'Apri il pannello delle code',
    );
    await expectNoAxeViolations(page, 'queue dashboard ticket');
    const cookies = await page.context.cookies();
    expect(cookies.find((cookie) => cookie.name === 'prossimo_queue_dashboard')).toMatchObject({
      httpOnly: true,
      path: '/admin/queues',
    });
    await p.keyboard.press('Enter');
    await p.waitForURL(/\/admin\/queues/);
    await p.waitForFunction(() => document.body.textContent?.includes('notifications'), undefined, {
      timeout: 20000,
    });
    await screenshot(page, 'console-admin-queue-dashboard');
    // bull-board's Google Fonts link is refused by the dashboard's CSP before it reaches the network.
    expectNoOtherOrigin(page);
    const audit = await web.stack.dataSource.query(
      `SELECT action FROM audit_log WHERE actor_user_id = $1 AND action IN ('notifications.replay', 'queue_dashboard.opened')
        ORDER BY created_at`,
      [admin.userId],
    );
    expect(audit).toEqual([{ action: 'notifications.replay' }, { action: 'queue_dashboard.opened' }]);
  });

  it('a moderator and a citizen see no administration, are refused the pages, and the api refuses them', async () => {
    for (const user of [moderator, citizen]) {
      page = await openSignedIn(web, user.phone, { width: WIDTHS.desktop, at: '/area' });
      const p = page.page;
      // The signed-in menu has loaded (its last entry), without “Amministrazione”.
      await p.getByRole('link', { name: 'Notifiche', exact: true }).first().waitFor();
      await expect(p.getByRole('link', { name: 'Amministrazione', exact: true }).count()).resolves.toBe(0);
      for (const path of ['/amministrazione', '/amministrazione/personale', '/amministrazione/code']) {
        await page.goto(path);
        await p.getByRole('heading', { level: 1, name: 'Pagina riservata' }).waitFor();
        await expect(p.locator('table').count()).resolves.toBe(0);
        await expect(p.locator('main').textContent()).resolves.not.toContain('Ambito Novarese');
      }
      await checkPage(
        page,
        `console-admin-refused-${user === moderator ? 'moderator' : 'citizen'}`,
        /^Pagina riservata - Prossimo$/,
      );
      if (user === moderator) {
        // The console's menu on a page of hers holds her links, and no administration.
        await page.goto('/moderazione');
        const menu = p.getByRole('navigation', { name: 'Menu della console' });
        await menu.getByRole('link', { name: 'Registro attività', exact: true }).waitFor();
        await expect(menu.getByRole('link', { name: 'Territori', exact: true }).count()).resolves.toBe(0);
        await expect(menu.getByRole('link', { name: 'Personale', exact: true }).count()).resolves.toBe(0);
      }
      await page.close();
      page = undefined;
      for (const query of [
        `{ territories(first: 5) { items { id } } }`,
        `{ failedNotifications(first: 5) { items { id } } }`,
        `mutation { openQueueDashboard { url } }`,
      ]) {
        const refused = await web.stack.graphql(query, {}, { token: user.token });
        expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      }
    }
    // Without a ticket, the dashboard itself answers 401.
    const response = await fetch(`${web.baseUrl}/admin/queues`);
    expect(response.status).toBe(401);
  });

  it('fits 360 px: the administration pages without sideways scrolling', async () => {
    page = await openSignedIn(web, admin.phone);
    await expectPagesFit(page, [
      ['/amministrazione', 'console-admin-territories', /^Territori - Prossimo$/],
      [
        `/amministrazione/territori/${langhe}`,
        'console-admin-territory-edit',
        /^Comuni di Ambito Langhe - Prossimo$/,
      ],
      ['/amministrazione/personale', 'console-admin-staff', /^Personale del territorio - Prossimo$/],
      ['/amministrazione/code', 'console-admin-queues', /^Code e notifiche non consegnate - Prossimo$/],
    ]);
    // The territory search opens over the page and stays inside a phone's screen.
    const p = page.page;
    await page.goto('/amministrazione/personale');
    await p.getByRole('table', { name: /^Personale di Ambito Langhe/ }).waitFor();
    await p.getByRole('button', { name: 'Cambia territorio' }).click();
    await p.getByLabel('Cerca un territorio').fill('prova');
    await p
      .getByRole('status')
      .getByText('Primi 10 territori trovati: scrivi di più o mostra altri.')
      .waitFor();
    const panel = await p.locator('.territory-search__panel').boundingBox();
    expect(panel).not.toBeNull();
    expect(panel!.x).toBeGreaterThanOrEqual(0);
    expect(panel!.x + panel!.width).toBeLessThanOrEqual(WIDTHS.phone);
    await expectNoOverflow(page);
    await expectNoAxeViolations(page, 'territory search at 360');
    await screenshot(page, 'console-admin-territory-search');
  });
});
