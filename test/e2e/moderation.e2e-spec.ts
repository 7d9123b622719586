import { NotificationsService } from '@prossimo/notifications';
import { createTerritory, PIEDMONT, signUp, signUpWithRoles, SignedInUser } from '../support/fixtures';
import { moderatorOf } from '../support/roles';
import { startStackForFile } from '../support/stack';

const REPORT = `mutation ($input: ReportContentInput!) { reportContent(input: $input) { status reportCount } }`;
const QUEUE = `{ moderationQueue(first: 100) { items { contentId status reportCount summary category } } }`;

describe('Moderation: reports, the queue and decisions', () => {
  const stack = startStackForFile();
  let moderator: SignedInUser;
  let otherModerator: SignedInUser;

  beforeAll(async () => {
    const langhe = await createTerritory(stack.dataSource, 'Langhe (moderazione)', [PIEDMONT.cherasco]);
    const novarese = await createTerritory(stack.dataSource, 'Novarese (moderazione)', [
      PIEDMONT.borgomanero,
    ]);
    [moderator, otherModerator] = await signUpWithRoles(stack, [moderatorOf(langhe), moderatorOf(novarese)]);
  });

  async function postNeed(author: SignedInUser): Promise<string> {
    const later = (hours: number) => new Date(Date.now() + hours * 3600000).toISOString();
    const posted = await stack.graphql<{ postNeed: { id: string } }>(
      `mutation ($input: PostNeedInput!) { postNeed(input: $input) { id } }`,
      {
        input: {
          category: 'COMPANIONSHIP',
          description: 'Cerco compagnia per una passeggiata a Cherasco',
          location: { lat: 44.6434, lon: 7.8582 },
          windowStart: later(24),
          windowEnd: later(30),
        },
      },
      { token: author.token },
    );
    if (!posted.data) throw new Error(JSON.stringify(posted.errors));
    return posted.data.postNeed.id;
  }

  it('hides content at the third distinct report, once per person, until a moderator of its territory decides', async () => {
    const author = await signUp(stack);
    const needId = await postNeed(author);
    const input = { contentType: 'NEED', contentId: needId, reason: 'Contenuto sospetto' };

    const reporters = [await signUp(stack), await signUp(stack), await signUp(stack)];
    const first = await stack.graphql(REPORT, { input }, { token: reporters[0].token });
    expect(first.data).toEqual({ reportContent: { status: 'PUBLISHED', reportCount: 1 } });
    const again = await stack.graphql(REPORT, { input }, { token: reporters[0].token });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'ALREADY_REPORTED', field: 'contentId' });
    await stack.graphql(REPORT, { input }, { token: reporters[1].token });
    const third = await stack.graphql(REPORT, { input }, { token: reporters[2].token });
    expect(third.data).toEqual({ reportContent: { status: 'HIDDEN', reportCount: 3 } });

    const visible = await stack.graphql<{ need: { visibleToHelpers: boolean } }>(
      `query ($id: ID!) { need(id: $id) { visibleToHelpers } }`,
      { id: needId },
      { token: author.token },
    );
    expect(visible.data?.need.visibleToHelpers).toBe(false);

    const queue = await stack.graphql<{
      moderationQueue: { items: { contentId: string; status: string }[] };
    }>(QUEUE, {}, { token: moderator.token });
    // The need's category apart (the queue names it in the moderator's language), its description as the summary.
    expect(queue.data?.moderationQueue.items).toContainEqual(
      expect.objectContaining({
        contentId: needId,
        status: 'HIDDEN',
        reportCount: 3,
        category: 'COMPANIONSHIP',
        summary: 'Cerco compagnia per una passeggiata a Cherasco',
      }),
    );
    const elsewhere = await stack.graphql<{ moderationQueue: { items: { contentId: string }[] } }>(
      QUEUE,
      {},
      { token: otherModerator.token },
    );
    expect(elsewhere.data?.moderationQueue.items.map((item) => item.contentId)).not.toContain(needId);

    const decide = `mutation ($input: ModerateContentInput!) { moderateContent(input: $input) { status needsReview } }`;
    const decision = {
      contentType: 'NEED',
      contentId: needId,
      decision: 'RESTORE',
      reason: 'Verificato: è autentico',
    };
    const refused = await stack.graphql(decide, { input: decision }, { token: otherModerator.token });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const restored = await stack.graphql(decide, { input: decision }, { token: moderator.token });
    expect(restored.data).toEqual({ moderateContent: { status: 'PUBLISHED', needsReview: false } });

    // The author is told through the outbox, by SMS (held until morning during quiet hours).
    const told: { channel: string; body_encrypted: string }[] = await stack.dataSource.query(
      `SELECT n.channel, n.body_encrypted FROM notifications n JOIN outbox o ON (o.payload->>'notificationId')::uuid = n.id
        WHERE n.user_id = $1 AND n.event = 'moderation_decision'`,
      [author.userId],
    );
    expect(told.map((row) => row.channel)).toContain('sms');
    // The outcome in the author's language (Italian), not the status code.
    const text = stack.api.get(NotificationsService).decryptBody({ bodyEncrypted: told[0].body_encrypted });
    expect(text).toMatch(
      /^Prossimo: il Comune ha esaminato ".*": pubblicato\. Motivo: Verificato: è autentico$/,
    );
    const audit = await stack.dataSource.query(
      `SELECT action, actor_user_id FROM audit_log WHERE entity_id = $1 ORDER BY id`,
      [needId],
    );
    expect(audit).toEqual([{ action: 'moderation.restore', actor_user_id: moderator.userId }]);
    const history = await stack.dataSource.query(
      `SELECT from_status, to_status, actor_user_id FROM status_history WHERE entity_type = 'need' AND entity_id = $1 ORDER BY id`,
      [needId],
    );
    expect(history).toEqual([
      { from_status: 'published', to_status: 'hidden', actor_user_id: null },
      { from_status: 'hidden', to_status: 'published', actor_user_id: moderator.userId },
    ]);
  });

  it('lets a moderator suspend an author of their territory, which ends the author’s sessions', async () => {
    const author = await signUp(stack);
    await postNeed(author);
    const suspend = `mutation ($input: SuspendUserInput!) { suspendUser(input: $input) }`;
    const input = { userId: author.userId, reason: 'Annunci ripetuti e falsi' };
    expect(
      (await stack.graphql(suspend, { input }, { token: otherModerator.token })).errors?.[0].extensions?.code,
    ).toBe('FORBIDDEN');
    expect((await stack.graphql(suspend, { input }, { token: moderator.token })).data).toEqual({
      suspendUser: true,
    });
    const me = await stack.graphql(`{ me { id } }`, {}, { token: author.token });
    expect(me.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('tells the author of a decision on the channels and in the language they chose', async () => {
    const author = await signUp(stack);
    const chosen = await stack.graphql(
      `mutation ($input: UpdateNotificationPreferencesInput!) { updateNotificationPreferences(input: $input) { language } }`,
      {
        input: {
          language: 'en',
          email: 'author@example.org',
          channels: [{ event: 'moderation_decision', channels: ['EMAIL', 'IN_APP'] }],
        },
      },
      { token: author.token },
    );
    expect(chosen.errors).toBeUndefined();
    const needId = await postNeed(author);
    const decided = await stack.graphql(
      `mutation ($input: ModerateContentInput!) { moderateContent(input: $input) { status } }`,
      { input: { contentType: 'NEED', contentId: needId, decision: 'HIDE', reason: 'Duplicate request' } },
      { token: moderator.token },
    );
    expect(decided.errors).toBeUndefined();

    const told: { channel: string; recipient: string; language: string; body_encrypted: string }[] =
      await stack.dataSource.query(
        `SELECT channel, recipient, language, body_encrypted FROM notifications
          WHERE user_id = $1 AND event = 'moderation_decision' ORDER BY channel`,
        [author.userId],
      );
    expect(told.map(({ channel, language }) => ({ channel, language }))).toEqual([
      { channel: 'email', language: 'en' },
      { channel: 'in_app', language: 'en' },
    ]);
    expect(told[0].recipient).toBe('author@example.org');
    const inApp = stack.api.get(NotificationsService).decryptBody({ bodyEncrypted: told[1].body_encrypted });
    expect(inApp).toMatch(/^The Comune reviewed ".*": hidden\. Reason: Duplicate request$/);
    // The author reads the start of their own words, not the category's code.
    expect(inApp).toContain('"Cerco compagnia per una passeggiata');
    expect(inApp).not.toContain('companionship');
  });
});
