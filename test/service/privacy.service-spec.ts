import { CommunityModule } from '@prossimo/community';
import { DirectoryModule } from '@prossimo/directory';
import { Role } from '@prossimo/identity';
import { EngagementNoticesModule } from '@prossimo/matching';
import { OtpSenderModule } from '@prossimo/notifications';
import { writeAudit } from '@prossimo/platform';
import { AuditTrailService, ConsentKind, ConsentService, PrivacyModule } from '@prossimo/privacy';
import { ReputationModule } from '@prossimo/reputation';
import { PERSONAL_DATA_MODULES } from '../../apps/api/src/personal-data-modules';
import { createTerritory, PIEDMONT } from '../support/fixtures';
import {
  actingAs,
  grant,
  insertUser,
  refusal,
  ServiceModule,
  startServiceModule,
} from '../support/service-module';

// The privacy library's services on the file's own database: consents given and withdrawn (with
// their audit entries), what cannot be, and the audit trail each moderator may read.

describe('Privacy services on PostgreSQL', () => {
  let services: ServiceModule;
  let consents: ConsentService;
  let trail: AuditTrailService;
  let personId: string;
  let langhe: string;
  let novarese: string;
  const rowsOf = (sql: string, params: unknown[]) => services.dataSource.query(sql, params);
  const person = () => actingAs(personId);

  beforeAll(async () => {
    // Privacy refuses to boot without every library's "download my data" and erasure handlers (the
    // libraries whose erasure handlers live in their main module come whole), as in the api.
    services = await startServiceModule([
      CommunityModule,
      DirectoryModule,
      ReputationModule,
      EngagementNoticesModule,
      OtpSenderModule,
      PrivacyModule,
      ...PERSONAL_DATA_MODULES,
    ]);
    consents = services.module.get(ConsentService);
    trail = services.module.get(AuditTrailService);
    personId = await insertUser(services.dataSource);
    langhe = await createTerritory(services.dataSource, 'Ambito Langhe', [PIEDMONT.alba, PIEDMONT.bra]);
    novarese = await createTerritory(services.dataSource, 'Ambito Novarese', [PIEDMONT.novara]);
  });
  afterAll(async () => {
    await services?.close();
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
});
