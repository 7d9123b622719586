import { createHash, createHmac } from 'node:crypto';
import { Job } from 'bullmq';
import { NotificationsService } from '@prossimo/notifications';
import { FieldCipher, QueueBackendService } from '@prossimo/platform';
import { needAcceptedBy, postNeedAs, saveVolunteerProfile, startAndComplete } from '../support/engagements';
import {
  createTerritory,
  errorOf,
  grantRole,
  companionshipInSaluzzo,
  hoursFromNow,
  ok,
  SignedInUser,
  signUp,
  signUpWithRoles,
  waitUntil,
  SALUZZO_HOME,
} from '../support/fixtures';
import { moderatorOf, operatorOf } from '../support/roles';
import { startStackForFile, uniqueIp, uniquePhone } from '../support/stack';

// Comuni no other test file uses (those share Alba, Bra, Novara...): indicators here are ours alone.
const SALUZZO = '004203';
const BIELLA = '096004';

const POST_NEED = `mutation ($input: PostNeedInput!) { postNeed(input: $input) { id status } }`;
const POST_AT_DESK = `mutation ($input: PostNeedAtDeskInput!) { postNeedAtDesk(input: $input) { id } }`;
const NEED = `query ($id: ID!) { need(id: $id) { id status sensitiveNotes } }`;
const MY_PRIVACY = `{ myPrivacy { currentNoticeVersion acceptedNoticeVersion noticeAcceptanceRequired
  healthDataConsent familyContactConsent consents { kind noticeVersion withdrawnAt } } }`;
const WITHDRAW = `mutation ($kind: ConsentKind!) { withdrawConsent(input: { kind: $kind }) {
  kind withdrawn sensitiveNotesPurged familyNotificationsCancelled } }`;
const REQUEST_EXPORT = `mutation { requestDataExport { id status } }`;
const EXPORT = `query ($id: ID!) { dataExport(id: $id) { id status expiresAt content } }`;
const MY_EXPORTS = `{ myDataExports(first: 5) { items { id status expiresAt sizeBytes } } }`;
const AUDIT = `query ($territoryId: ID!, $after: String, $action: String) {
  auditTrail(territoryId: $territoryId, first: 2, after: $after, action: $action) {
    items { id action entityType entityId actorUserId territoryId details }
    pageInfo { hasNextPage endCursor } } }`;
const WRITE_REVIEW = `mutation ($input: WriteReviewInput!) { writeReview(input: $input) { id visibility } }`;
const REPLY = `mutation ($input: ReplyToReviewInput!) { replyToReview(input: $input) { id } }`;

/**
 * The sections of "download my data" in their order, with the fields of their rows in the export of
 * the erasure test's person (empty: no row for them there).
 */
const EXPORT_FIELDS: Record<string, string> = {
  account: 'id phoneE164 displayName language status phoneVerifiedAt createdAt codiceFiscale',
  roles: 'role territoryId organisationId createdAt',
  consents: 'kind noticeVersion grantedAt withdrawnAt',
  notificationPreferences:
    'language channels email quietStart quietEnd familyContactName familyContactPhone familyContactConsentAt',
  needs:
    'id source status category description comuneIstat lat lon windowStart windowEnd urgency language ' +
    'accessibilityNeeds details createdAt updatedAt beneficiaryKind beneficiaryRelationship address ' +
    'sensitiveNotes beneficiaryName beneficiaryPhone beneficiaryCodiceFiscale',
  needStatusHistory: 'needId from to reason createdAt',
  engagements: 'id needId role status startsAt endsAt hoursLogged createdAt',
  careGroupMemberships: '',
  reviewsWritten:
    'id engagementId subjectKind criterion1Stars criterion2Stars criterion3Stars overallStars comment status ' +
    'createdAt editedAt',
  reviewsReceived:
    'id engagementId criterion1Stars criterion2Stars criterion3Stars overallStars comment status createdAt myReply',
  reviewRepliesWritten: 'reviewId body status createdAt',
  proposalsReceived: 'id needId status rank score distanceKm createdAt decidedAt',
  volunteerProfile:
    'id displayName bio skills categories languages homeLat homeLon comuneIstat travelRadiusKm vehicleSeats ' +
    'vehicleWheelchairAccessible weeklyHourLimit createdAt',
  availability: 'kind dayOfWeek startMinute endMinute validity during',
  volunteerOffers: '',
  joinRequests: '',
  callAnswers: '',
  engagementMessagesSent: '',
  callMessagesSent: '',
  organisationsCreated: '',
  reportsFiled: '',
  blockedHelpers: '',
  notifications: 'id channel event status createdAt sentAt readAt text',
  dataExports: 'id status requestedAt readyAt expiresAt',
  auditEntries: 'id action entityType entityId actorUserId details createdAt',
  otherRecords: '',
};

