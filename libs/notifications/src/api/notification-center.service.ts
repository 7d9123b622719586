import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, AuthenticatedUser, parsePhoneNumber, Role } from '@prossimo/identity';
import {
  afterCursorCondition,
  APP_CONFIG,
  AppConfig,
  CursorAt,
  cursorAtColumn,
  DomainError,
  JOBS,
  maskPhone,
  outboxJob,
  Page,
  PageArgs,
  queryPrepared,
  recordConsent,
  recordStatusChange,
  toPage,
  withdrawConsentRecord,
  writeAudit,
  writeOutbox,
} from '@prossimo/platform';
import { isEmail } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { NotificationsService } from '../delivery/notifications.service';
import { NotificationRecord } from '../notification.entity';
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

interface PreferenceRow {
  language: string | null;
  channels: Record<string, NotificationChannelOption[]>;
  quiet_start: string;
  quiet_end: string;
  family_name: string | null;
  family_phone: string | null;
  family_consent_at: Date | null;
  email: string | null;
}

/** What a signed-in person sees and sets about their notifications, and the admins' dead letters. */
/** A row of myNotifications' statement: the id and the rest are null when the page is empty. */
interface InAppRow {
  id: string | null;
  event: string;
  bodyEncrypted: string | null;
  createdAt: Date;
  readAt: Date | null;
  unreadCount: number;
}

