import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, AuthenticatedUser, parsePhoneNumber, Role } from '@prossimo/identity';
import {
  APP_CONFIG,
  AppConfig,
  CursorAt,
  DomainError,
  JOBS,
  mapPage,
  maskPhone,
  outboxJob,
  Page,
  PageArgs,
  recordConsent,
  recordStatusChange,
  toKeysetPage,
  withdrawConsentRecord,
  writeAudit,
  writeOutbox,
} from '@prossimo/platform';
import { isEmail } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { NotificationsService } from '../delivery/notifications.service';
import { InAppRow, NotificationCenterRepository } from './notification-center.repository';
import { NotificationRecord } from '../delivery/notification.entity';
import {
  EventChannels,
  FailedNotification,
  InAppNotification,
  InAppNotificationPage,
  MyNotificationsArgs,
  NotificationChannelOption,
  NotificationPreferences,
  UpdateNotificationPreferencesInput,
} from '../notifications.types';
import { defaultChannelsFor } from '../preferences/default-channels';
import { DEFAULT_QUIET_END, DEFAULT_QUIET_START } from '../delivery/notification-requests';
import { NOTIFICATION_EVENTS } from '../templates/templates';

/** Trimmed, with the domain in lower case (the local part is case-sensitive by the standard). */
function normaliseEmail(address: string): string {
  const trimmed = address.trim();
  if (!isEmail(trimmed, { require_tld: true, allow_ip_domain: false }) || trimmed.length > 254) {
    throw new DomainError('EMAIL_INVALID', { field: 'email' });
  }
  const at = trimmed.lastIndexOf('@');
  return `${trimmed.slice(0, at)}@${trimmed.slice(at + 1).toLowerCase()}`;
}

