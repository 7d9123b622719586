// page.evaluate() callbacks run in the browser.
/// <reference lib="dom" />
import { createTerritory, hoursFromNow, signUp, waitUntil } from '../support/fixtures';
import { needAcceptedBy } from '../support/engagements';
import { becomeDrivers, eastOf, rideInput } from '../support/rides';
import {
  checkPage,
  expectNoAxeViolations,
  openSignedIn,
  REPEATED_SIGN_INS,
  screenshot,
  startWebStackForFile,
  WebPage,
  WIDTHS,
} from './support/web';
import { BRA, VERDUNO_HOSPITAL } from './volunteer-fixtures';

const HOSPITAL = { name: 'Ospedale di Verduno', location: VERDUNO_HOSPITAL };

/** The conversation's lines as the page shows them: who, then what. */
async function conversationOf(page: WebPage): Promise<string[]> {
  const items = page.page.getByTestId('conversation').locator('li');
  return (await items.allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
}

describe('the messages between a volunteer and the person helped, in Chromium', () => {
  let helperPage: WebPage | undefined;
  let citizenPage: WebPage | undefined;
  // Both sign in through the page right after the api signed them up.
  const web = startWebStackForFile({ env: REPEATED_SIGN_INS }, () => [helperPage, citizenPage]);

  beforeAll(async () => {
    await createTerritory(web.stack.dataSource, 'Bra', [BRA.istat]);
  });

  it('the helper writes from the engagement, the citizen reads it on the request and answers; a phone number is held for the Comune; neither sees the other’s number', async () => {
    const { stack } = web;
    const citizen = await signUp(stack);
    const helper = await signUp(stack);
    await becomeDrivers(stack, [[helper, 'Giorgio R.', eastOf(BRA, 1)]]);
    const { needId, engagementId } = await needAcceptedBy(
      stack,
      citizen,
      [helper],
      rideInput({
        place: { lat: BRA.lat, lon: BRA.lon },
        comuneIstat: BRA.istat,
        hospital: HOSPITAL,
        start: new Date(hoursFromNow(5)),
        maxDistanceKm: 20,
        description: 'Visita di controllo, non ho la macchina',
      }),
    );

    // The helper's engagement: the conversation is empty, the form says the number stays private.
    helperPage = await openSignedIn(web, helper.phone, { at: `/volontario/impegni/${engagementId}` });
    const helperSide = helperPage.page;
    await helperSide.getByRole('heading', { level: 2, name: 'Messaggi' }).waitFor();
    await helperSide.getByText('Ancora nessun messaggio.').waitFor();
    // Starting is for the day itself: the button says when to press it.
    const start = helperSide.getByRole('button', { name: 'Inizio adesso' });
    expect(await start.getAttribute('aria-describedby')).toBe('start-hint');
    expect(await helperSide.locator('#start-hint').textContent()).toContain(
      'quando parti, il giorno dell’impegno',
    );

    // Sent empty: the error names the field, and nothing is written.
    await helperSide.getByRole('button', { name: 'Invia il messaggio' }).click();
    expect(await helperSide.locator('#message-body-error').textContent()).toContain('Scrivi il messaggio');
    await expectNoAxeViolations(helperPage, 'the conversation with its error');
    // Too long for an SMS relay: it says by how much, and nothing is written either.
    await helperSide.getByLabel('Scrivi un messaggio').fill('a'.repeat(283));
    await helperSide.getByRole('button', { name: 'Invia il messaggio' }).click();
    expect(await helperSide.locator('#message-body-error').textContent()).toContain(
      'troppo lungo di 3 caratteri',
    );
    const [{ count: written }]: { count: string }[] = await stack.dataSource.query(
      `SELECT count(*) FROM engagement_messages WHERE engagement_id = $1`,
      [engagementId],
    );
    expect(Number(written)).toBe(0);

    await helperSide
      .getByLabel('Scrivi un messaggio')
      .fill('Buongiorno, passo alle 9. Aspetta davanti al portone?');
    await helperSide.getByRole('button', { name: 'Invia il messaggio' }).click();
    await helperSide.getByRole('status').getByText('Messaggio inviato.').waitFor();
    expect(await helperSide.getByLabel('Scrivi un messaggio').inputValue()).toBe('');
    expect(await conversationOf(helperPage)).toEqual([
      expect.stringMatching(
        /^Tu · \d+ \w+ \d{4}, \d\d:\d\d Buongiorno, passo alle 9\. Aspetta davanti al portone\?$/,
      ),
    ]);
    await checkPage(helperPage, 'volunteer-engagement-messages', /^Impegno del .+ - Prossimo$/);

    // The person helped gets it by SMS too (from Prossimo, with the helper's name, not the number).
    await stack.gateway.waitFor(() =>
      stack.gateway.messagesTo(citizen.phone).some((sms) => sms.text.includes('passo alle 9')),
    );
    const relayed = stack.gateway.messagesTo(citizen.phone).find((sms) => sms.text.includes('passo alle 9'))!;
    expect(relayed.text).toContain('Giorgio R.');
    expect(relayed.text).not.toContain(helper.phone.slice(3));

    // The citizen's request: the helper's message under his name, and an answer.
    // Where the citizen lands: what waits for her, each line a link (her request under way; a message is news).
    citizenPage = await openSignedIn(web, citizen.phone);
    const citizenSide = citizenPage.page;
    const toDo = citizenSide.getByTestId('to-do');
    await toDo.getByRole('link', { name: 'Hai 1 richiesta in corso' }).waitFor();
    expect(await toDo.getByRole('link', { name: 'Hai 1 richiesta in corso' }).getAttribute('href')).toBe(
      '/richieste',
    );
    await checkPage(citizenPage, 'my-area-to-do', /^La mia area - Prossimo$/);
    await citizenPage.goto(`/richieste/${needId}`);
    await citizenSide
      .getByText('Scrivi a Giorgio R., ad esempio per dire dove aspetti.', { exact: false })
      .waitFor();
    expect(await conversationOf(citizenPage)).toEqual([
      expect.stringMatching(/^Giorgio R\. · .+ Buongiorno, passo alle 9\./),
    ]);
    await citizenSide.getByLabel('Scrivi un messaggio').fill('Sì, la aspetto davanti al portone. Grazie!');
    await citizenSide.getByRole('button', { name: 'Invia il messaggio' }).click();
    await citizenSide.getByRole('status').getByText('Messaggio inviato.').waitFor();

    // A phone number is held for the Comune's moderator: its writer is told, the helper does not see it.
    await citizenSide.getByLabel('Scrivi un messaggio').fill('Se serve il mio numero è 347 123 4567');
    await citizenSide.getByRole('button', { name: 'Invia il messaggio' }).click();
    await citizenSide.getByText('Messaggio inviato. Prima di consegnarlo lo controlla il Comune.').waitFor();
    const citizenLines = await conversationOf(citizenPage);
    expect(citizenLines).toHaveLength(3);
    expect(citizenLines[1]).toMatch(/^Tu · .+ Sì, la aspetto davanti al portone\. Grazie!$/);
    expect(citizenLines[2]).toMatch(/347 123 4567 Il Comune controlla questo messaggio prima di consegnarlo/);
    await checkPage(citizenPage, 'citizen-need-messages', /^.+ - Prossimo$/);
    await citizenSide.setViewportSize({ width: WIDTHS.desktop, height: 900 });
    await screenshot({ ...citizenPage, width: WIDTHS.desktop }, 'citizen-need-messages');

    // The helper's page shows the answer within its next look (it polls; a reload is the same request).
    await waitUntil(async () => {
      await helperSide.reload();
      await helperSide.getByRole('heading', { level: 2, name: 'Messaggi' }).waitFor();
      return (await conversationOf(helperPage!)).length === 2;
    });
    const helperLines = await conversationOf(helperPage);
    expect(helperLines[1]).toMatch(/Sì, la aspetto davanti al portone\. Grazie!$/);
    expect(helperLines.join(' ')).not.toContain('347 123 4567');
    await expectNoAxeViolations(helperPage, 'the conversation with an answer');
  });
});
