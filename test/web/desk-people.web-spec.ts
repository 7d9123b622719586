// page.evaluate() callbacks run in the browser.
/// <reference lib="dom" />
import { createTerritory, grantRole, PIEDMONT, SignedInUser, signUp } from '../support/fixtures';
import { uniquePhone } from '../support/stack';
import {
  checkPage,
  expectNoAxeViolations,
  followConsoleMenu,
  openPage,
  romeDay,
  screenshot,
  signInThroughUi,
  startWebStackForFile,
  WebPage,
  WIDTHS,
} from './support/web';

describe('the desk finds a person by phone or name and posts a need for them, in Chromium', () => {
  let operator: SignedInUser;
  let page: WebPage | undefined;
  const phone = uniquePhone();
  const local = `${phone.slice(3, 6)} ${phone.slice(6)}`;
  const web = startWebStackForFile({ env: { OTP_RESEND_INTERVAL_SECONDS: '0' } }, () => [page]);

  beforeAll(async () => {
    const langhe = await createTerritory(web.stack.dataSource, `Persone Langhe ${Date.now()}`, [
      PIEDMONT.alba,
      PIEDMONT.bra,
    ]);
    operator = await signUp(web.stack);
    await grantRole(web.stack.dataSource, operator.userId, 'comune_operator', { territoryId: langhe });
    await web.stack.dataSource.query(`UPDATE users SET display_name = 'Anna Operatrice' WHERE id = $1`, [
      operator.userId,
    ]);
  });

  for (const width of [WIDTHS.desktop, WIDTHS.phone]) {
    it(`registers a person with a witnessed verbal consent, finds her by phone and name, opens her record and posts another need (${width} px)`, async () => {
      page = await openPage(web, width);
      const p = page.page;
      const surname = width === WIDTHS.desktop ? 'Bertolino' : 'Cravero';
      const personPhone = width === WIDTHS.desktop ? local : uniquePhone();
      await signInThroughUi(web, page, operator.phone);

      // First visit: registered with the new request; consent given out loud before a witness.
      await page.goto('/sportello');
      await p
        .getByRole('heading', { level: 1, name: 'Sportello: nuova richiesta per una persona' })
        .waitFor();
      await p.getByLabel('Nome e cognome').fill(`Teresa ${surname}`);
      await p.getByLabel(/^Cellulare/).fill(personPhone);
      await p.locator('label[for="consentRecorded"]').click();
      await p.locator('label[for="consentMethod-VERBAL_WITH_WITNESS"]').click();
      await p.getByRole('button', { name: 'Registra la persona e invia la richiesta' }).click();
      // The witness is asked for: the summary links to the field.
      await p.locator('.error-summary').getByText('Scrivi il nome e il ruolo del testimone.').waitFor();
      await expectNoAxeViolations(page, 'desk form, witness missing');
      await screenshot(page, 'console-desk-witness-missing');
      await p.getByLabel('Testimone: nome e ruolo').fill('Luca Bianchi, assistente sociale');
      await p.getByLabel('Tipo di aiuto').selectOption('COMPANIONSHIP');
      await p.getByLabel('Descrizione').fill('Compagnia e una passeggiata il giovedì pomeriggio.');
      await p.getByLabel('Comune', { exact: true }).selectOption(PIEDMONT.alba);
      await p.getByLabel('Giorno', { exact: true }).fill(romeDay(3));
      await p.getByLabel('Dalle ore', { exact: true }).fill('15:00');
      await p.getByLabel('Alle ore', { exact: true }).fill('17:00');
      await p.getByRole('button', { name: 'Registra la persona e invia la richiesta' }).click();
      await p.getByRole('heading', { name: 'Richiesta registrata' }).waitFor();

      // Later: the operator finds her by phone (as she says it), then by surname and name.
      await followConsoleMenu(page, 'Cerca una persona', 'Sportello: cerca una persona');
      await checkPage(page, 'console-people', /^Sportello: cerca una persona - Prossimo$/);
      await p.getByRole('button', { name: 'Cerca', exact: true }).click();
      await p.locator('.error-summary').getByText('Scrivi il numero di cellulare.').waitFor();
      await p.getByLabel('Numero di cellulare').fill(personPhone);
      await p.getByRole('button', { name: 'Cerca', exact: true }).click();
      const results = p.getByRole('table', { name: 'Persone trovate: 1' });
      await results.waitFor();
      await expect(results.textContent()).resolves.toMatch(new RegExp(`Teresa ${surname}.*Alba`));
      await p.locator('label[for="by-name"]').click();
      await p.getByLabel('Cognome, o cognome e nome').fill(`${surname.toUpperCase()} teresa`);
      await p.getByRole('button', { name: 'Cerca', exact: true }).click();
      await results.waitFor();
      await expectNoAxeViolations(page, 'people search results');
      await screenshot(page, 'console-people-results');
      await p.getByLabel('Cognome, o cognome e nome').fill('Nessuno Sconosciuto');
      await p.getByRole('button', { name: 'Cerca', exact: true }).click();
      await p.getByText(/Nessuna persona trovata/).waitFor();
      await expectNoAxeViolations(page, 'people search, nobody found');
      await screenshot(page, 'console-people-none');
      await p.getByLabel('Cognome, o cognome e nome').fill(surname);
      await p.getByRole('button', { name: 'Cerca', exact: true }).click();
      await p.getByRole('link', { name: `Apri la scheda di Teresa ${surname}` }).click();

      // Her record: how she consented, who recorded it, her requests.
      await p.getByRole('heading', { level: 1, name: `Teresa ${surname}` }).waitFor();
      await checkPage(page, 'console-person', new RegExp(`^Teresa ${surname} - Prossimo$`));
      const main = p.locator('main');
      await expect(main.textContent()).resolves.toMatch(
        /Raccolto daAnna Operatrice.*ComeA voce, davanti a un testimone.*TestimoneLuca Bianchi, assistente sociale/,
      );
      // Her number in groups, as it is read out on the phone.
      const personE164 = width === WIDTHS.desktop ? phone : personPhone;
      await expect(main.textContent()).resolves.toContain(
        `+39 ${personE164.slice(3, 6)} ${personE164.slice(6, 9)} ${personE164.slice(9)}`,
      );
      await p
        .getByRole('table', { name: `Richieste di Teresa ${surname} nel tuo territorio, dalla più recente` })
        .getByText('Compagnia')
        .first()
        .waitFor();

      // A new request for her: no new registration, the consent on record stands.
      await p.getByRole('link', { name: 'Nuova richiesta per questa persona' }).click();
      await p.getByRole('heading', { level: 2, name: `Richiesta per Teresa ${surname}` }).waitFor();
      await expect(
        p.getByText(/Consenso già registrato il .* \(A voce, davanti a un testimone\)/).isVisible(),
      ).resolves.toBe(true);
      await expectNoAxeViolations(page, 'desk form for a known person');
      await screenshot(page, 'console-desk-known-person');
      await p.getByLabel('Tipo di aiuto').selectOption('SHOPPING_AND_DELIVERY');
      await p.getByLabel('Descrizione').fill('La spesa al mercato del sabato.');
      // Her Comune comes chosen: most requests are where the person lives.
      await expect(p.getByLabel('Comune', { exact: true }).inputValue()).resolves.toBe(PIEDMONT.alba);
      await p.getByLabel('Giorno', { exact: true }).fill(romeDay(4));
      await p.getByLabel('Dalle ore', { exact: true }).fill('09:00');
      await p.getByLabel('Alle ore', { exact: true }).fill('11:00');
      await p.getByRole('button', { name: 'Invia la richiesta' }).click();
      await p.getByRole('heading', { name: 'Richiesta registrata' }).waitFor();

      const people: { needs: number }[] = await web.stack.dataSource.query(
        `SELECT count(n.id)::int AS needs FROM beneficiaries b JOIN needs n ON n.beneficiary_id = b.id
          WHERE b.kind = 'desk' AND b.consent_method = 'verbal_with_witness' GROUP BY b.id ORDER BY b.created_at DESC LIMIT 1`,
      );
      expect(people).toEqual([{ needs: 2 }]);
      const searches: unknown[] = await web.stack.dataSource.query(
        `SELECT 1 FROM audit_log WHERE actor_user_id = $1 AND action = 'desk.person_searched'`,
        [operator.userId],
      );
      expect(searches.length).toBeGreaterThanOrEqual(4);
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }
});