/** Enough for an admin to recognise a recipient, not to read it: last digits, or e-mail domain. */
function maskRecipient(channel: string, recipient: string): string {
  if (channel === 'sms') return maskPhone(recipient);
  if (channel === 'email') return `***@${recipient.slice(recipient.lastIndexOf('@') + 1)}`;
  return '***';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a signed-in person sees and sets about their notifications, and the admins' dead letters. */
@Injectable()
export class NotificationCenterService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: NotificationCenterRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: AccessService,
    private readonly notifications: NotificationsService,
  ) {}

  async preferences(user: AuthenticatedUser, manager: EntityManager = this.dataSource.manager) {
    const row = await this.repository.findPreferences(manager, user.userId);
    const accountLanguage = await this.repository.findAccountLanguage(manager, user.userId);
    const channels: EventChannels[] = NOTIFICATION_EVENTS.map((event) => ({
      event,
      channels: (row?.channels[event] ?? defaultChannelsFor(event)) as NotificationChannelOption[],
    }));
    const result: NotificationPreferences = {
      language: row?.language ?? accountLanguage ?? 'it',
      quietHoursStart: row?.quiet_start ?? DEFAULT_QUIET_START,
      quietHoursEnd: row?.quiet_end ?? DEFAULT_QUIET_END,
      channels,
      familyContact:
        row?.family_phone && row.family_consent_at
          ? { name: row.family_name ?? '', phone: row.family_phone, consentAt: row.family_consent_at }
          : null,
      email: row?.email ?? null,
    };
    return result;
  }

  async updatePreferences(
    user: AuthenticatedUser,
    input: UpdateNotificationPreferencesInput,
  ): Promise<NotificationPreferences> {
    let familyPhone: string | undefined;
    if (input.familyContact) {
      if (!input.familyContact.consent) {
        throw new DomainError('FAMILY_CONSENT_REQUIRED', { field: 'familyContact.consent' });
      }
      try {
        familyPhone = parsePhoneNumber(
          input.familyContact.phone,
          this.config.PHONE_DEFAULT_COUNTRY,
          this.config.PHONE_ALLOWED_COUNTRY_CODES,
        );
      } catch (error) {
        if (error instanceof DomainError) {
          throw new DomainError(error.code, { field: 'familyContact.phone', params: error.options.params });
        }
        throw error;
      }
    }
    const email = input.email === undefined || input.email === null ? null : normaliseEmail(input.email);
    const channelPatch = Object.fromEntries(
      (input.channels ?? []).map((entry) => [entry.event, entry.channels]),
    );
    return this.dataSource.transaction(async (manager) => {
      await this.repository.ensurePreferences(manager, user.userId);
      // Before the update below forgets the contact's number: its pending messages are cancelled.
      if (input.removeFamilyContact) await this.notifications.withdrawFamilyContact(manager, user.userId);
      await this.repository.updatePreferences(manager, user.userId, {
        input,
        channelPatch,
        familyPhone: familyPhone ?? null,
        email,
      });
      // E-mail chosen for an event needs an address; otherwise nothing of this change is kept.
      const stored = await this.repository.checkStoredChannels(manager, user.userId);
      if (stored.uses_email && !stored.email) throw new DomainError('EMAIL_REQUIRED', { field: 'email' });
      // App IO reaches a person by codice fiscale: set it first (setMyCodiceFiscale).
      if (stored.io_without_code) throw new DomainError('CODICE_FISCALE_REQUIRED', { field: 'channels' });
      if (familyPhone) {
        // A new contact is a new consent: the one given for an earlier contact ends with it.
        await withdrawConsentRecord(manager, user.userId, 'family_contact');
        await recordConsent(manager, user.userId, 'family_contact');
      }
      if (familyPhone || input.removeFamilyContact) {
        // Consent to share updates with someone else is a record to keep: who, when, ids only.
        await writeAudit(manager, {
          actorUserId: user.userId,
          action: input.removeFamilyContact
            ? 'notifications.family_removed'
            : 'notifications.family_consented',
          entityType: 'user',
          entityId: user.userId,
        });
      }
      return this.preferences(user, manager);
    });
  }

  async myNotifications(user: AuthenticatedUser, args: MyNotificationsArgs): Promise<InAppNotificationPage> {
    const rows = await this.repository.findInAppPage(user.userId, args);
    const records = rows.filter((row): row is InAppRow & CursorAt & { id: string } => row.id !== null);
    const page = toKeysetPage(records, args.first);
    return { ...mapPage(page, (row) => this.toInApp(row)), unreadCount: rows[0].unreadCount };
  }

  /** Marks the user's own notifications read (others' ids are ignored); returns the unread count. */
  async markRead(user: AuthenticatedUser, ids: string[]): Promise<number> {
    await this.repository.markRead(user.userId, ids);
    return this.repository.countUnread(user.userId);
  }

  async inAppById(id: string): Promise<(InAppNotification & { userId: string }) | undefined> {
    const row = await this.repository.findInApp(id);
    return row ? { ...this.toInApp(row), userId: row.userId } : undefined;
  }

  async failed(user: AuthenticatedUser, args: PageArgs): Promise<Page<FailedNotification>> {
    this.access.requireRole(user, [Role.PLATFORM_ADMIN]);
    // 'unknown': a send that may have reached the provider; an administrator checks and replays.
    const rows = await this.repository.findFailedPage(args);
    return toKeysetPage(rows, args.first, ({ cursorAt: _cursorAt, ...row }) => ({
      ...row,
      recipient: maskRecipient(row.channel, row.recipient),
    }));
  }

  /** Sends a dead letter again: back to pending with a fresh outbox row (a new job id). */
  async replay(user: AuthenticatedUser, id: string): Promise<FailedNotification> {
    this.access.requireRole(user, [Role.PLATFORM_ADMIN]);
    if (!UUID.test(id)) throw new DomainError('FIELD_INVALID', { field: 'id' });
    return this.dataSource.transaction(async (manager) => {
      const row = await this.repository.lockForReplay(manager, id);
      if (!row) throw new DomainError('NOTIFICATION_NOT_FOUND', { field: 'id' });
      if (!['failed', 'failed_permanent', 'unknown'].includes(row.status) || !row.body_encrypted) {
        throw new DomainError('NOTIFICATION_NOT_REPLAYABLE', { field: 'id' });
      }
      const updated = await this.repository.resetForReplay(manager, id);
      await writeOutbox(manager, outboxJob(JOBS.deliverNotification, { notificationId: id }));
      await recordStatusChange(manager, {
        entityType: 'notification',
        entityId: id,
        from: row.status,
        to: 'pending',
        actorUserId: user.userId,
        reason: 'replay',
      });
      await writeAudit(manager, {
        actorUserId: user.userId,
        action: 'notifications.replay',
        entityType: 'notification',
        entityId: id,
        details: { from: row.status },
      });
      return { ...updated, recipient: maskRecipient(updated.channel, updated.recipient) };
    });
  }

  private toInApp(row: Pick<NotificationRecord, 'id' | 'event' | 'bodyEncrypted' | 'createdAt' | 'readAt'>) {
    return {
      id: row.id,
      event: row.event,
      body: row.bodyEncrypted ? this.notifications.decryptBody(row) : '',
      createdAt: row.createdAt,
      readAt: row.readAt,
    };
  }
}