@Injectable()
export class NotificationCenterService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: AccessService,
    private readonly notifications: NotificationsService,
  ) {}

  async preferences(user: AuthenticatedUser, manager: EntityManager = this.dataSource.manager) {
    const [row]: PreferenceRow[] = await manager.query(
      `SELECT p.language, p.channels, to_char(p.quiet_start, 'HH24:MI') AS quiet_start,
              to_char(p.quiet_end, 'HH24:MI') AS quiet_end, p.family_name, p.family_phone, p.family_consent_at,
              p.email
         FROM notification_preferences p WHERE p.user_id = $1`,
      [user.userId],
    );
    const [account]: { language: string }[] = await manager.query(
      `SELECT language FROM users WHERE id = $1`,
      [user.userId],
    );
    const channels: EventChannels[] = NOTIFICATION_EVENTS.map((event) => ({
      event,
      channels: (row?.channels[event] ?? defaultChannelsFor(event)) as NotificationChannelOption[],
    }));
    const result: NotificationPreferences = {
      language: row?.language ?? account?.language ?? 'it',
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
      await manager.query(
        `INSERT INTO notification_preferences (user_id) VALUES ($1) ON CONFLICT (user_id) DO NOTHING`,
        [user.userId],
      );
      // Before the update below forgets the contact's number: its pending messages are cancelled.
      if (input.removeFamilyContact) await this.notifications.withdrawFamilyContact(manager, user.userId);
      await manager.query(
        `UPDATE notification_preferences SET
            language = coalesce($2, language),
            quiet_start = coalesce($3::time, quiet_start),
            quiet_end = coalesce($4::time, quiet_end),
            channels = channels || $5::jsonb,
            family_name = CASE WHEN $8 THEN NULL ELSE coalesce($6, family_name) END,
            family_phone = CASE WHEN $8 THEN NULL ELSE coalesce($7, family_phone) END,
            family_consent_at = CASE WHEN $8 THEN NULL WHEN $7::text IS NOT NULL THEN now() ELSE family_consent_at END,
            email = CASE WHEN $10 THEN NULL ELSE coalesce($9, email) END,
            updated_at = now()
          WHERE user_id = $1`,
        [
          user.userId,
          input.language ?? null,
          input.quietHoursStart ?? null,
          input.quietHoursEnd ?? null,
          JSON.stringify(channelPatch),
          input.familyContact?.name ?? null,
          familyPhone ?? null,
          input.removeFamilyContact ?? false,
          email,
          input.removeEmail ?? false,
        ],
      );
      // E-mail chosen for an event needs an address; otherwise nothing of this change is kept.
      const [stored]: { email: string | null; uses_email: boolean; io_without_code: boolean }[] =
        await manager.query(
          `SELECT p.email, EXISTS (SELECT 1 FROM jsonb_each(p.channels) c WHERE c.value ? 'email') AS uses_email,
                  EXISTS (SELECT 1 FROM jsonb_each(p.channels) c WHERE c.value ? 'io')
                    AND u.codice_fiscale_hmac IS NULL AS io_without_code
             FROM notification_preferences p JOIN users u ON u.id = p.user_id WHERE p.user_id = $1`,
          [user.userId],
        );
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
    const params: unknown[] = [user.userId];
    const conditions = [`user_id = $1`, `channel = 'in_app'`];
    if (args.unreadOnly) conditions.push('read_at IS NULL');
    conditions.push(...afterCursorCondition(args.after, '(created_at, id)', 'DESC', params));
    params.push(args.first + 1);
    // The page and the unread count in one round trip (and one snapshot): the count row always
    // comes back, with the page's rows joined to it, or alone (id NULL) when the page is empty.
    const rows = await queryPrepared<InAppRow & CursorAt>(
      this.dataSource,
      `SELECT page.*, unread.count AS "unreadCount"
         FROM (SELECT count(*)::int AS count FROM notifications
                WHERE user_id = $1 AND channel = 'in_app' AND read_at IS NULL) unread
         LEFT JOIN LATERAL (
           SELECT id, event, body_encrypted AS "bodyEncrypted", created_at AS "createdAt", read_at AS "readAt",
                  ${cursorAtColumn('created_at')}
             FROM notifications WHERE ${conditions.join(' AND ')}
            ORDER BY created_at DESC, id DESC LIMIT $${params.length}) page ON true
        ORDER BY page."createdAt" DESC, page.id DESC`,
      params,
    );
    const records = rows.filter((row): row is InAppRow & CursorAt & { id: string } => row.id !== null);
    const page = toPage(records, args.first, (row) => [row.cursorAt, row.id]);
    return {
      items: page.items.map((row) => this.toInApp(row)),
      pageInfo: page.pageInfo,
      unreadCount: rows[0].unreadCount,
    };
  }

  /** Marks the user's own notifications read (others' ids are ignored); returns the unread count. */
  async markRead(user: AuthenticatedUser, ids: string[]): Promise<number> {
    await this.dataSource.query(
      `UPDATE notifications SET read_at = now(), updated_at = now()
        WHERE id = ANY($1::uuid[]) AND user_id = $2 AND channel = 'in_app' AND read_at IS NULL`,
      [ids, user.userId],
    );
    return this.unreadCount(user.userId);
  }

  async inAppById(id: string): Promise<(InAppNotification & { userId: string }) | undefined> {
    const [row]: (NotificationRecord & { userId: string })[] = await this.dataSource.query(
      `SELECT id, user_id AS "userId", event, body_encrypted AS "bodyEncrypted", created_at AS "createdAt",
              read_at AS "readAt"
         FROM notifications WHERE id = $1 AND channel = 'in_app'`,
      [id],
    );
    return row ? { ...this.toInApp(row), userId: row.userId } : undefined;
  }

  async failed(user: AuthenticatedUser, args: PageArgs): Promise<Page<FailedNotification>> {
    this.access.requireRole(user, [Role.PLATFORM_ADMIN]);
    const params: unknown[] = [];
    // 'unknown': a send that may have reached the provider; an administrator checks and replays.
    const conditions = [`status IN ('failed', 'failed_permanent', 'unknown')`];
    conditions.push(...afterCursorCondition(args.after, '(updated_at, id)', 'DESC', params));
    params.push(args.first + 1);
    const rows: (FailedNotification & CursorAt)[] = await this.dataSource.query(
      `SELECT id, channel, event, recipient, status, attempts, last_error AS "lastError", gateway,
              created_at AS "createdAt", updated_at AS "updatedAt", ${cursorAtColumn('updated_at')}
         FROM notifications WHERE ${conditions.join(' AND ')}
        ORDER BY updated_at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
    const page = toPage(rows, args.first, (row) => [row.cursorAt, row.id]);
    return {
      ...page,
      items: page.items.map(({ cursorAt: _cursorAt, ...row }) => ({
        ...row,
        recipient: maskRecipient(row.channel, row.recipient),
      })),
    };
  }

  /** Sends a dead letter again: back to pending with a fresh outbox row (a new job id). */
  async replay(user: AuthenticatedUser, id: string): Promise<FailedNotification> {
    this.access.requireRole(user, [Role.PLATFORM_ADMIN]);
    if (!UUID.test(id)) throw new DomainError('FIELD_INVALID', { field: 'id' });
    return this.dataSource.transaction(async (manager) => {
      const [row]: { status: string; body_encrypted: string | null }[] = await manager.query(
        `SELECT status, body_encrypted FROM notifications WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!row) throw new DomainError('NOTIFICATION_NOT_FOUND', { field: 'id' });
      if (!['failed', 'failed_permanent', 'unknown'].includes(row.status) || !row.body_encrypted) {
        throw new DomainError('NOTIFICATION_NOT_REPLAYABLE', { field: 'id' });
      }
      // UPDATE ... RETURNING through TypeORM answers [rows, affected].
      const [[updated]]: [FailedNotification[], number] = await manager.query(
        `UPDATE notifications SET status = 'pending', attempts = 0, last_error = NULL, updated_at = now()
          WHERE id = $1
          RETURNING id, channel, event, recipient, status, attempts, last_error AS "lastError", gateway,
                    created_at AS "createdAt", updated_at AS "updatedAt"`,
        [id],
      );
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

  private async unreadCount(userId: string): Promise<number> {
    const [row]: { count: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM notifications WHERE user_id = $1 AND channel = 'in_app' AND read_at IS NULL`,
      [userId],
    );
    return row.count;
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
