import {
  codeOf,
  createTerritory,
  ok,
  registerOrganisation,
  SignedInUser,
  signUp,
  TRENTINO,
} from '../support/fixtures';
import { startStackForFile, uniquePhone } from '../support/stack';

const INVITE = `mutation ($input: InviteOrganisationMemberInput!) {
  inviteOrganisationMember(input: $input) { organisationId userId role status invitationExpiresAt } }`;
const MY_INVITATIONS = `{ myOrganisationInvitations { id organisationId organisationName role sentAt expiresAt } }`;
const ACCEPT = `mutation ($id: ID!) { acceptOrganisationInvitation(input: { invitationId: $id }) { userId status } }`;
const DECLINE = `mutation ($id: ID!) { declineOrganisationInvitation(input: { invitationId: $id }) }`;
const MY_ORGANISATIONS = `{ myOrganisations { id } }`;
const MEMBERS = `query ($id: ID!, $after: String) { organisationMembers(organisationId: $id, first: 10, after: $after) {
  items { id userId role name phone since } pageInfo { hasNextPage endCursor } } }`;
const SENT = `query ($id: ID!, $first: Int!, $after: String) {
  organisationInvitations(organisationId: $id, first: $first, after: $after) {
    items { id organisationId role phone sentAt expiresAt } pageInfo { hasNextPage endCursor } } }`;
const REVOKE = `mutation ($id: ID!) { revokeOrganisationInvitation(input: { invitationId: $id }) }`;
const REMOVE = `mutation ($input: RemoveOrganisationMemberInput!) { removeOrganisationMember(input: $input) }`;

type Invited = { inviteOrganisationMember: Record<string, unknown> };