describe('Privacy: notice, consents, download my data, erasure, retention, audit trail', () => {
  const stack = startStackForFile();
  let langhe: string;
  let novarese: string;
  let operator: SignedInUser;
  let moderator: SignedInUser;
  let foreignModerator: SignedInUser;
  let maria: SignedInUser;
  let luca: SignedInUser;

  /** Runs the maintenance purge as the schedule does: a job on the worker's BullMQ queue. */
  async function runPurgeJob(): Promise<Record<string, number>> {
    const queue = stack.worker!.get(QueueBackendService).queue('maintenance');
    const added = await queue.add('purge', {});
    let job: Job | undefined;
    await waitUntil(async () => {
      job = await queue.getJob(added.id!);
      return (await job?.getState()) === 'completed';
    });
    // Read again: the job read above may predate its completion (no return value yet).
    job = await queue.getJob(added.id!);
    return job!.returnvalue as Record<string, number>;
  }

  /** Asks for a code through the real SMS flow; the returned function checks it. */
  async function requestCode(phone: string) {
    const before = stack.gateway.messagesTo(phone).length;
    ok(
      await stack.graphql(
        `mutation ($phone: String!) { requestPhoneVerification(input: { phone: $phone }) { phone } }`,
        { phone },
        { ip: uniqueIp() },
      ),
    );
    const code = await stack.gateway.waitForCode(phone, before);
    return (privacyNoticeVersion?: string) =>
      stack.graphql<{ verifyPhone: { accessToken: string; refreshToken: string; user: { id: string } } }>(
        `mutation ($phone: String!, $code: String!, $version: String) {
          verifyPhone(input: { phone: $phone, code: $code, privacyNoticeVersion: $version }) {
            accessToken refreshToken user { id } } }`,
        { phone, code, version: privacyNoticeVersion },
      );
  }

  /** Signs up, optionally saying which privacy notice was shown. */
  async function signUpWith(phone: string, privacyNoticeVersion?: string) {
    return (await requestCode(phone))(privacyNoticeVersion);
  }

  async function privacyOf(user: SignedInUser) {
    return ok(
      await stack.graphql<{
        myPrivacy: {
          currentNoticeVersion: string;
          acceptedNoticeVersion: string | null;
          noticeAcceptanceRequired: boolean;
          healthDataConsent: boolean;
          familyContactConsent: boolean;
          consents: { kind: string; noticeVersion: string | null; withdrawnAt: string | null }[];
        };
      }>(MY_PRIVACY, {}, { token: user.token }),
    ).myPrivacy;
  }

  async function notesStored(needId: string): Promise<string | null> {
    const [row]: { sensitive_notes_encrypted: string | null }[] = await stack.dataSource.query(
      `SELECT sensitive_notes_encrypted FROM needs WHERE id = $1`,
      [needId],
    );
    return row.sensitive_notes_encrypted;
  }

  async function auditActions(entityId: string): Promise<string[]> {
    const rows: { action: string }[] = await stack.dataSource.query(
      `SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`,
      [entityId],
    );
    return rows.map((row) => row.action);
  }

  /**
   * Searches every table (from information_schema) for the needles, and every encrypted column
   * decrypted with this stack's key; returns where they were found.
   */
  async function personalDataFound(needles: string[]): Promise<string[]> {
    const tables: { table_schema: string; table_name: string }[] = await stack.dataSource.query(
      `SELECT table_schema, table_name FROM information_schema.tables
          WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
    );
    expect(tables.length).toBeGreaterThan(25);
    const found: string[] = [];
    for (const table of tables) {
      const name = `"${table.table_schema}"."${table.table_name}"`;
      const [hit]: { n: number }[] = await stack.dataSource.query(
        `SELECT count(*)::int AS n FROM ${name} t WHERE lower(t::text) LIKE ANY ($1::text[])`,
        [needles.map((needle) => `%${needle.toLowerCase()}%`)],
      );
      if (hit.n > 0) found.push(name);
    }
    // Encrypted columns are decrypted with this stack's key and searched too.
    const cipher = new FieldCipher(process.env.FIELD_ENCRYPTION_KEY as string);
    const encrypted: { table_schema: string; table_name: string; column_name: string }[] =
      await stack.dataSource.query(
        `SELECT table_schema, table_name, column_name FROM information_schema.columns
            WHERE column_name LIKE '%encrypted%' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
      );
    expect(encrypted.length).toBeGreaterThanOrEqual(5);
    for (const column of encrypted) {
      const values: { v: string }[] = await stack.dataSource.query(
        `SELECT "${column.column_name}" AS v FROM "${column.table_schema}"."${column.table_name}"
            WHERE "${column.column_name}" IS NOT NULL`,
      );
      for (const { v } of values) {
        let plain: string;
        try {
          plain = cipher.decrypt(v).toLowerCase();
        } catch {
          continue; // another test file's stack, another key
        }
        if (needles.some((needle) => plain.includes(needle.toLowerCase()))) {
          found.push(`${column.table_name}.${column.column_name}: ${plain}`);
        }
      }
    }
    return found;
  }

  async function countNotifications(userId: string, event: string): Promise<number> {
    const [row]: { n: number }[] = await stack.dataSource.query(
      `SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND event = $2`,
      [userId, event],
    );
    return row.n;
  }

  let offsets = 0;
  const randomOffset = () => ++offsets * 1000;

  beforeAll(async () => {
    langhe = await createTerritory(stack.dataSource, `Privacy Langhe ${Date.now()}`, [SALUZZO]);
    novarese = await createTerritory(stack.dataSource, `Privacy Novarese ${Date.now()}`, [BIELLA]);
    [operator, moderator, foreignModerator, maria, luca] = await signUpWithRoles(stack, [
      operatorOf(langhe),
      moderatorOf(langhe),
      moderatorOf(novarese),
      null,
      null,
    ]);
  });

  it('sign-up records the privacy notice version the app showed; without it, acceptance is asked later', async () => {
    const notice = ok(
      await stack.graphql<{ privacyNotice: { version: string; language: string; title: string } }>(
        `{ privacyNotice(language: "en") { version language title body publishedAt } }`,
      ),
    ).privacyNotice;
    expect(notice).toMatchObject({ version: '2026-11', language: 'en', title: 'Privacy notice' });
    const italian = ok(
      await stack.graphql<{ privacyNotice: { language: string } }>(`{ privacyNotice { language } }`),
    );
    expect(italian.privacyNotice.language).toBe('it');

    // An unknown version is refused before the code is spent: the same code then works.
    const phone = uniquePhone();
    const verify = await requestCode(phone);
    expect(errorOf(await verify('1999-01'))).toEqual({
      code: 'PRIVACY_NOTICE_UNKNOWN',
      field: 'privacyNoticeVersion',
    });
    const [{ users }]: { users: number }[] = await stack.dataSource.query(
      `SELECT count(*)::int AS users FROM users WHERE phone_e164 = $1`,
      [phone],
    );
    expect(users).toBe(0);
    const signedUp = ok(await verify(notice.version)).verifyPhone;
    const withNotice = { userId: signedUp.user.id, phone, token: signedUp.accessToken };
    expect(await privacyOf(withNotice)).toMatchObject({
      currentNoticeVersion: '2026-11',
      acceptedNoticeVersion: '2026-11',
      noticeAcceptanceRequired: false,
      consents: [{ kind: 'PRIVACY_NOTICE', noticeVersion: '2026-11', withdrawnAt: null }],
    });

    // An older client that sends no version still signs up; no acceptance is presumed.
    expect(await privacyOf(maria)).toMatchObject({
      acceptedNoticeVersion: null,
      noticeAcceptanceRequired: true,
    });
    const accepted = ok(
      await stack.graphql<{ acceptPrivacyNotice: { acceptedNoticeVersion: string } }>(
        `mutation { acceptPrivacyNotice(input: { version: "2026-11" }) { acceptedNoticeVersion noticeAcceptanceRequired } }`,
        {},
        { token: maria.token },
      ),
    );
    expect(accepted.acceptPrivacyNotice).toMatchObject({
      acceptedNoticeVersion: '2026-11',
      noticeAcceptanceRequired: false,
    });
  });

  it('health notes are refused without the explicit health consent, and nothing is written', async () => {
    const count = async () =>
      (
        (await stack.dataSource.query(
          `SELECT (SELECT count(*) FROM needs)::int AS needs, (SELECT count(*) FROM beneficiaries)::int AS b,
                  (SELECT count(*) FROM consents)::int AS c`,
        )) as { needs: number; b: number; c: number }[]
      )[0];
    const before = await count();
    const refused = await stack.graphql(
      POST_NEED,
      { input: companionshipInSaluzzo('Compagnia', { sensitiveNotes: 'Diabete di tipo 1' }) },
      { token: luca.token },
    );
    expect(errorOf(refused)).toEqual({ code: 'HEALTH_DATA_CONSENT_REQUIRED', field: 'sensitiveNotes' });
    expect(refused.errors?.[0]?.message).toContain('sensitiveNotes');
    const explicitNo = await stack.graphql(
      POST_NEED,
      { input: companionshipInSaluzzo('Compagnia', { sensitiveNotes: 'Diabete', healthDataConsent: false }) },
      { token: luca.token },
    );
    expect(errorOf(explicitNo).code).toBe('HEALTH_DATA_CONSENT_REQUIRED');
    // At the desk the person's own health consent is asked for, separately from the general one.
    const desk = await stack.graphql(
      POST_AT_DESK,
      {
        input: {
          ...companionshipInSaluzzo('Compagnia', { sensitiveNotes: 'Ipovedente', comuneIstat: SALUZZO }),
          beneficiary: { fullName: 'Teresa Bosio', consentRecorded: true, consentDate: hoursFromNow(-1) },
        },
      },
      { token: operator.token },
    );
    expect(errorOf(desk)).toEqual({
      code: 'HEALTH_DATA_CONSENT_REQUIRED',
      field: 'beneficiary.healthDataConsent',
    });
    expect(await count()).toEqual(before);

    // Without notes no consent is needed; with the consent given in the form the notes are kept.
    ok(
      await stack.graphql(
        POST_NEED,
        { input: companionshipInSaluzzo('Compagnia senza note') },
        { token: luca.token },
      ),
    );
    const withConsent = ok(
      await stack.graphql<{ postNeed: { id: string } }>(
        POST_NEED,
        {
          input: companionshipInSaluzzo('Compagnia di Luca', {
            sensitiveNotes: 'Luca: insulina alle 18',
            healthDataConsent: true,
          }),
        },
        { token: luca.token },
      ),
    );
    expect(
      ok(
        await stack.graphql<{ need: { sensitiveNotes: string } }>(
          NEED,
          { id: withConsent.postNeed.id },
          { token: luca.token },
        ),
      ).need.sensitiveNotes,
    ).toBe('Luca: insulina alle 18');
    expect((await privacyOf(luca)).healthDataConsent).toBe(true);
  });

  it('withdrawing health consent purges the notes and refuses new ones; withdrawing the family contact stops its messages', async () => {
    const citizen = await signUp(stack);
    ok(
      await stack.graphql(
        `mutation { giveConsent(input: { kind: HEALTH_DATA }) { healthDataConsent } }`,
        {},
        { token: citizen.token },
      ),
    );
    const posted = ok(
      await stack.graphql<{ postNeed: { id: string } }>(
        POST_NEED,
        { input: companionshipInSaluzzo('Compagnia', { sensitiveNotes: 'Cardiopatia' }) },
        { token: citizen.token },
      ),
    );
    expect(await notesStored(posted.postNeed.id)).not.toBeNull();

    const withdrawn = ok(
      await stack.graphql<{ withdrawConsent: Record<string, unknown> }>(
        WITHDRAW,
        { kind: 'HEALTH_DATA' },
        { token: citizen.token },
      ),
    );
    expect(withdrawn.withdrawConsent).toEqual({
      kind: 'HEALTH_DATA',
      withdrawn: true,
      sensitiveNotesPurged: 1,
      familyNotificationsCancelled: 0,
    });
    expect(await notesStored(posted.postNeed.id)).toBeNull();
    const again = await stack.graphql(
      POST_NEED,
      { input: companionshipInSaluzzo('Compagnia', { sensitiveNotes: 'Cardiopatia' }) },
      { token: citizen.token },
    );
    expect(errorOf(again).code).toBe('HEALTH_DATA_CONSENT_REQUIRED');
    expect((await privacyOf(citizen)).consents).toEqual([
      { kind: 'HEALTH_DATA', noticeVersion: null, withdrawnAt: expect.any(String) },
    ]);

    // Family contact: the consent is recorded with the contact, one record for both features.
    const familyPhone = uniquePhone();
    ok(
      await stack.graphql(
        `mutation ($phone: String!) { updateNotificationPreferences(input: {
          familyContact: { name: "Anna", phone: $phone, consent: true } }) { familyContact { phone } } }`,
        { phone: familyPhone },
        { token: citizen.token },
      ),
    );
    expect((await privacyOf(citizen)).familyContactConsent).toBe(true);
    const notifications = stack.api.get(NotificationsService);
    const familyMessage = () =>
      stack.dataSource.transaction((manager) =>
        notifications.notifyFamily(manager, {
          userId: citizen.userId,
          event: 'need_matched_family',
          params: { person: 'la mamma', summary: 'Visita', when: '24/12 10:30', helper: 'Bruno' },
          availableAt: new Date(Date.now() + 6 * 3600_000),
        }),
      );
    const scheduled = await familyMessage();
    expect(scheduled).not.toBeNull();

    const familyWithdrawn = ok(
      await stack.graphql<{ withdrawConsent: Record<string, unknown> }>(
        WITHDRAW,
        { kind: 'FAMILY_CONTACT' },
        { token: citizen.token },
      ),
    );
    expect(familyWithdrawn.withdrawConsent).toMatchObject({
      withdrawn: true,
      familyNotificationsCancelled: 1,
    });
    const [message]: { status: string }[] = await stack.dataSource.query(
      `SELECT status FROM notifications WHERE id = $1`,
      [scheduled],
    );
    expect(message.status).toBe('cancelled');
    expect(await familyMessage()).toBeNull();
    const preferences = ok(
      await stack.graphql<{ myNotificationPreferences: { familyContact: unknown } }>(
        `{ myNotificationPreferences { familyContact { phone } } }`,
        {},
        { token: citizen.token },
      ),
    );
    expect(preferences.myNotificationPreferences.familyContact).toBeNull();
    expect(await auditActions(citizen.userId)).toEqual(
      expect.arrayContaining(['consent.granted', 'consent.withdrawn', 'notifications.family_consented']),
    );
  });

  it('"download my data" goes through the worker, holds the person’s data and no one else’s, and expires', async () => {
    const mariasNeed = await postNeedAs(
      stack,
      maria,
      companionshipInSaluzzo('Passeggiata di Maria al parco', {
        sensitiveNotes: 'Maria: pressione alta',
        healthDataConsent: true,
        relative: { fullName: 'Giuseppe Rossi', relationship: 'padre', phone: '+393471112233' },
      }),
    );
    ok(
      await stack.graphql(
        POST_NEED,
        {
          input: companionshipInSaluzzo('Spesa di Luca', {
            sensitiveNotes: 'Luca: allergico',
            healthDataConsent: true,
          }),
        },
        { token: luca.token },
      ),
    );
    // A staff read of Maria's notes is audited, and Maria sees it in her copy.
    ok(await stack.graphql(NEED, { id: mariasNeed }, { token: operator.token }));

    const requested = ok(
      await stack.graphql<{ requestDataExport: { id: string; status: string } }>(
        REQUEST_EXPORT,
        {},
        { token: maria.token },
      ),
    ).requestDataExport;
    expect(requested.status).toBe('PENDING');
    const [outbox]: { payload: Record<string, unknown> }[] = await stack.dataSource.query(
      `SELECT payload FROM outbox WHERE queue = 'privacy' AND job_name = 'build-export' AND payload->>'exportId' = $1`,
      [requested.id],
    );
    expect(outbox.payload).toEqual({ exportId: requested.id });

    await waitUntil(async () => {
      const mine = ok(
        await stack.graphql<{ myDataExports: { items: { id: string; status: string }[] } }>(
          MY_EXPORTS,
          {},
          { token: maria.token },
        ),
      );
      return mine.myDataExports.items.find((item) => item.id === requested.id)?.status === 'READY';
    });
    const [stored]: { content_encrypted: string }[] = await stack.dataSource.query(
      `SELECT content_encrypted FROM personal_data_exports WHERE id = $1`,
      [requested.id],
    );
    expect(stored.content_encrypted).not.toContain(maria.phone);

    const downloaded = ok(
      await stack.graphql<{ dataExport: { content: string; expiresAt: string } }>(
        EXPORT,
        { id: requested.id },
        { token: maria.token },
      ),
    ).dataExport;
    const ttlHours = (new Date(downloaded.expiresAt).getTime() - Date.now()) / 3600_000;
    expect(ttlHours).toBeGreaterThan(71);
    expect(ttlHours).toBeLessThanOrEqual(72);
    const copy = JSON.parse(downloaded.content) as {
      account: { id: string; phoneE164: string };
      consents: { kind: string }[];
      needs: {
        id: string;
        description: string;
        sensitiveNotes: string;
        address: string;
        beneficiaryName: string;
      }[];
      auditEntries: { action: string; entityId: string; actorUserId: string }[];
      notifications: { event: string }[];
    };
    expect(copy.account).toMatchObject({ id: maria.userId, phoneE164: maria.phone });
    expect(copy.consents.map((consent) => consent.kind).sort()).toEqual(['health_data', 'privacy_notice']);
    expect(copy.needs).toEqual([
      expect.objectContaining({
        id: mariasNeed,
        description: 'Passeggiata di Maria al parco',
        sensitiveNotes: 'Maria: pressione alta',
        address: 'Via Roma 12, Saluzzo',
        beneficiaryName: 'Giuseppe Rossi',
      }),
    ]);
    expect(copy.notifications.map((notification) => notification.event)).toContain('otp');
    expect(copy.auditEntries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'need.sensitive_notes_read',
          entityId: mariasNeed,
          actorUserId: operator.userId,
        }),
        expect.objectContaining({ action: 'privacy.export_requested', entityId: requested.id }),
      ]),
    );
    // No one else's data: not Luca's number, need or notes, not the operator's number.
    for (const foreign of [
      luca.phone,
      luca.phone.slice(3),
      'Spesa di Luca',
      'Luca:',
      operator.phone.slice(3),
    ]) {
      expect(downloaded.content).not.toContain(foreign);
    }

    // Only Maria can read it; every step of it is in the audit log.
    const asLuca = await stack.graphql(EXPORT, { id: requested.id }, { token: luca.token });
    expect(errorOf(asLuca)).toEqual({ code: 'DATA_EXPORT_NOT_FOUND', field: 'id' });
    expect(await auditActions(requested.id)).toEqual([
      'privacy.export_requested',
      'privacy.export_built',
      'privacy.export_downloaded',
    ]);
    const inApp = ok(
      await stack.graphql<{ myNotifications: { items: { event: string; body: string }[] } }>(
        `{ myNotifications(first: 5) { items { event body } } }`,
        {},
        { token: maria.token },
      ),
    );
    expect(inApp.myNotifications.items[0]).toEqual({
      event: 'data_export_ready',
      body: 'La copia dei tuoi dati è pronta: puoi scaricarla per 72 ore.',
    });

    // Past its time the purge job deletes the copy.
    await stack.dataSource.query(
      `UPDATE personal_data_exports SET expires_at = now() - interval '1 minute' WHERE id = $1`,
      [requested.id],
    );
    const purged = await runPurgeJob();
    expect(purged.exportsExpired).toBeGreaterThanOrEqual(1);
    const [after]: { status: string; content_encrypted: string | null }[] = await stack.dataSource.query(
      `SELECT status, content_encrypted FROM personal_data_exports WHERE id = $1`,
      [requested.id],
    );
    expect(after).toEqual({ status: 'expired', content_encrypted: null });
    const expired = await stack.graphql(EXPORT, { id: requested.id }, { token: maria.token });
    expect(errorOf(expired)).toEqual({ code: 'DATA_EXPORT_EXPIRED', field: 'id' });
  });

  it('retention: the scheduled purge job removes old notes of closed needs, codes, sessions and notifications', async () => {
    const scheduler = await stack
      .worker!.get(QueueBackendService)
      .queue('maintenance')
      .getJobScheduler('purge');
    expect(Number(scheduler?.every)).toBe(60 * 60_000);

    const citizen = await signUp(stack);
    const post = async (description: string) =>
      await postNeedAs(
        stack,
        citizen,
        companionshipInSaluzzo(description, { sensitiveNotes: 'Note', healthDataConsent: true }),
      );
    const [oldClosed, recentClosed, oldOpen] = [
      await post('Vecchia'),
      await post('Recente'),
      await post('Aperta'),
    ];
    for (const id of [oldClosed, recentClosed]) {
      ok(
        await stack.graphql(
          `mutation ($id: ID!) { cancelNeed(input: { needId: $id, reason: "non serve" }) { id } }`,
          { id },
          { token: citizen.token },
        ),
      );
    }
    await stack.dataSource.query(
      `UPDATE needs SET updated_at = now() - interval '91 days' WHERE id = ANY($1::uuid[])`,
      [[oldClosed, oldOpen]],
    );
    await stack.dataSource.query(`UPDATE needs SET updated_at = now() - interval '89 days' WHERE id = $1`, [
      recentClosed,
    ]);
    // Codes, sessions and notifications of a second person, some old and some not.
    const otherPhone = uniquePhone();
    const signedUp = ok(await signUpWith(otherPhone)).verifyPhone;
    // Refreshing ends the first session (revoked) and starts a second one.
    const refreshed = ok(
      await stack.graphql<{ refreshSession: { accessToken: string } }>(
        `mutation ($token: String!) { refreshSession(input: { refreshToken: $token }) { accessToken } }`,
        { token: signedUp.refreshToken },
      ),
    ).refreshSession;
    const other = { userId: signedUp.user.id, phone: otherPhone, token: refreshed.accessToken };
    await stack.dataSource.query(
      `UPDATE phone_verifications SET created_at = now() - interval '31 days' WHERE phone_e164 = $1`,
      [other.phone],
    );
    await stack.dataSource.query(
      `UPDATE sessions SET revoked_at = now() - interval '31 days' WHERE user_id = $1 AND revoked_at IS NOT NULL`,
      [other.userId],
    );
    // The code's SMS went out (the gateway has it); wait for its record to say so, then age it.
    await waitUntil(async () => {
      const [sent]: { n: number }[] = await stack.dataSource.query(
        `SELECT count(*)::int AS n FROM notifications WHERE recipient = $1 AND status IN ('sent', 'delivered')`,
        [other.phone],
      );
      return sent.n > 0;
    });
    await stack.dataSource.query(
      `UPDATE notifications SET created_at = now() - interval '366 days'
        WHERE recipient = $1 AND status IN ('sent', 'delivered')`,
      [other.phone],
    );
    const [oldPending]: { id: string }[] = await stack.dataSource.query(
      `INSERT INTO notifications (user_id, channel, recipient, event, status, created_at)
       VALUES ($1, 'sms', $2, 'otp', 'pending', now() - interval '400 days') RETURNING id`,
      [other.userId, other.phone],
    );
    const counts = async () =>
      (
        (await stack.dataSource.query(
          `SELECT (SELECT count(*) FROM phone_verifications WHERE phone_e164 = $1)::int AS codes,
                  (SELECT count(*) FROM phone_verifications WHERE phone_e164 = $3)::int AS "recentCodes",
                  (SELECT count(*) FROM sessions WHERE user_id = $2)::int AS sessions,
                  (SELECT count(*) FROM notifications WHERE user_id = $2 OR recipient = $1)::int AS notifications`,
          [other.phone, other.userId, citizen.phone],
        )) as { codes: number; recentCodes: number; sessions: number; notifications: number }[]
      )[0];
    const before = await counts();
    // SPID/CIE sign-ins left unfinished: one expired a second ago, one still waiting at the provider.
    const oidcRequest = (stateHash: string, expiresIn: string) =>
      stack.dataSource.query(
        `INSERT INTO oidc_authorization_requests
           (state_hash, provider_kind, provider_entity_id, level, nonce, code_verifier, return_path, expires_at)
         VALUES (sha256($1::bytea), 'spid', 'https://idp.example', 2, 'n', 'v', '/', now() + $2::interval)`,
        [stateHash, expiresIn],
      );
    const expiredState = `expired-${uniquePhone()}`;
    const liveState = `live-${uniquePhone()}`;
    await oidcRequest(expiredState, '-1 second');
    await oidcRequest(liveState, '10 minutes');
    const oidcLeft = async () =>
      (
        (await stack.dataSource.query(
          `SELECT convert_from(s, 'UTF8') AS state FROM (VALUES ($1::bytea), ($2::bytea)) v(s)
            WHERE EXISTS (SELECT 1 FROM oidc_authorization_requests WHERE state_hash = sha256(s))`,
          [expiredState, liveState],
        )) as { state: string }[]
      ).map((row) => row.state);
    expect(await oidcLeft()).toEqual([expiredState, liveState]);

    const purged = await runPurgeJob();
    expect(purged.oidcRequestsDeleted).toBeGreaterThanOrEqual(1);
    expect(await oidcLeft()).toEqual([liveState]);
    expect(purged.sensitiveNotesPurged).toBeGreaterThanOrEqual(1);
    expect(await notesStored(oldClosed)).toBeNull();
    expect(await notesStored(recentClosed)).not.toBeNull();
    expect(await notesStored(oldOpen)).not.toBeNull();
    const after = await counts();
    expect(before).toMatchObject({ codes: 1, recentCodes: 1, sessions: 2 });
    expect(after).toMatchObject({ codes: 0, recentCodes: 1, sessions: 1 });
    // The old sent messages go; the one still waiting to go out stays.
    expect(after.notifications).toBeLessThan(before.notifications);
    const [stillThere]: unknown[] = await stack.dataSource.query(
      `SELECT 1 FROM notifications WHERE id = $1`,
      [oldPending.id],
    );
    expect(stillThere).toBeDefined();
    // The second, recent session still works.
    expect((await stack.graphql(`{ me { id } }`, {}, { token: other.token })).errors).toBeUndefined();
  });

  it('a moderator sees the audit trail of their territory, paginated; others do not; nobody can edit it', async () => {
    // Staff reads of sensitive fields in the territory: the notes and the person a need is for.
    const lucasNeed = await postNeedAs(
      stack,
      luca,
      companionshipInSaluzzo('Compagnia', {
        sensitiveNotes: 'Nota',
        healthDataConsent: true,
        relative: { fullName: 'Pietro Neri', relationship: 'padre' },
      }),
    );
    const read = ok(
      await stack.graphql<{ need: { sensitiveNotes: string; beneficiary: { fullName: string } } }>(
        `query ($id: ID!) { need(id: $id) { sensitiveNotes beneficiary { fullName } } }`,
        { id: lucasNeed },
        { token: operator.token },
      ),
    );
    expect(read.need).toEqual({ sensitiveNotes: 'Nota', beneficiary: { fullName: 'Pietro Neri' } });
    // Both fields resolve in parallel: either entry may be written first.
    expect((await auditActions(lucasNeed)).sort()).toEqual([
      'need.beneficiary_read',
      'need.sensitive_notes_read',
    ]);
    const trail = ok(
      await stack.graphql<{
        auditTrail: {
          items: { id: string; action: string; territoryId: string; details: string }[];
          pageInfo: { hasNextPage: boolean; endCursor: string };
        };
      }>(AUDIT, { territoryId: langhe, action: 'need.sensitive_notes_read' }, { token: moderator.token }),
    ).auditTrail;
    expect(trail.items.length).toBeGreaterThanOrEqual(1);
    expect(trail.items.every((item) => item.territoryId === langhe)).toBe(true);
    expect(trail.items.every((item) => item.action === 'need.sensitive_notes_read')).toBe(true);

    // Pages follow each other without overlap.
    const first = ok(
      await stack.graphql<{ auditTrail: { items: { id: string }[]; pageInfo: { endCursor: string } } }>(
        AUDIT,
        { territoryId: langhe },
        { token: moderator.token },
      ),
    ).auditTrail;
    const second = ok(
      await stack.graphql<{ auditTrail: { items: { id: string }[] } }>(
        AUDIT,
        { territoryId: langhe, after: first.pageInfo.endCursor },
        { token: moderator.token },
      ),
    ).auditTrail;
    expect(first.items).toHaveLength(2);
    expect(second.items.length).toBeGreaterThanOrEqual(1);
    expect(Number(second.items[0].id)).toBeLessThan(Number(first.items[1].id));

    for (const outsider of [foreignModerator, operator, maria]) {
      const denied = await stack.graphql(AUDIT, { territoryId: langhe }, { token: outsider.token });
      expect(errorOf(denied).code).toBe('FORBIDDEN');
    }
    const own = ok(
      await stack.graphql<{ auditTrail: { items: { territoryId: string }[] } }>(
        AUDIT,
        { territoryId: novarese },
        { token: foreignModerator.token },
      ),
    ).auditTrail;
    expect(own.items.every((item) => item.territoryId === novarese)).toBe(true);

    // The database itself refuses changes, whoever asks.
    for (const statement of [
      `UPDATE audit_log SET action = 'x' WHERE id = ${Number(first.items[0].id)}`,
      `DELETE FROM audit_log WHERE id = ${Number(first.items[0].id)}`,
      `TRUNCATE audit_log`,
    ]) {
      await expect(stack.dataSource.query(statement)).rejects.toThrow(/append-only/);
    }
  });

  it('erasure leaves no personal data anywhere, tells the other party, ends sessions and keeps the indicators', async () => {
    const carla = await signUp(stack);
    // Carla's association invites Ettore's number before he signs up (the number kept as an HMAC).
    const [organisation]: { id: string }[] = await stack.dataSource.query(
      `INSERT INTO organisations (kind, runts_section, name, codice_fiscale, description, home_comune_istat)
       VALUES ('ets', 'a', 'Amici di Saluzzo', $1, 'Volontariato', $2) RETURNING id`,
      [String(Date.now()).slice(-11).padStart(11, '9'), SALUZZO],
    );
    await grantRole(stack.dataSource, carla.userId, 'organisation_admin', {
      organisationId: organisation.id,
    });
    const ettorePhone = uniquePhone();
    ok(
      await stack.graphql(
        `mutation ($input: InviteOrganisationMemberInput!) { inviteOrganisationMember(input: $input) { role } }`,
        { input: { organisationId: organisation.id, phone: ettorePhone, role: 'OPERATOR' } },
        { token: carla.token },
      ),
    );
    const ettore = await signUp(stack, ettorePhone);
    const NAME = 'Ettore Cancellabile';
    // There is no API for the account name (demo people have one): set it like the seed does.
    await stack.dataSource.query(`UPDATE users SET display_name = $2 WHERE id = $1`, [ettore.userId, NAME]);
    await saveVolunteerProfile(stack, ettore, {
      displayName: NAME,
      bio: `Sono ${NAME}, pensionato di Saluzzo`,
      skills: ['conversazione'],
      categories: ['COMPANIONSHIP'],
      languages: ['it'],
      homeLat: 44.648,
      homeLon: 7.494,
      travelRadiusKm: 10,
      weeklyHourLimit: 10,
      availability: [{ oneOff: { startsAt: hoursFromNow(0.5), endsAt: hoursFromNow(30) } }],
    });

    // One engagement completed and rated (indicators count it), one confirmed (it must be cancelled).
    const engage = async (description: string, windowStart: number) => {
      const needInput = companionshipInSaluzzo(description, {
        windowStart: hoursFromNow(windowStart),
        windowEnd: hoursFromNow(windowStart + 2),
      });
      return needAcceptedBy(stack, carla, [ettore], needInput);
    };
    const done = await engage('Compagnia del martedì', 1);
    await startAndComplete(stack, ettore, done.engagementId, 2.5);
    // Reviews both ways, naming him; he replies to Carla's.
    const carlasReview = ok(
      await stack.graphql<{ writeReview: { id: string; visibility: string } }>(
        WRITE_REVIEW,
        {
          input: {
            engagementId: done.engagementId,
            punctuality: 5,
            respect: 5,
            helpQuality: 4,
            comment: `${NAME} è stato gentilissimo`,
          },
        },
        { token: carla.token },
      ),
    ).writeReview;
    ok(
      await stack.graphql(
        WRITE_REVIEW,
        {
          input: {
            engagementId: done.engagementId,
            punctuality: 4,
            respect: 5,
            helpQuality: 5,
            comment: 'Carla è stata cordiale, Ettore Cancellabile',
          },
        },
        { token: ettore.token },
      ),
    );
    // Comments naming a person wait for the moderator, who publishes this one; then he replies.
    if (carlasReview.visibility === 'PENDING') {
      ok(
        await stack.graphql(
          `mutation ($input: ModerateContentInput!) { moderateContent(input: $input) { status } }`,
          { input: { contentType: 'REVIEW', contentId: carlasReview.id, decision: 'APPROVE', reason: 'Ok' } },
          { token: moderator.token },
        ),
      );
    }
    ok(
      await stack.graphql(
        REPLY,
        { input: { reviewId: carlasReview.id, body: 'Grazie Carla, un saluto da Ettore Cancellabile' } },
        { token: ettore.token },
      ),
    );
    const open = await engage('Compagnia del giovedì', 24);

    // Ettore was driven to hospital once by Bruno: the ride's kilometres count in the indicators.
    const bruno = await signUp(stack);
    await saveVolunteerProfile(stack, bruno, {
      displayName: 'Bruno',
      bio: 'Autista volontario',
      categories: ['RIDES_AND_ACCOMPANIMENT'],
      languages: ['it'],
      homeLat: 44.64,
      homeLon: 7.5,
      travelRadiusKm: 20,
      weeklyHourLimit: 10,
      vehicle: { seats: 3, wheelchairAccessible: false },
      availability: [{ oneOff: { startsAt: hoursFromNow(0.5), endsAt: hoursFromNow(30) } }],
    });
    const rideInput = companionshipInSaluzzo('Visita a Savigliano', {
      category: 'RIDES_AND_ACCOMPANIMENT',
      address: 'Via Cavour 3, Saluzzo',
      details: {
        ride: {
          pickupPlace: 'Via Cavour 3, Saluzzo',
          pickupLocation: { lat: 44.6475, lon: 7.4925 },
          destinationPlace: 'Ospedale di Savigliano',
          destinationLocation: { lat: 44.6485, lon: 7.657 },
          appointmentAt: hoursFromNow(2),
          returnTripWanted: true,
          returnAt: hoursFromNow(3),
          passengers: 1,
        },
      },
    });
    const { needId: rideNeed, engagementId: ride } = await needAcceptedBy(stack, ettore, [bruno], rideInput);
    await startAndComplete(stack, bruno, ride, 2.5);

    // Ettore is also a citizen: a need for his aunt with notes, a family contact, a copy of his data.
    ok(
      await stack.graphql(
        POST_NEED,
        {
          input: companionshipInSaluzzo('Compagnia per la zia di Ettore Cancellabile', {
            sensitiveNotes: `${NAME}: la zia è cardiopatica`,
            healthDataConsent: true,
            relative: { fullName: 'Ottavia Cancellabile', relationship: 'zia', phone: uniquePhone() },
            windowStart: hoursFromNow(40),
            windowEnd: hoursFromNow(42),
          }),
        },
        { token: ettore.token },
      ),
    );
    ok(
      await stack.graphql(
        `mutation ($phone: String!) { updateNotificationPreferences(input: {
          familyContact: { name: "Ottavia Cancellabile", phone: $phone, consent: true } }) { language } }`,
        { phone: uniquePhone() },
        { token: ettore.token },
      ),
    );
    const exportId = ok(
      await stack.graphql<{ requestDataExport: { id: string } }>(REQUEST_EXPORT, {}, { token: ettore.token }),
    ).requestDataExport.id;
    await waitUntil(async () => {
      const [row]: { status: string }[] = await stack.dataSource.query(
        `SELECT status FROM personal_data_exports WHERE id = $1`,
        [exportId],
      );
      return row.status === 'ready';
    });
    // Every library's part of the copy is there, in the document's layout and with the fields it
    // had when the privacy library read every table itself (each library now exports its own).
    const [built]: { content_encrypted: string }[] = await stack.dataSource.query(
      `SELECT content_encrypted FROM personal_data_exports WHERE id = $1`,
      [exportId],
    );
    const copy = JSON.parse(
      new FieldCipher(process.env.FIELD_ENCRYPTION_KEY as string).decrypt(built.content_encrypted),
    ) as Record<string, unknown>;
    expect(Object.keys(copy)).toEqual(['format', 'generatedAt', ...Object.keys(EXPORT_FIELDS)]);
    expect(copy.format).toBe('prossimo-personal-data/1');
    const fieldsOf = (section: unknown) => {
      const row = Array.isArray(section) ? section[0] : section;
      return row ? Object.keys(row as object).join(' ') : '';
    };
    expect(
      Object.fromEntries(Object.keys(EXPORT_FIELDS).map((name) => [name, fieldsOf(copy[name])])),
    ).toEqual(EXPORT_FIELDS);
    expect(copy.account).toMatchObject({ id: ettore.userId, phoneE164: ettore.phone });

    // The Comune's indicators (libs/insights), as the territory's moderator sees them today, plus
    // the raw counts they rest on.
    // Indicator days are Rome's (between midnight and 1 or 2 a.m. in Rome, UTC is still on yesterday).
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date());
    type Impact = { impactIndicators: { activity: { rideKm: number }[] } };
    // The moved pickup keeps the ride distance to floating-point noise: compare it to the millimetre.
    const toMillimetre = (impact: Impact) => {
      for (const row of impact.impactIndicators.activity) row.rideKm = Number(row.rideKm.toFixed(6));
      return impact;
    };
    const indicators = async () => ({
      impact: toMillimetre(
        ok(
          await stack.graphql<Impact>(
            `query ($filter: IndicatorFilterInput!) { impactIndicators(filter: $filter) {
            demand { needsReceived peopleExpressing fromCitizens needsMatched needsServed }
            reach { citizensReached newCitizens returningCitizens repeatHelpCitizens servicesDelivered }
            activity { engagementsCompleted volunteerHours activeVolunteers activeOrganisations ridesCompleted rideKm } } }`,
            { filter: { territoryId: langhe, from: today, to: today } },
            { token: moderator.token },
          ),
        ),
      ),
      raw: await stack.dataSource.query(
        `SELECT (SELECT json_agg(x ORDER BY x.comune_istat, x.category) FROM (
                   SELECT comune_istat, category, count(*)::int AS needs,
                          count(DISTINCT coalesce(b.user_id, n.author_user_id))::int AS citizens
                     FROM needs n LEFT JOIN beneficiaries b ON b.id = n.beneficiary_id GROUP BY 1, 2) x) AS needs,
                (SELECT json_build_object('completed', count(*), 'hours', sum(hours_logged),
                          'helpers', count(DISTINCT helper_user_id))
                   FROM engagements WHERE status = 'completed') AS engagements,
                (SELECT json_agg(json_build_object('subject', subject_user_id, 'stars', overall_stars, 'status', status)
                                 ORDER BY id) FROM reviews) AS reviews,
                (SELECT json_agg(x ORDER BY x.subject_id) FROM (SELECT subject_id, review_count, bayesian_average
                                                                FROM review_aggregates) x) AS aggregates,
                (SELECT count(*)::int FROM volunteer_profiles) AS volunteers,
                (SELECT count(*)::int FROM users) AS accounts`,
      ),
    });
    const indicatorsBefore = await indicators();
    const carlaMessagesBefore = stack.gateway.messagesTo(carla.phone).length;

    const erasure = await stack.graphql<{
      deleteMyAccount: { engagementsCancelled: number; needsCancelled: number };
    }>(
      `mutation { deleteMyAccount(input: { confirm: true }) { id erasedAt engagementsCancelled needsCancelled } }`,
      {},
      { token: ettore.token },
    );
    expect(ok(erasure).deleteMyAccount).toMatchObject({ engagementsCancelled: 1, needsCancelled: 1 });
    const [invitations]: { n: number }[] = await stack.dataSource.query(
      `SELECT count(*)::int AS n FROM organisation_invitations WHERE organisation_id = $1`,
      [organisation.id],
    );
    expect(invitations.n).toBe(0);

    // Sessions end at once; the indicators count the same.
    expect(errorOf(await stack.graphql(`{ me { id } }`, {}, { token: ettore.token })).code).toBe(
      'UNAUTHENTICATED',
    );
    expect(indicatorsBefore.impact).toMatchObject({
      impactIndicators: {
        activity: [expect.objectContaining({ ridesCompleted: 1, engagementsCompleted: 2 })],
      },
    });
    expect(await indicators()).toEqual(indicatorsBefore);

    // Carla is told, by SMS, and her need is back on the market.
    await stack.gateway.waitFor(() => stack.gateway.messagesTo(carla.phone).length > carlaMessagesBefore);
    expect(stack.gateway.messagesTo(carla.phone).at(-1)!.text).toContain('Compagnia del giovedì');
    expect(stack.gateway.messagesTo(carla.phone).at(-1)!.text).not.toContain('Cancellabile');
    const [reopened]: { need: string; engagement: string }[] = await stack.dataSource.query(
      `SELECT n.status AS need, e.status AS engagement FROM needs n JOIN engagements e ON e.need_id = n.id
        WHERE e.id = $1`,
      [open.engagementId],
    );
    expect(reopened).toEqual({ need: 'open', engagement: 'cancelled' });

    // The ride's pickup (his home) is gone; the need's point is rounded to about a kilometre.
    const [rideRow]: { lat: number; lon: number; pickup: { lat: number; lon: number } }[] =
      await stack.dataSource.query(
        `SELECT lat, lon, details #> '{ride,pickupLocation}' AS pickup FROM needs WHERE id = $1`,
        [rideNeed],
      );
    expect(rideRow.lat).toBe(44.65);
    expect(rideRow.lon).toBe(7.49);
    expect(rideRow.pickup.lon).toBeCloseTo(7.657, 9);
    expect(rideRow.pickup.lat).not.toBeCloseTo(44.6475, 2);

    // A record of the erasure remains, with no personal data in it.
    const [record]: { user_id: string; requested_by: string }[] = await stack.dataSource.query(
      `SELECT user_id, requested_by FROM account_erasures WHERE user_id = $1`,
      [ettore.userId],
    );
    expect(record).toEqual({ user_id: ettore.userId, requested_by: 'self' });

    // Search every table (from information_schema) for every stored form of the number and the name.
    const national = ettore.phone.slice(3);
    const secret = process.env.OTP_HMAC_SECRET as string;
    const needles = [
      national,
      'cancellabile',
      createHash('sha256').update(ettore.phone).digest('hex'),
      createHmac('sha256', secret).update(ettore.phone).digest('hex'),
      createHmac('sha256', secret).update(`phone:${ettore.phone}`).digest('hex'),
    ];
    expect(await personalDataFound(needles)).toEqual([]);

    // The number is free again: signing up with it makes a new, unrelated account.
    const again = await signUpWith(ettore.phone, '2026-11');
    expect(ok(again).verifyPhone.user.id).not.toBe(ettore.userId);
  });

  it('staff erase an account on the person’s behalf: audited with the reason, only in their territory, never staff', async () => {
    const gina = await signUp(stack);
    const NAME = 'Gina Delegabile';
    await stack.dataSource.query(`UPDATE users SET display_name = $2 WHERE id = $1`, [gina.userId, NAME]);
    const needId = await postNeedAs(stack, gina, companionshipInSaluzzo(`Compagnia per ${NAME}`));
    const erase = (token: string, userId: string) =>
      stack.graphql<{ eraseAccount: { engagementsCancelled: number; needsCancelled: number } }>(
        `mutation ($input: EraseAccountInput!) { eraseAccount(input: $input) {
          id engagementsCancelled needsCancelled engagementsHandedOver } }`,
        { input: { userId, reason: 'PERSON_ASKED', confirm: true } },
        { token },
      );

    // Another territory's moderator, a citizen, and an operator against a colleague: refused.
    expect(errorOf(await erase(foreignModerator.token, gina.userId))).toEqual({
      code: 'FORBIDDEN',
      field: 'input.userId',
    });
    expect(errorOf(await erase(maria.token, gina.userId)).code).toBe('FORBIDDEN');
    expect(errorOf(await erase(operator.token, moderator.userId))).toEqual({
      code: 'FORBIDDEN',
      field: 'input.userId',
    });
    const [stillThere]: { status: string }[] = await stack.dataSource.query(
      `SELECT status FROM users WHERE id = $1`,
      [gina.userId],
    );
    expect(stillThere.status).toBe('active');

    // The territory's operator erases her account: her need is cancelled, her session ends.
    expect(ok(await erase(operator.token, gina.userId)).eraseAccount).toMatchObject({
      engagementsCancelled: 0,
      needsCancelled: 1,
    });
    expect(errorOf(await stack.graphql(`{ me { id } }`, {}, { token: gina.token })).code).toBe(
      'UNAUTHENTICATED',
    );
    expect(errorOf(await erase(operator.token, gina.userId))).toEqual({
      code: 'ACCOUNT_NOT_FOUND',
      field: 'input.userId',
    });
    const [need]: { status: string }[] = await stack.dataSource.query(
      `SELECT status FROM needs WHERE id = $1`,
      [needId],
    );
    expect(need.status).toBe('cancelled');
    const [record]: { requested_by: string }[] = await stack.dataSource.query(
      `SELECT requested_by FROM account_erasures WHERE user_id = $1`,
      [gina.userId],
    );
    expect(record.requested_by).toBe('staff');
    // In the territory's audit trail: who erased, why; nothing about her but the anonymous id.
    const [entry]: { actor_user_id: string; territory_id: string; details: Record<string, unknown> }[] =
      await stack.dataSource.query(
        `SELECT actor_user_id, territory_id, details FROM audit_log
          WHERE action = 'account.erased' AND entity_id = $1`,
        [gina.userId],
      );
    expect(entry).toMatchObject({
      actor_user_id: operator.userId,
      territory_id: langhe,
      details: { requestedBy: 'staff', reason: 'person_asked', needsCancelled: 1 },
    });
    expect(await personalDataFound([gina.phone.slice(3), 'delegabile'])).toEqual([]);
  });

  it('an erasure during a matching run of the same need waits for the run, and both finish', async () => {
    const paola = await signUp(stack);
    const needId = await postNeedAs(stack, paola, companionshipInSaluzzo('Compagnia per Paola'));
    // The worker's own run of the need is over once its match state is written.
    await waitUntil(
      async () =>
        (await stack.dataSource.query(`SELECT 1 FROM need_match_states WHERE need_id = $1`, [needId]))
          .length > 0,
    );

    // A matching run in progress, locking as the engine does: the per-need lock, then KEY SHARE.
    const run = stack.dataSource.createQueryRunner();
    await run.connect();
    await run.startTransaction();
    try {
      await run.query(`SELECT pg_advisory_xact_lock(hashtextextended('match-need:' || $1, 0))`, [needId]);
      await run.query(`SELECT 1 FROM needs WHERE id = $1 FOR KEY SHARE`, [needId]);
      const erasure = stack.graphql<{ deleteMyAccount: { needsCancelled: number } }>(
        `mutation { deleteMyAccount(input: { confirm: true }) { needsCancelled } }`,
        {},
        { token: paola.token },
      );
      // The erasure now waits for the run's per-need lock.
      await waitUntil(
        async () =>
          (
            await stack.dataSource.query(
              `SELECT 1 FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = 'advisory'`,
            )
          ).length > 0,
      );
      // The run records its match state, which locks the need's row (need_facts_lock_need). An
      // erasure holding that row while waiting for the run deadlocked here, and one of them failed.
      await run.query(`UPDATE need_match_states SET rounds = rounds + 1 WHERE need_id = $1`, [needId]);
      await run.commitTransaction();
      expect(ok(await erasure).deleteMyAccount).toEqual({ needsCancelled: 1 });
    } finally {
      if (run.isTransactionActive) await run.rollbackTransaction();
      await run.release();
    }
    const [need]: { status: string }[] = await stack.dataSource.query(
      `SELECT status FROM needs WHERE id = $1`,
      [needId],
    );
    expect(need.status).toBe('cancelled');
  });

  it('staff erase a person registered at the desk, without an account: helpers told, needs kept anonymous', async () => {
    const NAME = 'Teresa Sportellabile';
    const phone = uniquePhone();
    const deskNeed = ok(
      await stack.graphql<{ postNeedAtDesk: { id: string } }>(
        POST_AT_DESK,
        {
          input: {
            ...companionshipInSaluzzo(`Compagnia per ${NAME}`, {
              comuneIstat: SALUZZO,
              sensitiveNotes: `${NAME} usa il deambulatore`,
            }),
            beneficiary: {
              fullName: NAME,
              phone,
              consentRecorded: true,
              consentDate: hoursFromNow(-1),
              healthDataConsent: true,
            },
          },
        },
        { token: operator.token },
      ),
    ).postNeedAtDesk.id;
    const [{ beneficiary_id: beneficiaryId }]: { beneficiary_id: string }[] = await stack.dataSource.query(
      `SELECT beneficiary_id FROM needs WHERE id = $1`,
      [deskNeed],
    );
    // Luca has agreed to keep her company (an engagement waiting to start).
    await stack.dataSource.query(`DELETE FROM match_proposals WHERE need_id = $1`, [deskNeed]);
    await stack.dataSource.query(
      `INSERT INTO engagements (need_id, helper_user_id, during, status)
       VALUES ($1, $2, tstzrange(now() + interval '1 hour', now() + interval '3 hours'), 'confirmed')`,
      [deskNeed, luca.userId],
    );
    await stack.dataSource.query(`UPDATE needs SET status = 'matched' WHERE id = $1`, [deskNeed]);
    const lucaToldBefore = await countNotifications(luca.userId, 'engagement_cancelled');

    const eraseTeresa = (token: string, id = beneficiaryId) =>
      stack.graphql<{ eraseBeneficiary: Record<string, number> }>(
        `mutation ($input: EraseBeneficiaryInput!) { eraseBeneficiary(input: $input) {
          beneficiaryId needsAnonymised engagementsCancelled needsCancelled } }`,
        { input: { beneficiaryId: id, reason: 'CONSENT_WITHDRAWN', confirm: true } },
        { token },
      );
    expect(errorOf(await eraseTeresa(foreignModerator.token))).toEqual({
      code: 'FORBIDDEN',
      field: 'input.beneficiaryId',
    });
    expect(errorOf(await eraseTeresa(luca.token)).code).toBe('FORBIDDEN');
    // A person with an account is erased with eraseAccount, not here.
    const [lucaSelf]: { id: string }[] = await stack.dataSource.query(
      `SELECT id FROM beneficiaries WHERE user_id = $1 AND kind = 'self'`,
      [luca.userId],
    );
    expect(errorOf(await eraseTeresa(operator.token, lucaSelf.id))).toEqual({
      code: 'BENEFICIARY_NOT_FOUND',
      field: 'input.beneficiaryId',
    });

    expect(ok(await eraseTeresa(moderator.token)).eraseBeneficiary).toEqual({
      beneficiaryId,
      needsAnonymised: 1,
      engagementsCancelled: 1,
      needsCancelled: 1,
    });
    expect(await countNotifications(luca.userId, 'engagement_cancelled')).toBeGreaterThan(lucaToldBefore);
    const [after]: { status: string; engagement: string; notes: string | null }[] =
      await stack.dataSource.query(
        `SELECT n.status, e.status AS engagement, n.sensitive_notes_encrypted AS notes
         FROM needs n JOIN engagements e ON e.need_id = n.id WHERE n.id = $1`,
        [deskNeed],
      );
    expect(after).toEqual({ status: 'cancelled', engagement: 'cancelled', notes: null });
    const [entry]: { actor_user_id: string; territory_id: string; details: Record<string, unknown> }[] =
      await stack.dataSource.query(
        `SELECT actor_user_id, territory_id, details FROM audit_log
          WHERE action = 'beneficiary.erased' AND entity_id = $1`,
        [beneficiaryId],
      );
    expect(entry).toMatchObject({
      actor_user_id: moderator.userId,
      territory_id: langhe,
      details: { reason: 'consent_withdrawn', needsAnonymised: 1 },
    });
    expect(await personalDataFound([phone.slice(3), 'sportellabile', 'deambulatore'])).toEqual([]);
  });

  it('an organisation contact who erases their account: engagements pass to another admin, or are cancelled and the citizen told', async () => {
    /** An organisation with its admin (and optionally an operator), and a confirmed engagement of its offer. */
    const organisationWithEngagement = async (withOperator: boolean) => {
      const admin = await signUp(stack);
      const [organisation]: { id: string }[] = await stack.dataSource.query(
        `INSERT INTO organisations (kind, runts_section, name, codice_fiscale, description, home_comune_istat)
         VALUES ('ets', 'a', 'Aiuto Saluzzese', $1, 'Volontariato', $2) RETURNING id`,
        [
          String(Date.now() + randomOffset())
            .slice(-11)
            .padStart(11, '7'),
          SALUZZO,
        ],
      );
      await grantRole(stack.dataSource, admin.userId, 'organisation_admin', {
        organisationId: organisation.id,
      });
      const colleague = withOperator ? await signUp(stack) : null;
      if (colleague) {
        await grantRole(stack.dataSource, colleague.userId, 'organisation_operator', {
          organisationId: organisation.id,
        });
      }
      const [offer]: { id: string }[] = await stack.dataSource.query(
        `INSERT INTO service_offers (organisation_id, title, category, description, radius_km, comune_istat, lat, lon,
                                     price_model)
         VALUES ($1, 'Compagnia a domicilio', 'companionship', 'Visite', 10, $2, $3, $4, 'free') RETURNING id`,
        [organisation.id, SALUZZO, SALUZZO_HOME.lat, SALUZZO_HOME.lon],
      );
      const needId = await postNeedAs(stack, maria, companionshipInSaluzzo('Compagnia con l’associazione'));
      await stack.dataSource.query(`DELETE FROM match_proposals WHERE need_id = $1`, [needId]);
      const [engagement]: { id: string }[] = await stack.dataSource.query(
        `INSERT INTO engagements (need_id, helper_user_id, organisation_id, service_offer_id, during, status)
         VALUES ($1, $2, $3, $4, tstzrange(now() + interval '2 hours', now() + interval '4 hours'), 'confirmed')
         RETURNING id`,
        [needId, admin.userId, organisation.id, offer.id],
      );
      await stack.dataSource.query(`UPDATE needs SET status = 'matched' WHERE id = $1`, [needId]);
      return { admin, colleague, needId, engagementId: engagement.id };
    };
    const deleteAccount = (token: string) =>
      stack.graphql<{ deleteMyAccount: { engagementsCancelled: number; engagementsHandedOver: number } }>(
        `mutation { deleteMyAccount(input: { confirm: true }) { engagementsCancelled engagementsHandedOver } }`,
        {},
        { token },
      );
    const engagementNow = async (engagementId: string) =>
      (
        await stack.dataSource.query(
          `SELECT e.status, e.helper_user_id AS helper, n.status AS need FROM engagements e
             JOIN needs n ON n.id = e.need_id WHERE e.id = $1`,
          [engagementId],
        )
      )[0] as { status: string; helper: string; need: string };

    // Another operator is left: the engagement stays the organisation's, with them; Maria keeps her help.
    const kept = await organisationWithEngagement(true);
    const mariaToldBefore = await countNotifications(maria.userId, 'engagement_cancelled');
    expect(ok(await deleteAccount(kept.admin.token)).deleteMyAccount).toEqual({
      engagementsCancelled: 0,
      engagementsHandedOver: 1,
    });
    expect(await engagementNow(kept.engagementId)).toEqual({
      status: 'confirmed',
      helper: kept.colleague!.userId,
      need: 'matched',
    });
    expect(await countNotifications(maria.userId, 'engagement_cancelled')).toBe(mariaToldBefore);

    // The only admin: nobody is left to answer for it, so it is cancelled, Maria told, her need reopened.
    const alone = await organisationWithEngagement(false);
    expect(ok(await deleteAccount(alone.admin.token)).deleteMyAccount).toEqual({
      engagementsCancelled: 1,
      engagementsHandedOver: 0,
    });
    expect(await engagementNow(alone.engagementId)).toEqual({
      status: 'cancelled',
      helper: alone.admin.userId,
      need: 'open',
    });
    expect(await countNotifications(maria.userId, 'engagement_cancelled')).toBeGreaterThan(mariaToldBefore);
    expect(await personalDataFound([alone.admin.phone.slice(3), kept.admin.phone.slice(3)])).toEqual([]);
  });
});
