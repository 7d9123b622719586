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
import { NeedsErasure } from '@prossimo/requests';
import { DataSource, EntityManager } from 'typeorm';
import { ConsentsRepository } from './consents.repository';
import { ConsentKind, ConsentWithdrawal, PrivacyNotice, PrivacyStatus } from '../privacy.types';

/**
 * The privacy notice and the person's consents. Health data and a family contact are separate
 * consents; withdrawing one applies its effect in the same transaction.
 */
@Injectable()
export class ConsentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly consents: ConsentsRepository,
    private readonly needs: NeedsErasure,
  ) {}

  async currentNotice(language?: string): Promise<PrivacyNotice> {
    const wanted = isLanguage(language) ? language : RequestContext.language();
    const notice = await this.consents.findCurrentNotice(wanted);
    if (!notice) throw new DomainError('PRIVACY_NOTICE_UNKNOWN', { field: 'version' });
    return notice;
  }

  async status(
    user: AuthenticatedUser,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<PrivacyStatus> {
    const current = await this.currentNotice();
    const consents = await this.consents.findConsentsOf(manager, user.userId);
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
      if (!(await this.consents.isPublishedNotice(manager, version)))
        throw new DomainError('PRIVACY_NOTICE_UNKNOWN', { field: 'version' });
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
        result.withdrawn = await this.consents.hasLiveFamilyContactConsent(manager, user.userId);
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
  purgeHealthNotesOf(manager: EntityManager, userId: string): Promise<number> {
    return this.needs.purgeHealthNotesOf(manager, userId);
  }
}
