import { randomUUID } from 'node:crypto';
import { Role } from '@prossimo/identity';
import {
  ContentType,
  ModerationDecision,
  ModerationMode,
  ModerationModule,
  ModerationService,
  ModerationStatus,
} from '@prossimo/moderation';
import { createTerritory, PIEDMONT } from '../support/fixtures';
import { actingAs, grant, insertUser, refusal, startServiceModuleForFile } from '../support/service-module';

// ModerationService with its repository on the file's own database: modes, reports, decisions,
// the moderator's queue, and what the owning library and the author are told.

describe('ModerationService on PostgreSQL', () => {
  const services = startServiceModuleForFile([ModerationModule]);
  let moderation: ModerationService;
  let langhe: string;
  let novarese: string;
  let moderatorId: string;
  let foreignModeratorId: string;
  let operatorId: string;
  let authorId: string;
  const moderator = () => actingAs(moderatorId, [grant.inTerritory(Role.COMUNE_MODERATOR, langhe)]);
  const foreignModerator = () =>
    actingAs(foreignModeratorId, [grant.inTerritory(Role.COMUNE_MODERATOR, novarese)]);
  const operator = () => actingAs(operatorId, [grant.inTerritory(Role.COMUNE_OPERATOR, langhe)]);
  const statusChanges: { contentId: string; status: ModerationStatus }[] = [];
  const decisions: { contentId: string; status: ModerationStatus; actor: string | null }[] = [];

  /** A call to action by the author in a Comune; its id and the status moderation gave it. */
  async function submitCall(
    comuneIstat: string,
    summary = 'Cerchiamo autisti per le visite',
  ): Promise<{
    contentId: string;
    status: ModerationStatus;
  }> {
    const contentId = randomUUID();
    const status = await services.dataSource.transaction((manager) =>
      moderation.submit(manager, {
        contentType: ContentType.CALL_TO_ACTION,
        contentId,
        comuneIstat,
        authorUserId: authorId,
        summary,
      }),
    );
    return { contentId, status };
  }
  const rowsOf = async (sql: string, params: unknown[]) => services.dataSource.query(sql, params);

  beforeAll(async () => {
    moderation = services.module.get(ModerationService);
    moderation.onStatusChange(ContentType.CALL_TO_ACTION, async (_manager, contentId, status) => {
      statusChanges.push({ contentId, status });
    });
    moderation.onDecision(ContentType.CALL_TO_ACTION, async (_manager, contentId, status, actor) => {
      decisions.push({ contentId, status, actor });
    });
    langhe = await createTerritory(services.dataSource, 'Ambito Langhe', [PIEDMONT.alba, PIEDMONT.bra]);
    novarese = await createTerritory(services.dataSource, 'Ambito Novarese', [PIEDMONT.novara]);
    [moderatorId, foreignModeratorId, operatorId, authorId] = await Promise.all(
      Array.from({ length: 4 }, () => insertUser(services.dataSource)),
    );
  });

  it('publishes at once where the territory reviews afterwards, holds where its moderator chose to check first', async () => {
    await expect(submitCall(PIEDMONT.bra)).resolves.toMatchObject({ status: ModerationStatus.PUBLISHED });
    const input = { territoryId: langhe, contentType: ContentType.CALL_TO_ACTION, mode: ModerationMode.PRE };
    await expect(refusal(moderation.setMode(operator(), input))).resolves.toEqual({ code: 'FORBIDDEN' });
    await expect(moderation.setMode(moderator(), input)).resolves.toBe(ModerationMode.PRE);
    await expect(submitCall(PIEDMONT.bra)).resolves.toMatchObject({ status: ModerationStatus.PENDING });
    // Novara's territory kept the default.
    await expect(submitCall(PIEDMONT.novara)).resolves.toMatchObject({ status: ModerationStatus.PUBLISHED });
    const modes = await moderation.modes(operator(), langhe);
    expect(modes.find((mode) => mode.contentType === ContentType.CALL_TO_ACTION)).toEqual({
      contentType: ContentType.CALL_TO_ACTION,
      mode: ModerationMode.PRE,
      isDefault: false,
    });
    await expect(
      rowsOf(
        `SELECT actor_user_id AS actor, details FROM audit_log WHERE action = 'moderation.mode_set'`,
        [],
      ),
    ).resolves.toEqual([{ actor: moderatorId, details: { contentType: 'call_to_action', mode: 'pre' } }]);
    await moderation.setMode(moderator(), { ...input, mode: ModerationMode.POST });
  });

  it('hides published content at its third report and tells the owning library; one report per person', async () => {
    const { contentId } = await submitCall(PIEDMONT.alba);
    const reporters = await Promise.all([1, 2, 3].map(() => insertUser(services.dataSource)));
    const report = (userId: string) =>
      moderation.report(actingAs(userId), {
        contentType: ContentType.CALL_TO_ACTION,
        contentId,
        reason: 'Spam',
      });
    await report(reporters[0]);
    await expect(report(reporters[1])).resolves.toMatchObject({
      status: ModerationStatus.PUBLISHED,
      reportCount: 2,
    });
    await expect(refusal(report(reporters[1]))).resolves.toEqual({
      code: 'ALREADY_REPORTED',
      field: 'contentId',
    });
    await expect(report(reporters[2])).resolves.toMatchObject({
      status: ModerationStatus.HIDDEN,
      reportCount: 3,
    });
    expect(statusChanges.filter((change) => change.contentId === contentId)).toEqual([
      { contentId, status: ModerationStatus.HIDDEN },
    ]);
    await expect(
      rowsOf(
        `SELECT from_status, to_status, actor_user_id, reason FROM status_history WHERE entity_id = $1`,
        [contentId],
      ),
    ).resolves.toEqual([
      { from_status: 'published', to_status: 'hidden', actor_user_id: null, reason: '3 reports' },
    ]);
  });

  it('lets the moderator of the content’s territory decide, tells the author, and a refusal writes nothing', async () => {
    const { contentId } = await submitCall(PIEDMONT.alba, 'Offro passaggi, chiamatemi al 347 1234567');
    const reject = {
      contentType: ContentType.CALL_TO_ACTION,
      contentId,
      reason: 'Niente numeri di telefono',
    };
    const written = () =>
      rowsOf(
        `SELECT (SELECT count(*) FROM status_history WHERE entity_id = $1)::int AS history,
                (SELECT count(*) FROM audit_log WHERE entity_id = $1)::int AS audit`,
        [contentId],
      );
    await expect(
      refusal(moderation.decide(foreignModerator(), { ...reject, decision: ModerationDecision.REJECT })),
    ).resolves.toEqual({ code: 'FORBIDDEN' });
    await expect(
      refusal(
        moderation.decide(moderator(), {
          ...reject,
          decision: ModerationDecision.REDACT,
          redactions: [{ start: 26, end: 37 }],
        }),
      ),
    ).resolves.toEqual({ code: 'REDACTION_NOT_SUPPORTED', field: 'contentType' });
    await expect(written()).resolves.toEqual([{ history: 0, audit: 0 }]);
    expect(decisions.filter((decision) => decision.contentId === contentId)).toEqual([]);

    const decided = await moderation.decide(moderator(), { ...reject, decision: ModerationDecision.REJECT });
    expect(decided).toMatchObject({ status: ModerationStatus.REJECTED });
    expect(decisions.filter((decision) => decision.contentId === contentId)).toEqual([
      { contentId, status: ModerationStatus.REJECTED, actor: moderatorId },
    ]);
    await expect(
      rowsOf(`SELECT action, territory_id AS "territoryId" FROM audit_log WHERE entity_id = $1`, [contentId]),
    ).resolves.toEqual([{ action: 'moderation.reject', territoryId: langhe }]);
    // The author hears of it by SMS (through the outbox) and in the app.
    const told: { channel: string; queued: boolean }[] = await rowsOf(
      `SELECT n.channel, EXISTS (SELECT 1 FROM outbox o WHERE o.payload->>'notificationId' = n.id::text) AS queued
         FROM notifications n WHERE n.user_id = $1 AND n.event = 'moderation_decision' ORDER BY n.channel`,
      [authorId],
    );
    expect(told).toEqual([
      { channel: 'in_app', queued: false },
      { channel: 'sms', queued: true },
    ]);
  });

  it('shows each moderator the items of their own territory that need a review', async () => {
    const here = await submitCall(PIEDMONT.bra, 'Serve aiuto per la spesa');
    const there = await submitCall(PIEDMONT.novara, 'Serve aiuto a Novara');
    const ids = async (user: ReturnType<typeof moderator>) =>
      (await moderation.queue(user, { first: 50 })).items.map((item) => item.contentId);
    const langheQueue = await ids(moderator());
    expect(langheQueue).toContain(here.contentId);
    expect(langheQueue).not.toContain(there.contentId);
    const novareseQueue = await ids(foreignModerator());
    expect(novareseQueue).toContain(there.contentId);
    expect(novareseQueue).not.toContain(here.contentId);
    await expect(refusal(moderation.queue(operator(), { first: 50 }))).resolves.toEqual({
      code: 'FORBIDDEN',
    });
  });
});