describe('organisation invitations: no enumeration, no SMS pumping, the invited person answers', () => {
  const stack = startStackForFile({
    env: {
      ORGANISATION_INVITES_PER_DAY_UNACCREDITED: '3',
      ORGANISATION_INVITES_PER_DAY: '5',
      ORGANISATION_INVITES_PER_ACCOUNT_PER_DAY: '6',
      // People sign in again (a second code at once).
      OTP_RESEND_INTERVAL_SECONDS: '0',
    },
  });
  let territoryId: string;

  beforeAll(async () => {
    territoryId = await createTerritory(stack.dataSource, `Inviti Cuneo ${Date.now()}`, [TRENTINO.rovereto]);
  });

  /** A volunteering association of Rovereto (an ETS, RUNTS section A) with `admin`; accredited here if asked. */
  async function registerAssociation(admin: SignedInUser, accredited = false): Promise<string> {
    const { organisationId: id } = await registerOrganisation(stack, admin, {
      homeComuneIstat: TRENTINO.rovereto,
      name: 'Associazione',
      description: 'Volontariato',
      kind: 'ETS',
      runtsSection: 'A',
    });
    if (accredited) {
      // The accreditation workflow has its own tests; here only its outcome matters.
      await stack.dataSource.query(
        `INSERT INTO organisation_accreditations (organisation_id, territory_id, status, requested_by_user_id)
         VALUES ($1, $2, 'accredited', $3)`,
        [id, territoryId, admin.userId],
      );
    }
    return id;
  }

  const invite = (admin: SignedInUser, organisationId: string, phone: string, role = 'OPERATOR') =>
    stack.graphql<Invited>(INVITE, { input: { organisationId, phone, role } }, { token: admin.token });

  const smsInvitationsTo = async (phone: string) => {
    const [{ count }]: { count: number }[] = await stack.dataSource.query(
      `SELECT count(*)::int AS count FROM notifications WHERE recipient = $1 AND channel = 'sms'
          AND event IN ('organisation_invitation', 'organisation_invitation_pending')`,
      [phone],
    );
    return count;
  };

  it('answers the same for a registered and an unknown number, and adds nobody without asking', async () => {
    const [admin, registered] = await Promise.all([signUp(stack), signUp(stack)]);
    const organisationId = await registerAssociation(admin);
    const unknownPhone = uniquePhone();
    const forRegistered = ok(await invite(admin, organisationId, registered.phone)).inviteOrganisationMember;
    const forUnknown = ok(await invite(admin, organisationId, unknownPhone)).inviteOrganisationMember;
    const shape = (answer: Record<string, unknown>) => ({
      ...answer,
      invitationExpiresAt: typeof answer.invitationExpiresAt,
    });
    expect(shape(forRegistered)).toEqual(shape(forUnknown));
    expect(forRegistered).toMatchObject({ userId: null, status: 'INVITED', role: 'OPERATOR' });
    expect(JSON.stringify(forRegistered)).not.toContain(registered.userId);

    // Not a member until they say so; the invitation waits for them, and they were told.
    expect(
      ok(
        await stack.graphql<{ myOrganisations: unknown[] }>(
          MY_ORGANISATIONS,
          {},
          { token: registered.token },
        ),
      ).myOrganisations,
    ).toEqual([]);
    const waiting = ok(
      await stack.graphql<{ myOrganisationInvitations: { id: string; organisationId: string }[] }>(
        MY_INVITATIONS,
        {},
        { token: registered.token },
      ),
    ).myOrganisationInvitations;
    expect(waiting).toEqual([expect.objectContaining({ organisationId, role: 'OPERATOR' })]);
    const told: { channel: string }[] = await stack.dataSource.query(
      `SELECT channel FROM notifications WHERE user_id = $1 AND event = 'organisation_invitation_pending' ORDER BY channel`,
      [registered.userId],
    );
    expect(told.map((row) => row.channel)).toEqual(['in_app', 'sms']);
    expect(await smsInvitationsTo(unknownPhone)).toBe(1);

    // Someone else cannot answer it.
    const stranger = await signUp(stack);
    expect(codeOf(await stack.graphql(ACCEPT, { id: waiting[0].id }, { token: stranger.token }))).toBe(
      'ORGANISATION_INVITATION_NOT_FOUND',
    );
    expect(codeOf(await stack.graphql(DECLINE, { id: waiting[0].id }, { token: admin.token }))).toBe(
      'ORGANISATION_INVITATION_NOT_FOUND',
    );

    // They decline: no role, nothing waiting, and inviting them again asks nothing more of them.
    expect(ok(await stack.graphql(DECLINE, { id: waiting[0].id }, { token: registered.token }))).toEqual({
      declineOrganisationInvitation: true,
    });
    expect(codeOf(await stack.graphql(ACCEPT, { id: waiting[0].id }, { token: registered.token }))).toBe(
      'ORGANISATION_INVITATION_NOT_FOUND',
    );
    const again = ok(await invite(admin, organisationId, registered.phone)).inviteOrganisationMember;
    expect(shape(again)).toEqual(shape(forUnknown));
    expect(
      ok(
        await stack.graphql<{ myOrganisationInvitations: unknown[] }>(
          MY_INVITATIONS,
          {},
          { token: registered.token },
        ),
      ).myOrganisationInvitations,
    ).toEqual([]);
    expect(await smsInvitationsTo(registered.phone)).toBe(1);
    const roles: unknown[] = await stack.dataSource.query(
      `SELECT 1 FROM user_roles WHERE user_id = $1 AND organisation_id IS NOT NULL`,
      [registered.userId],
    );
    expect(roles).toEqual([]);
  });

  it('a registered person who accepts gets the role', async () => {
    const [admin, person] = await Promise.all([signUp(stack), signUp(stack)]);
    const organisationId = await registerAssociation(admin);
    ok(await invite(admin, organisationId, person.phone, 'ADMIN'));
    // Signing in again is no answer: the invitation waits for their choice.
    const again = await signUp(stack, person.phone);
    expect(
      ok(await stack.graphql<{ myOrganisations: unknown[] }>(MY_ORGANISATIONS, {}, { token: again.token }))
        .myOrganisations,
    ).toEqual([]);
    const [invitation] = ok(
      await stack.graphql<{ myOrganisationInvitations: { id: string }[] }>(
        MY_INVITATIONS,
        {},
        { token: person.token },
      ),
    ).myOrganisationInvitations;
    expect(ok(await stack.graphql(ACCEPT, { id: invitation.id }, { token: person.token }))).toEqual({
      acceptOrganisationInvitation: { userId: person.userId, status: 'ACTIVE' },
    });
    expect(
      ok(
        await stack.graphql<{ myOrganisations: { id: string }[] }>(
          MY_ORGANISATIONS,
          {},
          { token: person.token },
        ),
      ).myOrganisations.map((organisation) => organisation.id),
    ).toEqual([organisationId]);
    expect(codeOf(await stack.graphql(ACCEPT, { id: invitation.id }, { token: person.token }))).toBe(
      'ORGANISATION_INVITATION_NOT_FOUND',
    );
  });

  it('admins list the members and the invitations still open, page by page, and revoke one; operators only see names', async () => {
    const [admin, operator, colleague, stranger] = await Promise.all([
      signUp(stack),
      signUp(stack),
      signUp(stack),
      signUp(stack),
    ]);
    const organisationId = await registerAssociation(admin, true);
    const unknownPhone = uniquePhone();
    ok(await invite(admin, organisationId, operator.phone));
    ok(await invite(admin, organisationId, colleague.phone, 'ADMIN'));
    ok(await invite(admin, organisationId, unknownPhone));

    type Sent = { id: string; role: string; phone: string };
    type SentPage = {
      organisationInvitations: { items: Sent[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
    };
    const first = ok(
      await stack.graphql<SentPage>(SENT, { id: organisationId, first: 2 }, { token: admin.token }),
    ).organisationInvitations;
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = ok(
      await stack.graphql<SentPage>(
        SENT,
        { id: organisationId, first: 2, after: first.pageInfo.endCursor },
        { token: admin.token },
      ),
    ).organisationInvitations;
    expect(second.pageInfo.hasNextPage).toBe(false);
    // Newest first, each with the number the admin typed.
    const sent = [...first.items, ...second.items];
    expect(sent.map((item) => [item.phone, item.role])).toEqual([
      [unknownPhone, 'OPERATOR'],
      [colleague.phone, 'ADMIN'],
      [operator.phone, 'OPERATOR'],
    ]);

    // Operators and strangers see no invitations and cannot revoke one.
    const [{ id: unknownInvitation }, { id: colleagueInvitation }] = sent;
    expect(
      codeOf(await stack.graphql(SENT, { id: organisationId, first: 5 }, { token: stranger.token })),
    ).toBe('FORBIDDEN');
    expect(codeOf(await stack.graphql(REVOKE, { id: colleagueInvitation }, { token: stranger.token }))).toBe(
      'FORBIDDEN',
    );

    // The admin withdraws the invitation of the number that has not signed up: signing up with it
    // later gives no role, and it is gone from the list.
    expect(ok(await stack.graphql(REVOKE, { id: unknownInvitation }, { token: admin.token }))).toEqual({
      revokeOrganisationInvitation: true,
    });
    expect(codeOf(await stack.graphql(REVOKE, { id: unknownInvitation }, { token: admin.token }))).toBe(
      'ORGANISATION_INVITATION_NOT_FOUND',
    );
    const late = await signUp(stack, unknownPhone);
    expect(
      ok(await stack.graphql<{ myOrganisations: unknown[] }>(MY_ORGANISATIONS, {}, { token: late.token }))
        .myOrganisations,
    ).toEqual([]);
    const audited: unknown[] = await stack.dataSource.query(
      `SELECT 1 FROM audit_log WHERE action = 'organisation_member.invitation_revoked' AND entity_id = $1`,
      [organisationId],
    );
    expect(audited).toHaveLength(1);

    // The operator accepts; the members are the founder and the operator, longest-standing first.
    const [invitation] = ok(
      await stack.graphql<{ myOrganisationInvitations: { id: string }[] }>(
        MY_INVITATIONS,
        {},
        { token: operator.token },
      ),
    ).myOrganisationInvitations;
    ok(await stack.graphql(ACCEPT, { id: invitation.id }, { token: operator.token }));
    type Member = { userId: string; role: string; phone: string | null };
    const members = async (token: string) =>
      ok(
        await stack.graphql<{ organisationMembers: { items: Member[] } }>(
          MEMBERS,
          { id: organisationId },
          { token },
        ),
      ).organisationMembers.items.map((member) => [member.userId, member.role, member.phone]);
    expect(await members(admin.token)).toEqual([
      [admin.userId, 'ADMIN', admin.phone],
      [operator.userId, 'OPERATOR', operator.phone],
    ]);
    // An operator sees who works there, not their numbers, and cannot manage invitations.
    expect(await members(operator.token)).toEqual([
      [admin.userId, 'ADMIN', null],
      [operator.userId, 'OPERATOR', null],
    ]);
    expect(
      codeOf(await stack.graphql(SENT, { id: organisationId, first: 5 }, { token: operator.token })),
    ).toBe('FORBIDDEN');
    expect(codeOf(await stack.graphql(REVOKE, { id: colleagueInvitation }, { token: operator.token }))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await stack.graphql(MEMBERS, { id: organisationId }, { token: stranger.token }))).toBe(
      'FORBIDDEN',
    );

    // The admin takes the operator's role back.
    ok(
      await stack.graphql(
        REMOVE,
        { input: { organisationId, userId: operator.userId } },
        { token: admin.token },
      ),
    );
    expect(await members(admin.token)).toEqual([[admin.userId, 'ADMIN', admin.phone]]);
  });

  it('limits sends per day: tightly before accreditation, per organisation and per inviting account', async () => {
    const admin = await signUp(stack);
    const first = await registerAssociation(admin);
    const phones = Array.from({ length: 4 }, () => uniquePhone());
    const outcomes: unknown[] = [];
    for (const phone of phones) outcomes.push(codeOf(await invite(admin, first, phone)) ?? 'INVITED');
    expect(outcomes).toEqual(['INVITED', 'INVITED', 'INVITED', 'ORGANISATION_INVITATION_LIMIT']);
    // Renewing an invitation sent today sends nothing and is not refused.
    expect(ok(await invite(admin, first, phones[0])).inviteOrganisationMember).toMatchObject({
      status: 'INVITED',
    });
    expect(await Promise.all(phones.map(smsInvitationsTo))).toEqual([1, 1, 1, 0]);
    // A second unaccredited organisation of the same account does not reset the count.
    const second = await registerAssociation(admin);
    const refused = await invite(admin, second, uniquePhone(), 'ADMIN');
    expect(codeOf(refused)).toBe('ORGANISATION_INVITATION_LIMIT');
    expect(refused.errors?.[0].extensions).toMatchObject({ field: 'phone', max: 3 });

    // Accredited: more per organisation (5), and the account's own cap (6) over all its organisations.
    const coordinator = await signUp(stack);
    const accredited = await registerAssociation(coordinator, true);
    const another = await registerAssociation(coordinator, true);
    const accreditedOutcomes: unknown[] = [];
    for (let i = 0; i < 6; i += 1) {
      accreditedOutcomes.push(codeOf(await invite(coordinator, accredited, uniquePhone())) ?? 'INVITED');
    }
    expect(accreditedOutcomes).toEqual([...Array(5).fill('INVITED'), 'ORGANISATION_INVITATION_LIMIT']);
    expect(codeOf(await invite(coordinator, another, uniquePhone())) ?? 'INVITED').toBe('INVITED');
    expect(codeOf(await invite(coordinator, another, uniquePhone()))).toBe('ORGANISATION_INVITATION_LIMIT');
  });
});
