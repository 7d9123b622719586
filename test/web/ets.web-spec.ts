// page.evaluate() callbacks run in the browser.
/// <reference lib="dom" />
import { createTerritory, PIEDMONT, registerOrganisation, SignedInUser, signUp } from '../support/fixtures';
import { uniquePhone } from '../support/stack';
import {
  checkPage,
  expectNoAxeViolations,
  expectNoOtherOrigin,
  expectNoOverflow,
  openPage,
  screenshot,
  signInThroughUi,
  startWebStack,
  tabTo,
  WebPage,
  WebStack,
  WIDTHS,
} from './support/web';

/** An Italian mobile as the pages show it: "+39 333 123 4567". */
const spaced = (phone: string) => phone.replace(/^\+39(\d{3})(\d{3})(\d+)$/, '+39 $1 $2 $3');

describe('a Third Sector organisation’s daily work in Chromium: members, offers, requests', () => {
  let web: WebStack;
  let langhe: string;
  let admin: SignedInUser;
  let organisationId: string;
  let organisationName: string;
  const pages: WebPage[] = [];

  const open = async (width: number) => {
    const page = await openPage(web, width);
    pages.push(page);
    return page;
  };

  beforeAll(async () => {
    // People are signed up through the api (for its tokens) and then sign in in the browser: a second code at once.
    web = await startWebStack({ env: { OTP_RESEND_INTERVAL_SECONDS: '0' } });
    const { stack } = web;
    langhe = await createTerritory(stack.dataSource, `ETS Langhe ${Date.now()}`, [
      PIEDMONT.alba,
      PIEDMONT.bra,
    ]);
    admin = await signUp(stack);
    await stack.dataSource.query(`UPDATE users SET display_name = 'Giulia Ferrero' WHERE id = $1`, [
      admin.userId,
    ]);
    ({ organisationId, name: organisationName } = await registerOrganisation(stack, admin, {
      homeComuneIstat: PIEDMONT.alba,
      name: 'Cooperativa Langhe Solidali',
      description: 'Cooperativa sociale: trasporto e compagnia per anziani.',
    }));
    // The accreditation workflow has its own browser journey (console.web-spec.ts): here its outcome.
    await stack.dataSource.query(
      `INSERT INTO organisation_accreditations (organisation_id, territory_id, status, requested_by_user_id)
       VALUES ($1, $2, 'accredited', $3)`,
      [organisationId, langhe, admin.userId],
    );
  });
  afterAll(async () => {
    await web?.close();
  });
  afterEach(async () => {
    for (const page of pages.splice(0)) {
      expectNoOtherOrigin(page);
      await page.close();
    }
  });

  it('the manager invites a member by phone, withdraws a wrong number; the member accepts with the keyboard alone', async () => {
    const member = await signUp(web.stack);
    await web.stack.dataSource.query(`UPDATE users SET display_name = 'Marco Olivero' WHERE id = $1`, [
      member.userId,
    ]);
    const wrongNumber = uniquePhone();

    // The manager, at a desk.
    const desk = await open(WIDTHS.desktop);
    const d = desk.page;
    await signInThroughUi(web, desk, admin.phone);
    await desk.goto('/ente');
    await d.getByRole('heading', { level: 2, name: organisationName }).waitFor();
    await d
      .getByRole('navigation', { name: `Il lavoro di ${organisationName}` })
      .getByRole('link', { name: 'Membri e inviti' })
      .click();
    await d.getByRole('heading', { level: 1, name: 'Membri e inviti' }).waitFor();
    await d.getByRole('heading', { level: 3, name: /Giulia Ferrero/ }).waitFor();
    await checkPage(desk, 'ets-members', /^Membri e inviti - Prossimo$/);

    // An empty number: the form's own check, at the field and in the summary.
    await d.getByRole('button', { name: 'Invia l’invito' }).click();
    await d.locator('#invite-phone-error').waitFor();
    await expectNoAxeViolations(desk, 'invite without a number');

    // A wrong number first, then withdrawn; then the member's, as an operator.
    await d.getByLabel('Numero di cellulare').fill(wrongNumber);
    await d.getByRole('button', { name: 'Invia l’invito' }).click();
    await d.getByText(`Invito inviato a ${spaced(wrongNumber)}`).waitFor();
    const pending = d.getByTestId('invitations');
    await pending.getByRole('heading', { level: 3 }).first().waitFor();
    await pending.getByRole('button', { name: 'Ritira l’invito' }).click();
    await d.getByText(/ritirato: non può più essere accettato/).waitFor();
    await d.getByText('Nessun invito in attesa.').waitFor();

    await d.getByLabel('Numero di cellulare').fill(member.phone);
    await d.locator('label[for="invite-role-OPERATOR"]').click();
    await d.getByRole('button', { name: 'Invia l’invito' }).click();
    await d.getByText(`Invito inviato a ${spaced(member.phone)}`).waitFor();
    // The list reloads after the message: wait for the invitation to appear in it.
    await pending.getByRole('heading', { level: 3, name: spaced(member.phone) }).waitFor();
    await expect(pending.getByRole('heading', { level: 3 }).count()).resolves.toBe(1);
    await checkPage(desk, 'ets-members-invited', /^Membri e inviti - Prossimo$/);

    // The member, on a phone, with the keyboard only.
    const phone = await open(WIDTHS.phone);
    const p = phone.page;
    await signInThroughUi(web, phone, member.phone);
    await p.getByRole('heading', { level: 2, name: 'Inviti da organizzazioni' }).waitFor();
    await tabTo(phone, /Rispondi in «La mia organizzazione»/);
    await p.keyboard.press('Enter');
    await p.getByRole('heading', { level: 2, name: 'Inviti per te' }).waitFor();
    await p
      .getByRole('heading', { level: 3, name: `${organisationName} ti invita come operatore.` })
      .waitFor();
    await checkPage(phone, 'ets-invitation', /^La mia organizzazione - Prossimo$/);
    await expectNoOverflow(phone);
    await tabTo(phone, /^Accetta l’invito$/);
    await p.keyboard.press('Enter');
    await p.getByText(`Ora fai parte di ${organisationName} come operatore.`).waitFor();
    // The role is theirs at once: the organisation and the console's menu show it.
    await p.getByRole('heading', { level: 2, name: organisationName }).waitFor();
    await p
      .getByRole('navigation', { name: 'Menu della console' })
      .getByRole('link', { name: 'La mia organizzazione' })
      .waitFor();
    await expectNoAxeViolations(phone, 'invitation accepted');
    await screenshot(phone, 'ets-invitation-accepted');

    await tabTo(phone, /^Membri e inviti$/);
    await p.keyboard.press('Enter');
    await p.getByRole('heading', { level: 1, name: 'Membri e inviti' }).waitFor();
    const people = p.getByTestId('members');
    await people.getByRole('heading', { level: 3, name: 'Marco Olivero (tu)' }).waitFor();
    // An operator sees who works there, not their numbers, and no invitations.
    await expect(people.textContent()).resolves.not.toContain(admin.phone.slice(3));
    await expect(p.getByRole('heading', { name: 'Invita una persona' }).count()).resolves.toBe(0);
    await checkPage(phone, 'ets-members-operator', /^Membri e inviti - Prossimo$/);
    await expectNoOverflow(phone);

    // Back at the desk: the member is there, with the role and the number.
    await desk.goto(`/ente/${organisationId}/membri`);
    const listed = d.getByTestId('members');
    await listed.getByRole('heading', { level: 3, name: 'Marco Olivero' }).waitFor();
    await listed.getByText('Operatore').waitFor();
    const roles: { role: string }[] = await web.stack.dataSource.query(
      `SELECT role FROM user_roles WHERE user_id = $1 AND organisation_id = $2`,
      [member.userId, organisationId],
    );
    expect(roles).toEqual([{ role: 'organisation_operator' }]);
    await screenshot(desk, 'ets-members-joined');
  });
});
