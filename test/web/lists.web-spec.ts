// page.evaluate() callbacks run in the browser.
/// <reference lib="dom" />
import { addDays } from '@prossimo/community/rules';
import { NotificationsService } from '@prossimo/notifications';
import { ok, rideDriverProfile, signUp } from '../support/fixtures';
import {
  expectNoAxeViolations,
  REPEATED_SIGN_INS,
  openSignedIn,
  screenshot,
  startWebStackForFile,
  WebPage,
  WIDTHS,
} from './support/web';
import { rideInput, wednesdayNextWeek } from './volunteer-fixtures';

const PAGE = 20;
// Far from Bra: the rides posted below are never proposed to this volunteer by the matching engine.
const TRENTO = { lat: 46.0679, lon: 11.1211 };

describe('long lists in Chromium: 20 at a time, then "Mostra altri"', () => {
  let page: WebPage | undefined;
  const web = startWebStackForFile({ env: REPEATED_SIGN_INS }, () => [page]);

  /** `items` holds PAGE entries; the button brings the 21st, then goes (no further page). */
  async function showMore(items: ReturnType<WebPage['page']['locator']>, button: string, name: string) {
    const current = page as WebPage;
    await items.nth(PAGE - 1).waitFor();
    expect(await items.count()).toBe(PAGE);
    const more = current.page.getByRole('button', { name: button, exact: true });
    await more.click();
    await items.nth(PAGE).waitFor();
    expect(await items.count()).toBe(PAGE + 1);
    await more.waitFor({ state: 'detached' });
    await expectNoAxeViolations(current, `${name} after "${button}"`);
    await screenshot(current, `${name}-more`);
  }

  it('my needs, my notifications, and a volunteer’s proposals', async () => {
    const person = await signUp(web.stack);
    const first = wednesdayNextWeek();
    // Setup through the api and the database: 21 of each is what no test person would type.
    const needIds: string[] = [];
    for (let index = 0; index <= PAGE; index++) {
      const input = rideInput(addDays(first, index));
      const { postNeed } = ok(
        await web.stack.graphql<{ postNeed: { id: string } }>(
          `mutation ($input: PostNeedInput!) { postNeed(input: $input) { id } }`,
          { input: { ...input, description: `${input.description} (${index + 1})` } },
          { token: person.token },
        ),
      );
      needIds.push(postNeed.id);
    }
    await web.stack.dataSource.transaction(async (manager) => {
      for (let index = 0; index <= PAGE; index++) {
        await web.stack.api.get(NotificationsService).queueInTransaction(manager, {
          userId: person.userId,
          channel: 'in_app',
          recipient: person.userId,
          event: 'reminder_hour_before',
          language: 'it',
          params: { time: '10:30', summary: `Visita ${index + 1}`, who: 'Giovanni', place: 'Alba' },
        });
      }
    });
    // A minute apart: rows written in one transaction share its microsecond timestamp, and the
    // api's cursors keep milliseconds only, so a page boundary inside such a tie would skip rows
    // (left as it is: people's notifications are not written 20 at once).
    await web.stack.dataSource.query(
      `UPDATE notifications AS n SET created_at = now() - make_interval(mins => o.rank::int)
         FROM (SELECT id, row_number() OVER (ORDER BY id) AS rank FROM notifications
                WHERE user_id = $1 AND channel = 'in_app') AS o
        WHERE n.id = o.id`,
      [person.userId],
    );
    // The same person also volunteers; 21 proposals they already declined (written as the matching
    // engine writes them: running it for 21 needs is not what this test is about).
    const volunteer = await signUp(web.stack);
    const { upsertVolunteerProfile } = ok(
      await web.stack.graphql<{ upsertVolunteerProfile: { id: string } }>(
        `mutation ($input: UpsertVolunteerProfileInput!) { upsertVolunteerProfile(input: $input) { id } }`,
        { input: rideDriverProfile('Giorgio R.', TRENTO) },
        { token: volunteer.token },
      ),
    );
    for (const [index, needId] of needIds.entries()) {
      await web.stack.dataSource.query(
        `INSERT INTO match_proposals (need_id, helper_user_id, volunteer_id, rank, score, distance_km, breakdown,
                                      status, expires_at, decided_at, created_at)
         VALUES ($1, $2, $3, 1, 0.5, 3, $4, 'declined', now() + interval '1 day', now(),
                 now() - make_interval(mins => $5))`,
        [
          needId,
          volunteer.userId,
          upsertVolunteerProfile.id,
          JSON.stringify({ components: [], summary: { it: 'Abiti vicino.', en: 'You live nearby.' } }),
          index,
        ],
      );
    }

    page = await openSignedIn(web, person.phone, { width: WIDTHS.phone });
    await page.goto('/richieste');
    await showMore(page.page.locator('.need-card'), 'Mostra altre', 'my-needs-long');
    await page.goto('/notifiche');
    await showMore(page.page.locator('.notification-card'), 'Mostra altre', 'notifications-long');
    await page.close();

    page = await openSignedIn(web, volunteer.phone, { width: WIDTHS.phone });
    await page.goto('/volontario/proposte');
    await showMore(
      page.page.locator('[data-testid="decided-proposals"] > li'),
      'Mostra altri',
      'proposals-long',
    );
  }, 300_000);
});
