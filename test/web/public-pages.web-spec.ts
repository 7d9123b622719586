// page.evaluate() callbacks run in the browser.
/// <reference lib="dom" />
import {
  checkPage,
  expectNoCspViolation,
  expectNoOtherOrigin,
  expectNoOverflow,
  openPage,
  startWebStackForFile,
  WIDTHS,
} from './support/web';

describe('public pages in Chromium', () => {
  const web = startWebStackForFile();

  for (const width of [WIDTHS.phone, WIDTHS.desktop]) {
    it(`home at ${width}px: the two paths, the footer links, axe, nothing from another origin`, async () => {
      const home = await openPage(web, width);
      try {
        await home.goto('/');
        await checkPage(home, 'home', /^Aiuto vicino a te - Prossimo$/);
        await expect(home.page.getByRole('link', { name: /Ho bisogno di aiuto/ }).isVisible()).resolves.toBe(
          true,
        );
        await expect(home.page.getByRole('link', { name: /Voglio dare una mano/ }).isVisible()).resolves.toBe(
          true,
        );
        await expect(
          home.page
            .getByRole('link', { name: /Cerca un servizio/ })
            .first()
            .isVisible(),
        ).resolves.toBe(true);
        await expect(
          home.page.locator('[data-element="accessibility-link"]').getAttribute('href'),
        ).resolves.toBe('/accessibilita');
        await expect(
          home.page.locator('[data-element="privacy-policy-link"]').getAttribute('href'),
        ).resolves.toBe('/privacy');
        // Nothing wider than the screen at 360 px.
        await expectNoOverflow(home);
        // The fonts are ours and loaded.
        await home.page.evaluate(() => document.fonts.ready);
        await expect(home.page.evaluate(() => document.fonts.check('16px "Titillium Web"'))).resolves.toBe(
          true,
        );
        // Every font the stylesheets declare loads, also those no text uses yet: none is refused by
        // the Content-Security-Policy (font-src 'self': a data: font inlined in a stylesheet would be).
        const refusedFonts = await home.page.evaluate(async () => {
          const faces: FontFace[] = [];
          document.fonts.forEach((face) => faces.push(face));
          await Promise.allSettled(faces.map((face) => face.load()));
          return faces.filter((face) => face.status === 'error').map((face) => face.family);
        });
        expect(refusedFonts).toEqual([]);
        expectNoCspViolation(home);
        expectNoOtherOrigin(home);
      } finally {
        await home.close();
      }
    });
  }

  it('the accessibility statement, the privacy notice, a missing page; English', async () => {
    for (const width of [WIDTHS.phone, WIDTHS.desktop]) {
      const page = await openPage(web, width);
      try {
        await page.goto('/accessibilita');
        await checkPage(page, 'accessibility', /^Dichiarazione di accessibilità - Prossimo$/);
        await page.goto('/privacy');
        await page.page.getByText(/Versione /).waitFor();
        await checkPage(page, 'privacy', /^Informativa privacy - Prossimo$/);
        await page.goto('/non-esiste');
        await checkPage(page, 'not-found', /^Pagina non trovata - Prossimo$/);
        // The language switch: English everywhere, lang="en", kept on the next visit.
        await page.page.getByRole('button', { name: 'Read this site in English' }).click();
        // English is its own chunk: the switch happens once it has loaded.
        await page.page.waitForFunction(() => document.documentElement.lang === 'en');
        await page.page.getByRole('button', { name: 'Leggi il sito in italiano' }).waitFor();
        await page.goto('/');
        await checkPage(page, 'home-en', /^Help near you - Prossimo$/);
        expectNoOtherOrigin(page);
      } finally {
        await page.close();
      }
    }
  });
});
