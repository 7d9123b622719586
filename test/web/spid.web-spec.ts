// page.evaluate() callbacks run in the browser.
/// <reference lib="dom" />
import {
  accreditationUnderReview,
  createTerritory,
  grantRole,
  PIEDMONT,
  registerOrganisation,
  SignedInUser,
  signUp,
} from '../support/fixtures';
import { postNeedAs } from '../support/rides';
import { FederationStackOptions, startFederationForStack } from '../support/dev-federation';
import {
  checkPage,
  expectNoAxeViolations,
  openPage,
  Page,
  screenshot,
  signInThroughUi,
  startWebStackForFile,
  WebPage,
  WIDTHS,
} from './support/web';

/**
 * "Entra con SPID" and "Entra con CIE" in Chromium, through the development federation the e2e tests
 * start (a trust anchor, a SPID and a CIE provider on loopback): the buttons, the provider list, the
 * provider's own login page, the return signed in or with the reason; and the staff step-up.
 */
describe('SPID and CIE sign-in in Chromium (development federation)', () => {
  let setup: FederationStackOptions;
  let page: WebPage | undefined;
  let moderator: SignedInUser;
  let operator: SignedInUser;
  let organisationName: string;
  let needId: string;
  // Step-up on, as in production; the moderator signs up through the api, then in the browser. Our
  // pages loaded nothing from another origin (the provider's own pages are its business).
  const web = startWebStackForFile(
    async () => {
      setup = await startFederationForStack({ STAFF_STEP_UP: 'true', OTP_RESEND_INTERVAL_SECONDS: '0' });
      return setup.options;
    },
    () => [page],
  );

  beforeAll(async () => {
    const { stack } = web;
    const territory = await createTerritory(stack.dataSource, `SPID Langhe ${Date.now()}`, [PIEDMONT.alba]);
    const cooperative = await signUp(stack);
    moderator = await signUp(stack);
    await grantRole(stack.dataSource, moderator.userId, 'comune_moderator', { territoryId: territory });
    // An operator of the territory, and a need in Alba whose notes are about health.
    operator = await signUp(stack);
    await grantRole(stack.dataSource, operator.userId, 'comune_operator', { territoryId: territory });
    needId = await postNeedAs(stack, await signUp(stack), {
      category: 'COMPANIONSHIP',
      description: 'Compagnia il pomeriggio, due volte a settimana',
      location: { lat: 44.7, lon: 8.035 },
      address: 'Via Cavour 3, Alba',
      windowStart: new Date(Date.now() + 3600_000).toISOString(),
      windowEnd: new Date(Date.now() + 4 * 3600_000).toISOString(),
      sensitiveNotes: 'Diabete di tipo 1: insulina alle 17',
      healthDataConsent: true,
    });
    // A cooperative's accreditation under review: deciding it needs SPID level 2+ or CIE.
    const registered = await registerOrganisation(stack, cooperative, {
      homeComuneIstat: PIEDMONT.alba,
      name: 'Cooperativa SPID',
      description: 'Cooperativa sociale: compagnia e spesa per anziani.',
    });
    organisationName = registered.name;
    await accreditationUnderReview(stack, { cooperative, moderator }, registered.organisationId, territory);
  });

  afterAll(async () => {
    await setup?.federation.stop();
  });

  const providerOrigins = () => [setup.federation.spid.entityId, setup.federation.cie.entityId];
  const open = (width: number) => openPage(web, width, { providerOrigins: providerOrigins() });
  const onProvider = (p: Page, entityId: string) =>
    p.waitForURL(
      (url) => url.origin === new URL(entityId).origin && url.pathname.startsWith('/interaction/'),
    );

  /** On the development provider's login page: picks a test identity and signs in, or cancels. */
  async function atProvider(
    webPage: WebPage,
    choice: { identity?: RegExp; cancel?: boolean },
  ): Promise<void> {
    const p = webPage.page;
    await p.getByRole('group', { name: 'Identità di prova' }).waitFor();
    if (choice.cancel) {
      await p.getByRole('button', { name: 'Annulla' }).click();
      return;
    }
    if (choice.identity) await p.getByLabel(choice.identity).check();
    await p.getByRole('button', { name: 'Entra', exact: true }).click();
  }

  async function focusedClass(p: Page): Promise<string> {
    return p.evaluate(() => document.activeElement?.className ?? '');
  }

  for (const [width, identity] of [
    [WIDTHS.phone, /Mario Rossi/],
    [WIDTHS.desktop, /Giulia Bianchi/],
  ] as const) {
    it(`a citizen signs in with SPID at ${width}px: the button, the provider list, the provider's page, back signed in`, async () => {
      page = await open(width);
      const p = page.page;
      await page.goto('/accedi');
      const spid = p.getByRole('button', { name: 'Entra con SPID' });
      await spid.waitFor();
      await p.getByRole('button', { name: 'Entra con CIE' }).waitFor();
      await checkPage(page, 'sign-in-spid', /^Accedi o registrati - Prossimo$/);
      // The official look: blue #06c, white text.
      expect(await spid.evaluate((button) => getComputedStyle(button).backgroundColor)).toBe(
        'rgb(0, 102, 204)',
      );
      expect(await spid.evaluate((button) => getComputedStyle(button).color)).toBe('rgb(255, 255, 255)');

      // The provider list is a disclosure: Escape closes it and gives the focus back.
      expect(await spid.getAttribute('aria-expanded')).toBe('false');
      await spid.click();
      expect(await spid.getAttribute('aria-expanded')).toBe('true');
      const provider = p.getByRole('button', { name: 'SPID di sviluppo' });
      await provider.waitFor();
      await p.getByRole('link', { name: 'Non hai SPID?' }).waitFor();
      await expectNoAxeViolations(page, 'SPID provider list');
      await screenshot(page, 'sign-in-spid-providers');
      await p.keyboard.press('Escape');
      expect(await spid.getAttribute('aria-expanded')).toBe('false');
      expect(await provider.isVisible()).toBe(false);
      expect(await p.evaluate(() => document.activeElement?.textContent)).toBe('Entra con SPID');
      await p.keyboard.press('Enter');
      await provider.waitFor();

      await provider.click();
      await onProvider(p, setup.federation.spid.entityId);
      await screenshot(page, 'spid-dev-provider');
      await atProvider(page, { identity });

      // Back through the api's callback to /area?accesso=SPID_L2, which the app takes off the address.
      await p.waitForURL((url) => url.origin === web.baseUrl && url.pathname === '/area' && !url.search);
      await p.getByText('Hai effettuato l’accesso con SPID, livello 2.').waitFor();
      await checkPage(page, 'my-area-spid', /^La mia area - Prossimo$/);
      const cookie = (await page.context.cookies()).find(({ name }) => name === 'prossimo_refresh');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/graphql' });
      // Like after the phone sign-in, a reload signs in silently.
      await p.reload({ waitUntil: 'networkidle' });
      await p.getByRole('heading', { name: 'La mia area' }).waitFor();
      // A new account, named as SPID says, its session at SPID level 2.
      const levels: { auth_level: string | null }[] = await web.stack.dataSource.query(
        `SELECT s.auth_level FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.display_name = $1`,
        [identity.source],
      );
      expect(levels.map((session) => session.auth_level)).toContain('SPID_L2');
    });
  }

  it('the person cancels at the SPID provider: the sign-in page says so at the top, focused', async () => {
    page = await open(WIDTHS.phone);
    const p = page.page;
    await page.goto('/accedi');
    await p.getByRole('button', { name: 'Entra con SPID' }).click();
    await p.getByRole('button', { name: 'SPID di sviluppo' }).click();
    await onProvider(p, setup.federation.spid.entityId);
    await atProvider(page, { cancel: true });
    await p.waitForURL(
      (url) => url.pathname === '/accedi' && url.searchParams.get('identita') === 'cancelled',
    );
    const alert = p.getByRole('alert').filter({ hasText: 'Accesso annullato' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Hai annullato l’accesso con SPID o CIE');
    expect(await focusedClass(p)).toContain('identity-failure');
    // The buttons are still there for another try.
    await p.getByRole('button', { name: 'Entra con SPID' }).waitFor();
    await checkPage(page, 'sign-in-spid-cancelled', /^Accedi o registrati - Prossimo$/);
  });

  it('the person cancels at the CIE provider, at 1280px', async () => {
    page = await open(WIDTHS.desktop);
    const p = page.page;
    await page.goto('/accedi');
    await p.getByRole('button', { name: 'Entra con CIE' }).click();
    await onProvider(p, setup.federation.cie.entityId);
    await atProvider(page, { cancel: true });
    await p.getByRole('alert').filter({ hasText: 'Accesso annullato' }).waitFor();
    expect(await focusedClass(p)).toContain('identity-failure');
    await checkPage(page, 'sign-in-spid-cancelled', /^Accedi o registrati - Prossimo$/);
  });

  it('each reason the api gives has its own message; an unknown one the general one', async () => {
    page = await open(WIDTHS.phone);
    const p = page.page;
    const reasons: [string, string][] = [
      ['state_invalid', 'La richiesta di accesso è scaduta o è già stata usata'],
      ['provider_untrusted', 'Non possiamo verificare il gestore di identità'],
      ['token_invalid', 'Non siamo riusciti a verificare la risposta del gestore di identità'],
      ['level_too_low', 'livello di sicurezza più basso di quello richiesto'],
      ['identity_incomplete', 'non ci ha dato il tuo codice fiscale'],
      ['codice_fiscale_taken', 'appartiene a un altro account di Prossimo'],
      ['account_suspended', 'Questo account è sospeso'],
      ['something_new', 'Qualcosa non ha funzionato durante l’accesso'],
    ];
    for (const [reason, text] of reasons) {
      await page.goto(`/accedi?identita=${reason}`);
      const alert = p.getByRole('alert').filter({ hasText: 'Accesso con SPID o CIE non riuscito' });
      await alert.waitFor();
      expect(await alert.textContent()).toContain(text);
    }
    await expectNoAxeViolations(page, 'sign-in with a SPID failure');
    await screenshot(page, 'sign-in-spid-failed');

    // Sent back signed in, but no session cookie came with it (blocked cookies): said so.
    await page.goto('/area?accesso=SPID_L2');
    await p.getByText('il browser non ha conservato l’accesso').waitFor();
    expect(new URL(p.url()).searchParams.get('dopo')).toBe('/area');
  });

  it('an operator signed in by phone must step up with SPID to decide an accreditation, and comes back to the same page', async () => {
    page = await open(WIDTHS.desktop);
    const p = page.page;
    await signInThroughUi(web, page, moderator.phone);
    await page.goto('/moderazione/accreditamenti');
    await p.getByRole('button', { name: `Dati e storia di ${organisationName}` }).click();
    await p.locator('label', { hasText: 'Accredita' }).click();
    await p.getByLabel('Motivo (cosa hai controllato)').fill('Statuto, RUNTS e assicurazione verificati.');
    await p.getByRole('button', { name: 'Registra la decisione' }).click();

    const summary = p.locator('.error-summary');
    await summary.getByText('serve un accesso con SPID (livello 2 o superiore) o con la CIE').waitFor();
    await summary.getByRole('button', { name: 'Entra con SPID' }).waitFor();
    await expectNoAxeViolations(page, 'step-up required');
    await screenshot(page, 'console-step-up');

    await summary.getByRole('button', { name: 'Entra con SPID' }).click();
    await summary.getByRole('button', { name: 'SPID di sviluppo' }).click();
    await onProvider(p, setup.federation.spid.entityId);
    await atProvider(page, { identity: /Luca Verdi/ });

    await p.waitForURL(
      (url) => url.origin === web.baseUrl && url.pathname === '/moderazione/accreditamenti' && !url.search,
    );
    await p.getByRole('status').filter({ hasText: 'Accesso riuscito con SPID, livello 2.' }).waitFor();
    await checkPage(page, 'console-step-up-done', /^Accreditamenti - Prossimo$/);
    await p.getByRole('button', { name: `Dati e storia di ${organisationName}` }).click();
    await p.locator('label', { hasText: 'Accredita' }).click();
    await p.getByLabel('Motivo (cosa hai controllato)').fill('Statuto, RUNTS e assicurazione verificati.');
    await p.getByRole('button', { name: 'Registra la decisione' }).click();
    await p.getByText('Decisione registrata.').waitFor();

    // The identity was linked to the moderator's own account (a phone-verified session asked).
    const [linked]: { linked: boolean }[] = await web.stack.dataSource.query(
      `SELECT codice_fiscale_hmac IS NOT NULL AS linked FROM users WHERE id = $1`,
      [moderator.userId],
    );
    expect(linked.linked).toBe(true);
  });

  it('an operator signed in by phone steps up with SPID level 2 to read a need’s health notes, and is back on the same need reading them', async () => {
    page = await open(WIDTHS.desktop);
    const p = page.page;
    await signInThroughUi(web, page, operator.phone);
    await page.goto(`/sportello/richieste/${needId}`);
    const notes = p.getByRole('region', { name: 'Note sulla salute' });
    await notes.getByRole('button', { name: 'Leggi le note sulla salute' }).click();

    // Refused: the reason and the SPID/CIE buttons, in the notes' own section; nothing shown.
    const alert = notes.getByRole('alert');
    await alert.getByText('serve un accesso con SPID (livello 2 o superiore) o con la CIE').waitFor();
    await alert.getByRole('button', { name: 'Entra con CIE' }).waitFor();
    expect(await notes.textContent()).not.toContain('Diabete');
    expect(new URL(p.url()).searchParams.get('note')).toBe('salute');
    await expectNoAxeViolations(page, 'health notes: step-up required');
    await screenshot(page, 'console-need-notes-step-up');
    const reads = async (): Promise<number> => {
      const [row]: { n: number }[] = await web.stack.dataSource.query(
        `SELECT count(*)::int AS n FROM audit_log
          WHERE action = 'need.sensitive_notes_read' AND entity_id = $1 AND actor_user_id = $2`,
        [needId, operator.userId],
      );
      return row.n;
    };
    expect(await reads()).toBe(0);

    await alert.getByRole('button', { name: 'Entra con SPID' }).click();
    await alert.getByRole('button', { name: 'SPID di sviluppo' }).click();
    await onProvider(p, setup.federation.spid.entityId);
    await atProvider(page, { identity: /Anna Neri/ });

    // Back on the same need, with the notes asked for: read at SPID level 2, and audited.
    await p.waitForURL(
      (url) =>
        url.origin === web.baseUrl &&
        url.pathname === `/sportello/richieste/${needId}` &&
        url.search === '?note=salute',
    );
    await p.getByRole('status').filter({ hasText: 'Accesso riuscito con SPID, livello 2.' }).waitFor();
    await notes.getByText('Diabete di tipo 1: insulina alle 17').waitFor();
    await checkPage(page, 'console-need-notes-read', /^Richiesta: Compagnia - Prossimo$/);
    expect(await reads()).toBe(1);
    const [session]: { auth_level: string }[] = await web.stack.dataSource.query(
      `SELECT auth_level FROM sessions WHERE user_id = $1 AND auth_level IS NOT NULL`,
      [operator.userId],
    );
    expect(session.auth_level).toBe('SPID_L2');
  });
});
