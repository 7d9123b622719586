// page.evaluate() callbacks run in the browser.
/// <reference lib="dom" />
import { uniqueIp, uniquePhone } from '../support/stack';
import {
  acceptPrivacy,
  checkPage,
  codeFor,
  expectNoAxeViolations,
  openPage,
  openSignedIn,
  screenshot,
  signInThroughUi,
  startWebStackForFile,
  WebPage,
  WIDTHS,
} from './support/web';

const REQUEST_CODE = `mutation ($phone: String!) { requestPhoneVerification(input: { phone: $phone }) { phone } }`;

/** "347 ..." as a person types it; the api answers in E.164. */
const typed = (phone: string) => phone.replace(/^\+39/, '');

describe('sign-in and sign-up by phone in Chromium', () => {
  let page: WebPage;
  const web = startWebStackForFile({}, () => [page]);

  async function askForCode(phone: string): Promise<void> {
    await page.page.getByLabel('Numero di cellulare').fill(phone);
    await acceptPrivacy(page);
    await page.page.getByRole('button', { name: 'Mandami il codice' }).click();
    await page.page.getByLabel('Codice ricevuto per SMS').waitFor();
  }

  async function focusedId(): Promise<string> {
    return page.page.evaluate(() => document.activeElement?.id || document.activeElement?.className || '');
  }

  for (const width of [WIDTHS.phone, WIDTHS.desktop]) {
    it(`signs up at ${width}px: a wrong code shown at its field, then the right one; the session survives a reload; sign-out`, async () => {
      page = await openPage(web, width);
      const phone = uniquePhone();
      await page.goto('/accedi');
      await checkPage(page, 'sign-in-phone', /^Accedi o registrati - Prossimo$/);

      // Submitting without the privacy notice ticked: the summary takes focus and links to the field.
      await page.page.getByLabel('Numero di cellulare').fill(typed(phone));
      await page.page.getByRole('button', { name: 'Mandami il codice' }).click();
      await page.page.locator('.error-summary').waitFor();
      expect(await focusedId()).toContain('error-summary');
      await page.page.getByRole('link', { name: /Per continuare conferma/ }).click();
      expect(await focusedId()).toBe('privacy');
      await expectNoAxeViolations(page, 'sign-in privacy error');
      await screenshot(page, 'sign-in-privacy-error');

      const before = web.stack.gateway.messagesTo(phone).length;
      await acceptPrivacy(page);
      await page.page.getByRole('button', { name: 'Mandami il codice' }).click();
      const codeInput = page.page.getByLabel('Codice ricevuto per SMS');
      await codeInput.waitFor();
      expect(await codeInput.getAttribute('autocomplete')).toBe('one-time-code');
      expect(await codeInput.getAttribute('inputmode')).toBe('numeric');
      expect(await focusedId()).toBe('code');
      await page.page.getByText(/Puoi chiedere un nuovo codice tra \d+ secondi/).waitFor();
      await checkPage(page, 'sign-in-code', /^Scrivi il codice - Prossimo$/);

      const code = await codeFor(web, phone, before);
      const wrong = code === '000000' ? '111111' : '000000';
      await codeInput.fill(wrong);
      await page.page.getByRole('button', { name: 'Accedi', exact: true }).click();
      await page.page.locator('#code-error').waitFor();
      expect(await page.page.locator('#code-error').textContent()).toMatch(
        /Il codice non è corretto. Tentativi rimasti: \d/,
      );
      expect(await codeInput.getAttribute('aria-invalid')).toBe('true');
      expect(await focusedId()).toContain('error-summary');
      await expectNoAxeViolations(page, 'sign-in wrong code');
      await screenshot(page, 'sign-in-wrong-code');

      await codeInput.fill(code);
      await page.page.getByRole('button', { name: 'Accedi', exact: true }).click();
      await page.page.waitForURL('**/area');
      // The number as people read it: "+39 347 123 4567".
      const readable = phone.replace(/^\+39(\d{3})(\d{3})(\d{4})$/, '+39 $1 $2 $3');
      expect(readable).not.toBe(phone);
      await page.page.getByText(`Hai effettuato l’accesso con il numero ${readable}.`).waitFor();
      await checkPage(page, 'my-area', /^La mia area - Prossimo$/);

      // The refresh token is an HttpOnly cookie: no script reads it, and a reload signs in silently.
      expect(await page.page.evaluate(() => document.cookie)).not.toContain('prossimo_refresh');
      const cookies = await page.context.cookies();
      expect(cookies.find((cookie) => cookie.name === 'prossimo_refresh')).toMatchObject({
        httpOnly: true,
        sameSite: 'Strict',
        path: '/graphql',
      });
      await page.page.reload({ waitUntil: 'networkidle' });
      await page.page.getByRole('heading', { name: 'La mia area' }).waitFor();

      await page.page.getByRole('button', { name: 'Esci' }).click();
      await page.page.getByText('Sei uscito da Prossimo.').waitFor();
      expect(
        (await page.context.cookies()).find((cookie) => cookie.name === 'prossimo_refresh'),
      ).toBeUndefined();
      await page.goto('/area');
      await page.page.waitForURL('**/accedi?dopo=%2Farea');
    });
  }

  it('a second tab does not sign the first out: a request refused after its refresh renews through the cookie', async () => {
    page = await openSignedIn(web, uniquePhone(), { width: WIDTHS.desktop });
    // The second tab signs in silently with the shared cookie, which rotates the session: the first
    // tab's access token no longer works, but the cookie now holds a good refresh token.
    const second = await page.context.newPage();
    await second.goto('/area', { waitUntil: 'networkidle' });
    await second.getByRole('heading', { name: 'La mia area' }).waitFor();
    // Back in the first tab, without a reload: its list loads after one renewal.
    await page.page.getByRole('link', { name: 'Le mie richieste' }).first().click();
    await page.page.getByText('Non hai ancora fatto richieste.').waitFor();
    await expectNoAxeViolations(page, 'my needs after renewal');
    expect(await page.page.getByText('Devi accedere di nuovo.').count()).toBe(0);
    await second.close();
  });

  it('an expired code says so at the code field', async () => {
    page = await openPage(web, WIDTHS.phone);
    const phone = uniquePhone();
    await page.goto('/accedi');
    const before = web.stack.gateway.messagesTo(phone).length;
    await askForCode(typed(phone));
    const code = await codeFor(web, phone, before);
    // The api compares expires_at with the database's clock: move the code's expiry into the past.
    await web.stack.dataSource.query(
      `UPDATE phone_verifications SET expires_at = now() - interval '1 second' WHERE phone_e164 = $1`,
      [phone],
    );
    await page.page.getByLabel('Codice ricevuto per SMS').fill(code);
    await page.page.getByRole('button', { name: 'Accedi', exact: true }).click();
    await page.page.locator('#code-error').waitFor();
    expect(await page.page.locator('#code-error').textContent()).toBe(
      'Il codice è scaduto. Chiedine uno nuovo.',
    );
    await expectNoAxeViolations(page, 'sign-in expired code');
    await screenshot(page, 'sign-in-expired-code');
  });

  it('RATE_LIMITED is shown at the phone field, with the wait', async () => {
    page = await openPage(web, WIDTHS.phone);
    const phone = uniquePhone();
    // A code was just sent to this number: another one only after the resend interval.
    expect((await web.stack.graphql(REQUEST_CODE, { phone }, { ip: uniqueIp() })).errors).toBeUndefined();
    await page.goto('/accedi');
    await page.page.getByLabel('Numero di cellulare').fill(typed(phone));
    await acceptPrivacy(page);
    await page.page.getByRole('button', { name: 'Mandami il codice' }).click();
    await page.page.locator('#phone-error').waitFor();
    expect(await page.page.locator('#phone-error').textContent()).toMatch(
      /^Troppe richieste. Riprova tra \d+ second[oi]\.$/,
    );
    await expectNoAxeViolations(page, 'sign-in rate limited');
    await screenshot(page, 'sign-in-rate-limited');
  });

  it('the api unreachable: a retry that keeps what was typed', async () => {
    page = await openPage(web, WIDTHS.phone);
    const phone = uniquePhone();
    await page.goto('/accedi');
    await page.page.route('**/graphql', (route) => route.abort('connectionrefused'));
    await page.page.getByLabel('Numero di cellulare').fill(typed(phone));
    await acceptPrivacy(page);
    await page.page.getByRole('button', { name: 'Mandami il codice' }).click();
    await page.page.getByText('Il servizio non risponde').waitFor();
    expect(await page.page.getByLabel('Numero di cellulare').inputValue()).toBe(typed(phone));
    await expectNoAxeViolations(page, 'sign-in unreachable');
    await screenshot(page, 'sign-in-unreachable');

    await page.page.unroute('**/graphql');
    const before = web.stack.gateway.messagesTo(phone).length;
    await page.page.getByRole('button', { name: 'Riprova' }).click();
    await page.page.getByText(`Abbiamo mandato un codice di 6 cifre al numero ${phone}.`).waitFor();
    await codeFor(web, phone, before);
  });

  it('signs in with the keyboard only', async () => {
    page = await openPage(web, WIDTHS.desktop);
    const phone = uniquePhone();
    await page.goto('/');
    const keyboard = page.page.keyboard;

    /** Presses Tab until the element with this id (or text) has focus. */
    async function tabTo(matches: () => Promise<boolean>, limit = 40): Promise<void> {
      for (let presses = 0; presses < limit; presses += 1) {
        if (await matches()) return;
        await keyboard.press('Tab');
      }
      throw new Error(`Not reached by Tab: ${await focusedId()}`);
    }
    const focusedText = () => page.page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

    // The skip link comes first and lands in <main>.
    await keyboard.press('Tab');
    expect(await focusedText()).toBe('Vai al contenuto principale');
    await screenshot(page, 'keyboard-skip-link');
    await tabTo(async () => (await focusedText()) === 'Accedi');
    await keyboard.press('Enter');
    await page.page.waitForURL('**/accedi');
    await page.page.getByLabel('Numero di cellulare').waitFor();

    await tabTo(async () => (await focusedId()) === 'phone');
    await keyboard.type(typed(phone));
    await tabTo(async () => (await focusedId()) === 'privacy');
    await keyboard.press('Space');
    const before = web.stack.gateway.messagesTo(phone).length;
    await tabTo(async () => (await focusedText()) === 'Mandami il codice');
    await screenshot(page, 'keyboard-focus-button');
    await keyboard.press('Enter');
    // The code field takes focus by itself.
    await page.page.getByLabel('Codice ricevuto per SMS').waitFor();
    expect(await focusedId()).toBe('code');
    await keyboard.type(await codeFor(web, phone, before));
    await keyboard.press('Enter');
    await page.page.waitForURL('**/area');
    await page.page.getByRole('heading', { name: 'La mia area' }).waitFor();
  });

  it('signInThroughUi, the helper other journeys use, signs in; routes keep working after it', async () => {
    page = await openPage(web, WIDTHS.phone);
    await signInThroughUi(web, page, uniquePhone());
    await page.goto('/non-esiste');
    await page.page.getByRole('heading', { name: 'Pagina non trovata' }).waitFor();
  });
});
