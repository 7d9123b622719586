import { CommunityModule } from '@prossimo/community';
import { DirectoryModule } from '@prossimo/directory';
import { Role } from '@prossimo/identity';
import { EngagementSidesModule, NeedHelpersModule } from '@prossimo/matching';
import { NotificationsErasure } from '@prossimo/notifications';
import { FieldCipher, writeAudit } from '@prossimo/platform';
import {
  AuditTrailService,
  ConsentKind,
  ConsentService,
  ErasureService,
  PersonalDataExport,
  PrivacyModule,
} from '@prossimo/privacy';
import { ReputationModule } from '@prossimo/reputation';
import { PERSONAL_DATA_MODULES } from '../../apps/api/src/personal-data-modules';
import { createTerritory, PIEDMONT } from '../support/fixtures';
import { actingAs, grant, insertUser, refusal, startServiceModuleForFile } from '../support/service-module';

// The privacy library's services on the file's own database: consents given and withdrawn (with
// their audit entries), what cannot be, and the audit trail each moderator may read.

describe('Privacy services on PostgreSQL', () => {
  // Privacy refuses to boot without every library's "download my data" and erasure handlers (the
  // libraries whose erasure handlers live in their main module come whole), as in the api.
  const services = startServiceModuleForFile([
    CommunityModule,
    DirectoryModule,
    ReputationModule,
    EngagementSidesModule,
    NeedHelpersModule,
    PrivacyModule,
    ...PERSONAL_DATA_MODULES,
  ]);
  let consents: ConsentService;
  let trail: AuditTrailService;
  let personId: string;
  let langhe: string;
  let novarese: string;
  const rowsOf = (sql: string, params: unknown[]) => services.dataSource.query(sql, params);
  const person = () => actingAs(personId);

  beforeAll(async () => {
    consents = services.module.get(ConsentService);
    trail = services.module.get(AuditTrailService);
    personId = await insertUser(services.dataSource);
    langhe = await createTerritory(services.dataSource, 'Ambito Langhe', [PIEDMONT.alba, PIEDMONT.bra]);
    novarese = await createTerritory(services.dataSource, 'Ambito Novarese', [PIEDMONT.novara]);
  });

  it('gives and withdraws the health data consent, each audited; the notice is no consent to withdraw', async () => {
    await expect(consents.give(person(), ConsentKind.HEALTH_DATA)).resolves.toMatchObject({
      healthDataConsent: true,
      familyContactConsent: false,
    });
    const withdrawal = await consents.withdraw(person(), ConsentKind.HEALTH_DATA);
    expect(withdrawal).toEqual({
      kind: ConsentKind.HEALTH_DATA,
      withdrawn: true,
      sensitiveNotesPurged: 0,
      familyNotificationsCancelled: 0,
    });
    await expect(consents.status(person())).resolves.toMatchObject({ healthDataConsent: false });
    await expect(
      rowsOf(`SELECT action, details->>'kind' AS kind FROM audit_log WHERE entity_id = $1 ORDER BY id`, [
        personId,
      ]),
    ).resolves.toEqual([
      { action: 'consent.granted', kind: 'health_data' },
      { action: 'consent.withdrawn', kind: 'health_data' },
    ]);
    // Withdrawn twice: nothing left to withdraw, and said so.
    await expect(consents.withdraw(person(), ConsentKind.HEALTH_DATA)).resolves.toMatchObject({
      withdrawn: false,
    });
  });

  it('refuses what cannot be given or withdrawn here, naming the field, and writes nothing', async () => {
    const before = await rowsOf(`SELECT count(*)::int AS n FROM consents WHERE user_id = $1`, [personId]);
    await expect(refusal(consents.give(person(), ConsentKind.FAMILY_CONTACT))).resolves.toEqual({
      code: 'CONSENT_NOT_GIVEN_HERE',
      field: 'kind',
    });
    await expect(refusal(consents.withdraw(person(), ConsentKind.PRIVACY_NOTICE))).resolves.toEqual({
      code: 'CONSENT_NOT_WITHDRAWABLE',
      field: 'kind',
    });
    await expect(refusal(consents.acceptNotice(person(), 'no-such-version'))).resolves.toEqual({
      code: 'PRIVACY_NOTICE_UNKNOWN',
      field: 'version',
    });
    await expect(
      rowsOf(`SELECT count(*)::int AS n FROM consents WHERE user_id = $1`, [personId]),
    ).resolves.toEqual(before);
  });

  it('shows each moderator the audit trail of their own territory only, with its filters checked', async () => {
    const moderatorId = await insertUser(services.dataSource);
    const moderator = actingAs(moderatorId, [grant.inTerritory(Role.COMUNE_MODERATOR, langhe)]);
    await services.dataSource.transaction(async (manager) => {
      for (const [territoryId, action] of [
        [langhe, 'territory.desk_set'],
        [novarese, 'territory.desk_set'],
        [langhe, 'moderation.reject'],
      ]) {
        await writeAudit(manager, { actorUserId: moderatorId, action, entityType: 'territory', territoryId });
      }
    });
    const page = await trail.trail(moderator, { territoryId: langhe, first: 20 });
    // Newest first, Langhe's only.
    expect(page.items.map((entry) => entry.action)).toEqual(['moderation.reject', 'territory.desk_set']);
    const filtered = await trail.trail(moderator, {
      territoryId: langhe,
      first: 20,
      actions: ['moderation.'],
    });
    expect(filtered.items.map((entry) => entry.action)).toEqual(['moderation.reject']);
    await expect(refusal(trail.trail(moderator, { territoryId: novarese, first: 20 }))).resolves.toEqual({
      code: 'FORBIDDEN',
    });
    await expect(
      refusal(
        trail.trail(moderator, { territoryId: langhe, first: 20, from: '2026-03-10', to: '2026-03-01' }),
      ),
    ).resolves.toEqual({ code: 'AUDIT_PERIOD_REVERSED', field: 'to' });
    const operator = actingAs(moderatorId, [grant.inTerritory(Role.COMUNE_OPERATOR, langhe)]);
    await expect(refusal(trail.trail(operator, { territoryId: langhe, first: 20 }))).resolves.toEqual({
      code: 'FORBIDDEN',
    });
  });

  it("notifications' erasure step blanks exactly the messages to the person's counterparts that name them", async () => {
    const erasure = services.module.get(NotificationsErasure);
    const cipher = services.module.get(FieldCipher);
    const citizenId = await insertUser(services.dataSource);
    const helperId = await insertUser(services.dataSource);
    const strangerId = await insertUser(services.dataSource);
    const [citizen]: { phone: string; since: Date }[] = await rowsOf(
      `SELECT phone_e164 AS phone, created_at AS since FROM users WHERE id = $1`,
      [citizenId],
    );
    // Who the citizen dealt with is the caller's to say (privacy finds them in other libraries'
    // tables): here the helper alone. The stranger never met her.
    const counterparts = `WITH counterparts AS (SELECT '${helperId}'::uuid AS id)`;
    const message = async (userId: string, text: string, status: string) => {
      const [row]: { id: string }[] = await rowsOf(
        `INSERT INTO notifications (user_id, channel, recipient, event, body_encrypted, status)
         VALUES ($1::uuid, 'in_app', $1::text, 'need.matched', $2, $3) RETURNING id`,
        [userId, cipher.encrypt(text), status],
      );
      return row.id;
    };
    const naming = await message(helperId, 'Gemma Dimenticata ti aspetta giovedì', 'pending');
    const quotingNumber = await message(helperId, `Chiama il ${citizen.phone.slice(3)}`, 'sent');
    const unrelated = await message(helperId, 'Una nuova richiesta vicino a te', 'sent');
    const toStranger = await message(strangerId, 'Gemma Dimenticata cerca compagnia', 'pending');

    const blanked = await services.dataSource.transaction((manager) =>
      erasure.blankMentions(
        manager,
        citizenId,
        citizen.phone,
        { names: ['Gemma Dimenticata'], since: citizen.since },
        counterparts,
      ),
    );

    expect(blanked).toBe(2);
    const rows: { id: string; status: string; blank: boolean }[] = await rowsOf(
      `SELECT id, status, body_encrypted IS NULL AS blank FROM notifications WHERE id = ANY($1::uuid[])`,
      [[naming, quotingNumber, unrelated, toStranger]],
    );
    const byId = new Map(rows.map((row) => [row.id, { status: row.status, blank: row.blank }]));
    // The text goes and a pending message is cancelled; the rest is left as it was.
    expect(byId.get(naming)).toEqual({ status: 'cancelled', blank: true });
    expect(byId.get(quotingNumber)).toEqual({ status: 'sent', blank: true });
    expect(byId.get(unrelated)).toEqual({ status: 'sent', blank: false });
    expect(byId.get(toStranger)).toEqual({ status: 'pending', blank: false });
  });

  it('what a staff member wrote to a call’s volunteers is in their copy, decrypted; erased, the words stay the publisher’s without them', async () => {
    const cipher = services.module.get(FieldCipher);
    const writerId = await insertUser(services.dataSource);
    const otherId = await insertUser(services.dataSource);
    const [call]: { id: string }[] = await rowsOf(
      `INSERT INTO calls_to_action (publisher_user_id, title, description, starts_on, comune_istats, volunteers_wanted)
       VALUES ($1, 'Festa in piazza', 'Accoglienza', current_date + 3, $2, 2) RETURNING id`,
      [writerId, [PIEDMONT.alba]],
    );
    const write = (senderId: string, text: string) =>
      rowsOf(
        `INSERT INTO call_messages (call_id, sender_user_id, body_encrypted, recipient_count) VALUES ($1, $2, $3, 2)`,
        [call.id, senderId, cipher.encrypt(text)],
      );
    await write(writerId, 'Ritrovo alle 9 davanti al municipio.');
    await write(otherId, 'Scritto da un collega.');

    const copy = await services.dataSource.transaction((manager) =>
      services.module.get(PersonalDataExport).collect(manager, writerId),
    );
    expect(copy.callMessagesSent).toEqual([
      {
        callId: call.id,
        body: 'Ritrovo alle 9 davanti al municipio.',
        recipientCount: 2,
        createdAt: expect.any(Date),
      },
    ]);

    await services.dataSource.transaction((manager) =>
      services.module.get(ErasureService).erase(manager, writerId, 'self'),
    );
    const kept: { sender: string | null; body: string }[] = await rowsOf(
      `SELECT sender_user_id AS sender, body_encrypted AS body FROM call_messages WHERE call_id = $1 ORDER BY created_at, id`,
      [call.id],
    );
    expect(kept.map((row) => [row.sender, cipher.decrypt(row.body)])).toEqual([
      [null, 'Ritrovo alle 9 davanti al municipio.'],
      [otherId, 'Scritto da un collega.'],
    ]);
  });
});
