import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthenticatedUser } from '@prossimo/identity';
import { NotificationsService } from '@prossimo/notifications';
import {
  DomainError,
  isLanguage,
  recordConsent,
  recordNoticeAcceptance,
  RequestContext,
  withdrawConsentRecord,
  writeAudit,
} from '@prossimo/platform';
import { DataSource, EntityManager } from 'typeorm';
import { Consent, ConsentKind, ConsentWithdrawal, PrivacyNotice, PrivacyStatus } from './privacy.types';

/**
 * The privacy notice and the person's consents. Health data and a family contact are separate
 * consents; withdrawing one applies its effect in the same transaction.
 */
@Injectable()
export class ConsentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
  ) {}

  async currentNotice(language?: string): Promise<PrivacyNotice> {
    const wanted = isLanguage(language) ? language : RequestContext.language();
    const [notice]: PrivacyNotice[] = await this.dataSource.query(
      `SELECT version, language, title, body, published_at AS "publishedAt" FROM privacy_notices
        WHERE published_at <= now() AND language IN ($1, 'it')
        ORDER BY published_at DESC, (language = $1) DESC LIMIT 1`,
      [wanted],
    );
    if (!notice) throw new DomainError('PRIVACY_NOTICE_UNKNOWN', { field: 'version' });
    return notice;
  }

  async status(
    user: AuthenticatedUser,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<PrivacyStatus> {
    const current = await this.currentNotice();
    const consents: Consent[] = await manager.query(
      `SELECT id, kind, notice_version AS "noticeVersion", granted_at AS "grantedAt", withdrawn_at AS "withdrawnAt"
         FROM consents WHERE user_id = $1 ORDER BY granted_at, id`,
      [user.userId],
    );
    const accepted = consents.filter((consent) => consent.kind === ConsentKind.PRIVACY_NOTICE).at(-1);
    const live = (kind: ConsentKind) =>
      consents.some((consent) => consent.kind === kind && consent.withdrawnAt === null);
    return {
      currentNoticeVersion: current.version,
      acceptedNoticeVersion: accepted?.noticeVersion ?? null,
      noticeAcceptanceRequired: !consents.some(
        (consent) => consent.kind === ConsentKind.PRIVACY_NOTICE && consent.noticeVersion === current.version,
      ),
      healthDataConsent: live(ConsentKind.HEALTH_DATA),
      familyContactConsent: live(ConsentKind.FAMILY_CONTACT),
      consents,
    };
  }

  async acceptNotice(user: AuthenticatedUser, version: string): Promise<PrivacyStatus> {
    return this.dataSource.transaction(async (manager) => {
      const known: unknown[] = await manager.query(
        `SELECT 1 FROM privacy_notices WHERE version = $1 AND published_at <= now() LIMIT 1`,
        [version],
      );
      if (!known.length) throw new DomainError('PRIVACY_NOTICE_UNKNOWN', { field: 'version' });
      await recordNoticeAcceptance(manager, user.userId, version);
      return this.status(user, manager);
    });
  }

  /** Only HEALTH_DATA is given on its own: a family contact comes with the contact's details. */
  async give(user: AuthenticatedUser, kind: ConsentKind): Promise<PrivacyStatus> {
    if (kind !== ConsentKind.HEALTH_DATA) throw new DomainError('CONSENT_NOT_GIVEN_HERE', { field: 'kind' });
    return this.dataSource.transaction(async (manager) => {
      await recordConsent(manager, user.userId, 'health_data');
      return this.status(user, manager);
    });
  }

  async withdraw(user: AuthenticatedUser, kind: ConsentKind): Promise<ConsentWithdrawal> {
    if (kind === ConsentKind.PRIVACY_NOTICE) {
      // The notice is information, not a consent to withdraw: leaving means deleting the account.
      throw new DomainError('CONSENT_NOT_WITHDRAWABLE', { field: 'kind' });
    }
    return this.dataSource.transaction(async (manager) => {
      const result: ConsentWithdrawal = {
        kind,
        withdrawn: false,
        sensitiveNotesPurged: 0,
        familyNotificationsCancelled: 0,
      };
      if (kind === ConsentKind.HEALTH_DATA) {
        result.withdrawn = await withdrawConsentRecord(manager, user.userId, 'health_data');
        result.sensitiveNotesPurged = await this.purgeHealthNotesOf(manager, user.userId);
      } else {
        const [live]: unknown[] = await manager.query(
          `SELECT 1 FROM consents WHERE user_id = $1 AND kind = 'family_contact' AND withdrawn_at IS NULL`,
          [user.userId],
        );
        result.withdrawn = Boolean(live);
        result.familyNotificationsCancelled = await this.notifications.withdrawFamilyContact(
          manager,
          user.userId,
        );
      }
      await writeAudit(manager, {
        actorUserId: user.userId,
        action: 'consent.withdrawn',
        entityType: 'user',
        entityId: user.userId,
        details: {
          kind,
          sensitiveNotesPurged: result.sensitiveNotesPurged,
          familyNotificationsCancelled: result.familyNotificationsCancelled,
        },
      });
      return result;
    });
  }

  /** The health notes of the needs the person posted for themselves or a relative, or that are for them. */
  async purgeHealthNotesOf(manager: EntityManager, userId: string): Promise<number> {
    const [, purged]: [unknown[], number] = await manager.query(
      `UPDATE needs n SET sensitive_notes_encrypted = NULL
        WHERE n.sensitive_notes_encrypted IS NOT NULL
          AND ((n.author_user_id = $1 AND n.source = 'citizen')
               OR n.beneficiary_id IN (SELECT id FROM beneficiaries WHERE user_id = $1))`,
      [userId],
    );
    return purged;
  }
}
