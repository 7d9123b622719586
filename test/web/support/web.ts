// page.evaluate() callbacks run in the browser.
/// <reference lib="dom" />
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { Browser, BrowserContext, chromium, Page, Request } from 'playwright-core';
import { grantRole, signUp } from '../../support/fixtures';
import { startedForFile } from '../../support/for-file';
import { CHROMIUM, CHROMIUM_FLAGS } from '../../../bench/support/chromium';
import { startStack, StackOptions, TestStack } from '../../support/stack';

/**
 * Browser tests: Debian's Chromium driven by playwright-core against the real api + worker (the
 * e2e stack) serving the built web app (dist/web: `npm run build` or `npm run build:web` first).
 */
export const WEB_APP_DIR = resolve(__dirname, '../../../dist/web');
export const SCREENSHOT_DIR = resolve(__dirname, '../screenshots');
export const WIDTHS = { phone: 360, desktop: 1280 } as const;

export interface WebStack {
  stack: TestStack;
  browser: Browser;
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * The api's settings for files that sign people in through the page right after signing them up
 * through the api, all from one address: no wait between two codes, no hourly cap per address.
 */
export const REPEATED_SIGN_INS: Record<string, string> = {
  OTP_RESEND_INTERVAL_SECONDS: '0',
  OTP_MAX_SENDS_PER_IP_PER_HOUR: '1000',
};

/**
 * The api's settings for files whose staff sign in through the page once per journey, some many
 * times over: REPEATED_SIGN_INS, and no 15-minute or daily cap per number in the way either.
 */
export const MANY_SIGN_INS: Record<string, string> = {
  ...REPEATED_SIGN_INS,
  OTP_MAX_SENDS_PER_15_MIN: '100',
  OTP_MAX_SENDS_PER_DAY: '100',
};

/** The api + worker serving dist/web, and a fresh Chromium (its own empty profile). */
export async function startWebStack(options: StackOptions = {}): Promise<WebStack> {
  if (!existsSync(join(WEB_APP_DIR, 'index.html'))) {
    throw new Error(
      `The web app is not built (${WEB_APP_DIR}/index.html is missing): run \`npm run build\` first.`,
    );
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH).`);
  }
  const stack = await startStack({ ...options, env: { WEB_APP_DIR, ...options.env } });
  const profile = mkdtempSync(join(tmpdir(), 'prossimo-chromium-'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_FLAGS, `--disk-cache-dir=${join(profile, 'cache')}`],
    // playwright-core gives every launch a fresh temporary user-data-dir of its own.
    headless: true,
  });
  const address = stack.api.getHttpServer().address() as { port: number };
  return {
    stack,
    browser,
    baseUrl: `http://127.0.0.1:${address.port}`,
    async close() {
      await browser.close();
      await stack.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** An Italian mobile as the pages write it: "+393331234567" is "+39 333 123 4567". */
export const spacedPhone = (phone: string) => phone.replace(/^\+39(\d{3})(\d{3})(\d+)$/, '+39 $1 $2 $3');

export interface WebPage {
  page: Page;
  context: BrowserContext;
  width: number;
  /** Requests the page made to any other origin (the guard aborts them; expectNoOtherOrigin fails on them). */
  otherOriginRequests: string[];
  /** What the Content-Security-Policy refused, on any page of this context (expectNoCspViolation). */
  cspViolations: string[];
  goto(path: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * A new page of `width` px (a fresh context: no cookies), that blocks and records other-origin
 * requests and records what the Content-Security-Policy refuses. `deviceScaleFactor` 2 with half
 * the width is how a 1280 px window at 200 % zoom lays out. `providerOrigins` are sites the
 * person goes to and comes back from (the development SPID/CIE providers): navigating there, and
 * what their own pages load, is allowed; our pages loading anything from them is not.
 */
export async function openPage(
  web: WebStack,
  width: number = WIDTHS.phone,
  options: { height?: number; deviceScaleFactor?: number; providerOrigins?: string[] } = {},
): Promise<WebPage> {
  const context = await web.browser.newContext({
    viewport: { width, height: options.height ?? (width < 800 ? 740 : 900) },
    deviceScaleFactor: options.deviceScaleFactor,
    locale: 'it-IT',
    baseURL: web.baseUrl,
  });
  const cspViolations: string[] = [];
  // The browser's own report of each refusal, on every page the context opens (it survives reloads).
  await context.exposeBinding('__reportCspViolation', (_source, text: string) => {
    cspViolations.push(text);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportCspViolation(text: string): void }).__reportCspViolation;
      report(
        `${event.violatedDirective} refused ${event.blockedURI.slice(0, 80)} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  const otherOriginRequests: string[] = [];
  const origin = new URL(web.baseUrl).origin;
  const providerOrigins = new Set((options.providerOrigins ?? []).map((url) => new URL(url).origin));
  await context.route('**/*', (route) => {
    const request = route.request();
    const url = request.url();
    const target = new URL(url).origin;
    if (target === origin) return route.continue();
    if (providerOrigins.has(target) && (request.isNavigationRequest() || frameOrigin(request) === target)) {
      return route.continue();
    }
    otherOriginRequests.push(url);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  // Chromium also says it on the console ("Refused to load the font 'data:…' because it violates…").
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      cspViolations.push(message.text().slice(0, 300));
    }
  });
  return {
    page,
    context,
    width,
    otherOriginRequests,
    cspViolations,
    async goto(path: string) {
      await page.goto(path, { waitUntil: 'networkidle' });
    },
    close: () => context.close(),
  };
}

/** The origin of the page that made a request (undefined for a service worker's). */
function frameOrigin(request: Request): string | undefined {
  try {
    return new URL(request.frame().url()).origin;
  } catch {
    return undefined;
  }
}

export function expectNoOtherOrigin(webPage: WebPage): void {
  expect(webPage.otherOriginRequests).toEqual([]);
}

/** Nothing refused by the Content-Security-Policy so far (no data: font, no inline script...). */
export function expectNoCspViolation(webPage: WebPage): void {
  expect(webPage.cspViolations).toEqual([]);
}

/** axe-core with the WCAG 2.1 A/AA rules: 0 violations, or a readable list of them. */
export async function expectNoAxeViolations(webPage: WebPage, label: string): Promise<void> {
  const results = await new AxeBuilder({ page: webPage.page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const violations = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help}\n` +
      violation.nodes.map((node) => `    ${node.target.join(' ')}: ${node.failureSummary ?? ''}`).join('\n'),
  );
  if (violations.length) throw new Error(`axe on ${label} at ${webPage.width}px:\n${violations.join('\n')}`);
}

/** A full-page screenshot in test/web/screenshots/<name>-<width>.png (git-ignored): look at them. */
export async function screenshot(webPage: WebPage, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}-${webPage.width}.png`);
  await webPage.page.screenshot({ path, fullPage: true });
  return path;
}

/** Checks the page every test needs: its title, one h1, the landmarks, axe; then a screenshot. */
export async function checkPage(webPage: WebPage, name: string, title: RegExp): Promise<void> {
  const { page } = webPage;
  // A lazy page names itself once its chunk has loaded, which "networkidle" does not always wait for.
  await page
    .waitForFunction((source) => new RegExp(source).test(document.title), title.source, { timeout: 15000 })
    .catch(() => undefined);
  await expect(page.title()).resolves.toMatch(title);
  expect(await page.locator('h1').count()).toBe(1);
  expect(await page.locator('main#main').count()).toBe(1);
  expect(await page.getAttribute('html', 'lang')).toMatch(/^(it|en)$/);
  await expectNoAxeViolations(webPage, name);
  // Fonts load when text first uses them: after they have, any the CSP refused has been reported.
  await page.evaluate(() => document.fonts.ready);
  expectNoCspViolation(webPage);
  await screenshot(webPage, name);
}

/**
 * A field shown refused (by the form or the api): its message `#<id>-error` appears, says
 * `message` when given (exactly, or matching a RegExp), and the field is marked aria-invalid.
 */
export async function expectFieldError(
  webPage: WebPage,
  id: string,
  message?: string | RegExp,
): Promise<void> {
  const { page } = webPage;
  await page.locator(`#${id}-error`).waitFor();
  if (typeof message === 'string')
    await expect(page.locator(`#${id}-error`).textContent()).resolves.toBe(message);
  if (message instanceof RegExp)
    await expect(page.locator(`#${id}-error`).textContent()).resolves.toMatch(message);
  await expect(page.locator(`#${id}`).getAttribute('aria-invalid')).resolves.toBe('true');
}

/** Presses Tab until the focused element (its id and accessible text) satisfies `reached`. */
async function tabUntil(
  webPage: WebPage,
  reached: (focused: { id: string; text: string }) => boolean,
  what: string,
  limit: number,
): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await webPage.page.keyboard.press('Tab');
    const focused = await webPage.page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element) return { id: '', text: '' };
      const label = element.id ? document.querySelector(`label[for="${element.id}"]`)?.textContent : '';
      const text = [element.getAttribute('aria-label'), label, element.textContent].filter(Boolean).join(' ');
      return { id: element.id, text };
    });
    if (reached(focused)) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

/** Presses Tab until the focused element's accessible text matches, as a keyboard user does. */
export function tabTo(webPage: WebPage, text: RegExp, limit = 80): Promise<void> {
  return tabUntil(webPage, (focused) => text.test(focused.text), String(text), limit);
}

/** Presses Tab until the focused element's id matches (radio buttons of several groups share labels). */
export function tabToId(webPage: WebPage, id: RegExp, limit = 80): Promise<void> {
  return tabUntil(webPage, (focused) => id.test(focused.id), `#${id}`, limit);
}

/** Nothing on the page is wider than the screen (at 360 px: no sideways scrolling). */
export async function expectNoOverflow(webPage: WebPage): Promise<void> {
  const overflow = await webPage.page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

/**
 * Opens each [path, screenshot name, title] in turn once it has loaded, checks it (checkPage: axe,
 * one h1, screenshot) and that nothing is wider than the window (at 360 px: nothing to scroll sideways).
 */
export async function expectPagesFit(webPage: WebPage, pages: [string, string, RegExp][]): Promise<void> {
  const { page } = webPage;
  for (const [path, name, title] of pages) {
    await webPage.goto(path);
    await page.locator('h1').first().waitFor();
    await page.waitForFunction(() => !document.body.textContent?.includes('Caricamento…'));
    await checkPage(webPage, name, title);
    await expectNoOverflow(webPage);
  }
}

/** The code the loopback gateway received for phone after `before` messages. */
export function codeFor(web: WebStack, phone: string, before = 0): Promise<string> {
  return web.stack.gateway.waitForCode(phone, before);
}

/** Ticks the privacy notice box as a person does: Bootstrap Italia draws the box on its label. */
export async function acceptPrivacy(webPage: WebPage): Promise<void> {
  await webPage.page.locator('label[for="privacy"]').click();
  expect(await webPage.page.locator('#privacy').isChecked()).toBe(true);
}

/** Signs in through the UI (phone, privacy, the SMS code) and waits for "La mia area". */
export async function signInThroughUi(web: WebStack, webPage: WebPage, phone: string): Promise<void> {
  const { page } = webPage;
  const before = web.stack.gateway.messagesTo(phone).length;
  await webPage.goto('/accedi');
  await page.getByLabel('Numero di cellulare').fill(phone);
  await acceptPrivacy(webPage);
  await page.getByRole('button', { name: 'Mandami il codice' }).click();
  // The code field appears once the api accepted the request; if it does not, the page's error says why.
  await page
    .getByLabel('Codice ricevuto per SMS')
    .waitFor({ timeout: 20000 })
    .catch(async () => {
      throw new Error(
        `No code field after asking a code for ${phone}: ${await page.locator('main').innerText()}`,
      );
    });
  const code = await codeFor(web, phone, before).catch(async (error: Error) => {
    throw new Error(`${error.message}; the code's way so far: ${await otpTrail(web, phone)}`);
  });
  await page.getByLabel('Codice ricevuto per SMS').fill(code);
  await page.getByRole('button', { name: 'Accedi', exact: true }).click();
  await page.waitForURL('**/area');
}

/**
 * A new page of `width` px (phone by default; `height` and `deviceScaleFactor` as openPage takes
 * them), signed in through the UI as the person with `phone`, then at `at` when given; closed
 * again if signing in fails.
 */
export async function openSignedIn(
  web: WebStack,
  phone: string,
  options: { width?: number; at?: string; height?: number; deviceScaleFactor?: number } = {},
): Promise<WebPage> {
  const { width = WIDTHS.phone, at, ...pageOptions } = options;
  const opened = await openPage(web, width, pageOptions);
  try {
    await signInThroughUi(web, opened, phone);
    if (at) await opened.goto(at);
  } catch (error) {
    await opened.close();
    throw error;
  }
  return opened;
}

/**
 * A new page (phone width) signed in as a new person with both Comune staff roles in `territoryId`,
 * operator and moderator: the one person who sees every console page of the territory.
 */
export async function openAsComuneStaff(web: WebStack, territoryId: string): Promise<WebPage> {
  const staff = await signUp(web.stack);
  for (const role of ['comune_operator', 'comune_moderator'])
    await grantRole(web.stack.dataSource, staff.userId, role, { territoryId });
  return openSignedIn(web, staff.phone);
}

/** Follows the link `name` of the console's menu and waits for the page's h1 `heading`. */
export async function followConsoleMenu(
  opened: WebPage,
  name: string,
  heading: string,
  options: { exact?: boolean } = {},
): Promise<void> {
  await opened.page
    .getByRole('navigation', { name: 'Menu della console' })
    .getByRole('link', { name, exact: options.exact })
    .click();
  await opened.page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

/**
 * Where the latest code for phone got to (its verification, its notification, its outbox row): a
 * code that never reached the gateway says which step it stopped at.
 */
async function otpTrail(web: WebStack, phone: string): Promise<string> {
  const rows: unknown[] = await web.stack.dataSource.query(
    `SELECT v.created_at AS asked_at, n.status, n.attempts, n.last_error, n.created_at AS queued_at,
            o.dispatched_at, o.dispatch_attempts, o.last_dispatch_error, now() AS checked_at
       FROM phone_verifications v
       LEFT JOIN notifications n ON n.event = 'otp' AND n.created_at = v.created_at
       LEFT JOIN outbox o ON o.payload->>'notificationId' = n.id::text
      WHERE v.phone_e164 = $1
      ORDER BY v.created_at DESC LIMIT 2`,
    [phone],
  );
  return JSON.stringify(rows);
}

/** The Rome calendar day `days` after today (YYYY-MM-DD): a form's day, whatever the weekday. */
export function romeDay(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(
    new Date(Date.now() + days * 86_400_000),
  );
}

export { Page };

/** After a test: the pages it opened loaded nothing from another origin; then they close. */
export async function closeCheckedPages(...pages: (WebPage | undefined)[]): Promise<void> {
  for (const page of pages) if (page) expectNoOtherOrigin(page);
  for (const page of pages) await page?.close();
}

/**
 * After each test, the pages `pages()` returns are checked (nothing loaded from another origin)
 * and closed. A page is checked once, after the test that opened it: a variable still holding it
 * later (a test that opened none) does not check it again.
 */
function closePagesAfterEach(pages: () => (WebPage | undefined)[]): void {
  const closed = new WeakSet<WebPage>();
  afterEach(async () => {
    const opened = pages().filter((page) => page && !closed.has(page));
    await closeCheckedPages(...opened);
    for (const page of opened) if (page) closed.add(page);
  });
}

/**
 * A browser file's web stack, started before its tests and closed after them (startedForFile),
 * each test's `pages()` checked and closed after it (closePagesAfterEach). `options` may be a
 * function, for options only known once something else has started (a federation's providers).
 */
export function startWebStackForFile(
  options: StackOptions | (() => Promise<StackOptions>) = {},
  pages: () => (WebPage | undefined)[] = () => [],
): WebStack {
  const web = startedForFile(
    async () => startWebStack(typeof options === 'function' ? await options() : options),
    (started) => started.close(),
  );
  closePagesAfterEach(pages);
  return web;
}
