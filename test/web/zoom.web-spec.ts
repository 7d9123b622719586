// page.evaluate() callbacks run in the browser.
/// <reference lib="dom" />
import { ok, rideDriverProfile, signUp } from '../support/fixtures';
import {
  expectNoAxeViolations,
  expectNoCspViolation,
  REPEATED_SIGN_INS,
  openPage,
  openSignedIn,
  screenshot,
  startWebStackForFile,
  WebPage,
} from './support/web';
import { BRA } from './volunteer-fixtures';

/**
 * A 1280 x 900 window zoomed to 200 %: the page lays out in 640 x 450 CSS pixels, drawn with two
 * device pixels to each (WCAG 1.4.4 and 1.4.10: nothing lost, no scrolling sideways).
 */
const ZOOMED = { width: 640, height: 450, deviceScaleFactor: 2 };

describe('the main pages at 200 % zoom in Chromium', () => {
  let page: WebPage | undefined;
  const web = startWebStackForFile({ env: REPEATED_SIGN_INS }, () => [page]);
  // Nor anything refused by the Content-Security-Policy (after the hook above closed the page).
  afterEach(() => {
    if (page) expectNoCspViolation(page);
    page = undefined;
  });

  /**
   * The page at 200 %: no horizontal scrolling, each main action on screen once scrolled to (within
   * the width, not clipped), axe clean, and a screenshot to look at (<name>-zoom200-640.png).
   */
  async function checkZoomed(name: string, actions: { role: 'link' | 'button'; name: string | RegExp }[]) {
    const current = page as WebPage;
    const browser = current.page;
    await browser.locator('h1').first().waitFor();
    await browser.evaluate(() => document.fonts.ready);
    const widths = await browser.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
    }));
    expect({ page: name, ...widths, fits: widths.scroll <= widths.viewport }).toMatchObject({ fits: true });
    for (const action of actions) {
      const target = browser.getByRole(action.role, { name: action.name, exact: true }).first();
      await target.scrollIntoViewIfNeeded();
      expect(await target.isVisible()).toBe(true);
      const box = await target.boundingBox();
      expect(box).not.toBeNull();
      const { x, width } = box as { x: number; width: number };
      expect({
        page: name,
        action: String(action.name),
        inside: x >= 0 && x + width <= ZOOMED.width,
      }).toMatchObject({ inside: true });
    }
    await expectNoAxeViolations(current, `${name} at 200 %`);
    await screenshot(current, `${name}-zoom200`);
  }

  it('the public pages and sign-in', async () => {
    page = await openPage(web, ZOOMED.width, ZOOMED);
    await page.goto('/');
    await checkZoomed('home', [
      { role: 'link', name: /Ho bisogno di aiuto/ },
      { role: 'link', name: /Voglio dare una mano/ },
    ]);
    await page.goto('/servizi');
    await page.page.locator('#results-title').waitFor();
    await checkZoomed('catalogue', [{ role: 'button', name: 'Cerca' }]);
    await page.goto('/accedi');
    await checkZoomed('sign-in', [{ role: 'button', name: 'Mandami il codice' }]);
  }, 240_000);

  it('the citizen’s and the volunteer’s main pages', async () => {
    // Setup through the api: this person is already a volunteer (the profile's own page has its journey).
    const person = await signUp(web.stack);
    ok(
      await web.stack.graphql(
        `mutation ($input: UpsertVolunteerProfileInput!) { upsertVolunteerProfile(input: $input) { id } }`,
        { input: rideDriverProfile('Giorgio R.', BRA) },
        { token: person.token },
      ),
    );
    page = await openSignedIn(web, person.phone, ZOOMED);
    await checkZoomed('my-area', []);

    await page.goto('/richieste');
    await page.page.getByText('Non hai ancora fatto richieste.').waitFor();
    await checkZoomed('my-needs', [{ role: 'link', name: 'Chiedi aiuto' }]);
    await page.goto('/richieste/nuova');
    await page.page.waitForURL('**/richieste/nuova/categoria');
    await checkZoomed('need-category', [{ role: 'button', name: 'Continua' }]);
    await page.goto('/notifiche');
    await checkZoomed('notifications', []);

    await page.goto('/volontario/disponibilita');
    await page.page.getByRole('grid').waitFor();
    await checkZoomed('volunteer-availability', [{ role: 'button', name: 'Salva la settimana' }]);
    await page.goto('/volontario/proposte');
    await page.page.getByTestId('no-proposals').waitFor();
    await checkZoomed('volunteer-proposals', []);
    await page.goto('/volontario/profilo');
    await page.page.getByLabel('Il nome che vedranno le persone').waitFor();
    await checkZoomed('volunteer-profile', [{ role: 'button', name: 'Salva il profilo' }]);
  }, 240_000);
});
