// page.evaluate() callbacks run in the browser.
/// <reference lib="dom" />
import { createTerritory, grantRole, ok, PIEDMONT, SignedInUser, signUp } from '../support/fixtures';
import {
  checkPage,
  expectNoAxeViolations,
  expectNoOtherOrigin,
  expectPagesFit,
  openPage,
  screenshot,
  signInThroughUi,
  startWebStack,
  tabTo,
  WebPage,
  WebStack,
  WIDTHS,
} from './support/web';

/** "+393331000001" as the page writes it. */
const spaced = (phone: string) => phone.replace(/^\+39(\d{3})(\d{3})(\d+)$/, '+39 $1 $2 $3');

describe('the Comune moderator’s and operator’s pages in Chromium: audit, settings, batch assignment', () => {
  let web: WebStack;
  let langhe: string;
  let novarese: string;
  let operator: SignedInUser;
  let moderator: SignedInUser;
  let foreignModerator: SignedInUser;
  let page: WebPage | undefined;

  beforeAll(async () => {
    web = await startWebStack({ env: { OTP_RESEND_INTERVAL_SECONDS: '0' } });
    const { stack } = web;
    langhe = await createTerritory(stack.dataSource, `Comune Langhe ${Date.now()}`, [
      PIEDMONT.alba,
      PIEDMONT.bra,
    ]);
    novarese = await createTerritory(stack.dataSource, `Comune Novarese ${Date.now()}`, [PIEDMONT.novara]);
    [operator, moderator, foreignModerator] = await Promise.all(
      Array.from({ length: 3 }, () => signUp(stack)),
    );
    await grantRole(stack.dataSource, operator.userId, 'comune_operator', { territoryId: langhe });
    await grantRole(stack.dataSource, moderator.userId, 'comune_moderator', { territoryId: langhe });
    await grantRole(stack.dataSource, foreignModerator.userId, 'comune_moderator', { territoryId: novarese });
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
  afterAll(async () => {
    await web?.close();
  });
  afterEach(async () => {
    if (page) expectNoOtherOrigin(page);
    await page?.close();
    page = undefined;
  });

  it('the moderator reads the audit trail, pages it with “Mostra altri” and filters by who, what and when', async () => {
    page = await openPage(web, WIDTHS.desktop);
    const p = page.page;
    await signInThroughUi(web, page, moderator.phone);
    await page.goto('/moderazione');
    await p
      .getByRole('navigation', { name: 'Menu della console' })
      .getByRole('link', { name: 'Registro attività' })
      .click();
    await p.getByRole('heading', { level: 1, name: 'Registro delle attività' }).waitFor();
    const table = p.getByRole('table', { name: 'Attività registrate, dalla più recente' });
    await table.waitFor();
    await checkPage(page, 'comune-audit', /^Registro delle attività - Prossimo$/);
    // Newest first: the moderator's change of today, by name and role.
    const firstRow = table.locator('tbody tr').first();
    await expect(firstRow.textContent()).resolves.toMatch(
      /Marta Rinaldi.*Moderatore.*Modo di moderazione cambiato/,
    );
    await expect(table.locator('tbody tr').count()).resolves.toBe(20);
    await expect(table.textContent()).resolves.toContain(spaced(operator.phone));
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
    await p.locator('#auditTo-error').waitFor();
    await expect(p.locator('#auditTo').getAttribute('aria-invalid')).resolves.toBe('true');
    await expectNoAxeViolations(page, 'audit filter with an error');
    await screenshot(page, 'comune-audit-error');

    // The operator's reads of personal data on 31 March 2024 (Rome), from the “who” and “what” lists.
    await p
      .getByLabel('Chi', { exact: true })
      .selectOption({ label: `${spaced(operator.phone)} (Operatore)` });
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

  it('a moderator of another territory sees nothing of the Langhe; an operator does not open the moderator’s pages', async () => {
    page = await openPage(web, WIDTHS.desktop);
    const p = page.page;
    await signInThroughUi(web, page, foreignModerator.phone);
    await page.goto('/moderazione/registro');
    const table = p.getByRole('table', { name: 'Attività registrate, dalla più recente' });
    await table.waitFor();
    await expect(table.textContent()).resolves.toMatch(/by: name/);
    const main = (await p.locator('main').textContent()) ?? '';
    for (const langheText of ['Marta Rinaldi', spaced(operator.phone), 'by: phone', 'Comune Langhe']) {
      expect(main).not.toContain(langheText);
    }
    await expect(p.getByLabel('Chi', { exact: true }).textContent()).resolves.not.toContain(
      spaced(operator.phone),
    );
    // The api refuses the Langhe's log and staff to them, whatever the page asks.
    for (const query of [
      `query ($id: ID!) { auditTrail(territoryId: $id) { items { id } } }`,
      `query ($id: ID!) { territoryStaff(territoryId: $id) { userId } }`,
    ]) {
      const denied = await web.stack.graphql(query, { id: langhe }, { token: foreignModerator.token });
      expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    await page.close();

    page = await openPage(web, WIDTHS.desktop);
    await signInThroughUi(web, page, operator.phone);
    await page.goto('/moderazione/registro');
    await page.page.getByRole('heading', { level: 1, name: 'Pagina riservata' }).waitFor();
  });

  it('every page of this spec at 360 px: axe, one h1, nothing wider than the screen', async () => {
    page = await openPage(web, WIDTHS.phone);
    const staff = await signUp(web.stack);
    await grantRole(web.stack.dataSource, staff.userId, 'comune_operator', { territoryId: langhe });
    await grantRole(web.stack.dataSource, staff.userId, 'comune_moderator', { territoryId: langhe });
    await signInThroughUi(web, page, staff.phone);
    const pages: [string, string, RegExp][] = [
      ['/moderazione/registro', 'comune-audit', /^Registro delle attività - Prossimo$/],
    ];
    await expectPagesFit(page, pages);
  });
});
