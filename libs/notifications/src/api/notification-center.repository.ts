import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { readAccountLanguage, usersAs } from '@prossimo/identity';
import {
  CursorAt,
  firstRow,
  keysetPageSql,
  onlyRow,
  PageArgs,
  Queryable,
  queryPrepared,
} from '@prossimo/platform';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { IN_APP_NOTIFY_CHANNEL } from '../delivery/notification-requests';
import { NotificationRecord } from '../delivery/notification.entity';
import {
  FailedNotification,
  MyNotificationsArgs,
  NotificationChannelOption,
  UpdateNotificationPreferencesInput,
} from '../notifications.types';

/** The preferences as the notification centre shows them. */
export interface PreferenceRow {
  language: string | null;
  channels: Record<string, NotificationChannelOption[]>;
  quiet_start: string;
  quiet_end: string;
  family_name: string | null;
  family_phone: string | null;
  family_consent_at: Date | null;
  email: string | null;
}

/** A row of myNotifications' statement: the id and the rest are null when the page is empty. */
export interface InAppRow {
  id: string | null;
  event: string;
  bodyEncrypted: string | null;
  createdAt: Date;
  readAt: Date | null;
  unreadCount: number;
}

/** What updatePreferences checks after its update: an address for e-mail, a codice fiscale for IO. */
export interface StoredChannelChecks {
  email: string | null;
  uses_email: boolean;
  io_without_code: boolean;
}

/** The preference changes of updatePreferences, validated and normalised by the service. */
export interface PreferencesUpdate {
  input: UpdateNotificationPreferencesInput;
  channelPatch: Record<string, NotificationChannelOption[]>;
  familyPhone: string | null;
  email: string | null;
}

export type InAppNotificationRow = NotificationRecord & { userId: string };

/**
 * The notification centre's statements (NotificationCenterService) and the SMS gateway's receipts
 * (SmsWebhooksController). Methods that take `db` run in the caller's transaction.
 */
@Injectable()
export class NotificationCenterRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findPreferences(db: Queryable, userId: string): Promise<PreferenceRow | undefined> {
    return firstRow<PreferenceRow>(
      db,
      `SELECT p.language, p.channels, to_char(p.quiet_start, 'HH24:MI') AS quiet_start,
              to_char(p.quiet_end, 'HH24:MI') AS quiet_end, p.family_name, p.family_phone, p.family_consent_at,
              p.email
         FROM notification_preferences p WHERE p.user_id = $1`,
      [userId],
    );
  }

  /** The account's language (identity's users table, read by identity). */
  findAccountLanguage(db: Queryable, userId: string): Promise<string | undefined> {
    return readAccountLanguage(db, userId);
  }

  /** The user's preferences row, created with the defaults if missing. */
  async ensurePreferences(db: Queryable, userId: string): Promise<void> {
    await db.query(
      `INSERT INTO notification_preferences (user_id) VALUES ($1) ON CONFLICT (user_id) DO NOTHING`,
      [userId],
    );
  }

  async updatePreferences(db: Queryable, userId: string, update: PreferencesUpdate): Promise<void> {
    const { input } = update;
    await db.query(
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
        userId,
        input.language ?? null,
        input.quietHoursStart ?? null,
        input.quietHoursEnd ?? null,
        JSON.stringify(update.channelPatch),
        input.familyContact?.name ?? null,
        update.familyPhone,
        input.removeFamilyContact ?? false,
        update.email,
        input.removeEmail ?? false,
      ],
    );
  }

  /** The stored preferences' needs. Joins identity's users (the codice fiscale). */
  async checkStoredChannels(db: Queryable, userId: string): Promise<StoredChannelChecks> {
    return onlyRow<StoredChannelChecks>(
      db,
      `SELECT p.email, EXISTS (SELECT 1 FROM jsonb_each(p.channels) c WHERE c.value ? 'email') AS uses_email,
                  EXISTS (SELECT 1 FROM jsonb_each(p.channels) c WHERE c.value ? 'io')
                    AND u.codice_fiscale_hmac IS NULL AS io_without_code
             FROM notification_preferences p JOIN ${usersAs('u')} ON u.id = p.user_id WHERE p.user_id = $1`,
      [userId],
    );
  }

  /**
   * A page of the user's in-app notifications and their unread count in one round trip (and one
   * snapshot): the count row always comes back, with the page's rows joined to it, or alone (id
   * NULL) when the page is empty.
   */
  async findInAppPage(userId: string, args: MyNotificationsArgs): Promise<(InAppRow & CursorAt)[]> {
    const params: unknown[] = [userId];
    const conditions = [`user_id = $1`, `channel = 'in_app'`];
    if (args.unreadOnly) conditions.push('read_at IS NULL');
    const keyset = keysetPageSql({ at: 'created_at', id: 'id' }, 'DESC', args, params);
    conditions.push(...keyset.after);
    return queryPrepared<InAppRow & CursorAt>(
      this.dataSource,
      `SELECT page.*, unread.count AS "unreadCount"
         FROM (SELECT count(*)::int AS count FROM notifications
                WHERE user_id = $1 AND channel = 'in_app' AND read_at IS NULL) unread
         LEFT JOIN LATERAL (
           SELECT id, event, body_encrypted AS "bodyEncrypted", created_at AS "createdAt", read_at AS "readAt",
                  ${keyset.cursorColumn}
             FROM notifications WHERE ${conditions.join(' AND ')}
            ${keyset.orderAndLimit}) page ON true
        ORDER BY page."createdAt" DESC, page.id DESC`,
      params,
    );
  }

  /** Marks the user's own in-app notifications read (others' ids are ignored). */
  async markRead(userId: string, ids: string[]): Promise<void> {
    await this.dataSource.query(
      `UPDATE notifications SET read_at = now(), updated_at = now()
        WHERE id = ANY($1::uuid[]) AND user_id = $2 AND channel = 'in_app' AND read_at IS NULL`,
      [ids, userId],
    );
  }

  async countUnread(userId: string): Promise<number> {
    const row = await onlyRow<{ count: number }>(
      this.dataSource,
      `SELECT count(*)::int AS count FROM notifications WHERE user_id = $1 AND channel = 'in_app' AND read_at IS NULL`,
      [userId],
    );
    return row.count;
  }

  async findInApp(id: string): Promise<InAppNotificationRow | undefined> {
    return firstRow<InAppNotificationRow>(
      this.dataSource,
      `SELECT id, user_id AS "userId", event, body_encrypted AS "bodyEncrypted", created_at AS "createdAt",
              read_at AS "readAt"
         FROM notifications WHERE id = $1 AND channel = 'in_app'`,
      [id],
    );
  }

  /** The dead letters ('unknown' too: a send that may have reached the provider), newest first, a page plus one. */
  async findFailedPage(args: PageArgs): Promise<(FailedNotification & CursorAt)[]> {
    const params: unknown[] = [];
    const conditions = [`status IN ('failed', 'failed_permanent', 'unknown')`];
    const keyset = keysetPageSql({ at: 'updated_at', id: 'id' }, 'DESC', args, params);
    conditions.push(...keyset.after);
    return this.dataSource.query(
      `SELECT id, channel, event, recipient, status, attempts, last_error AS "lastError", gateway,
              created_at AS "createdAt", updated_at AS "updatedAt", ${keyset.cursorColumn}
         FROM notifications WHERE ${conditions.join(' AND ')}
        ${keyset.orderAndLimit}`,
      params,
    );
  }

  /** The notification's status and text, locked for a replay. */
  async lockForReplay(
    db: Queryable,
    id: string,
  ): Promise<{ status: string; body_encrypted: string | null } | undefined> {
    return firstRow<{ status: string; body_encrypted: string | null }>(
      db,
      `SELECT status, body_encrypted FROM notifications WHERE id = $1 FOR UPDATE`,
      [id],
    );
  }

  /** Back to 'pending' with the attempts reset; answers the row as the dead letters list shows it. */
  async resetForReplay(db: Queryable, id: string): Promise<FailedNotification> {
    // UPDATE ... RETURNING through TypeORM answers [rows, affected].
    const [[updated]]: [FailedNotification[], number] = await db.query(
      `UPDATE notifications SET status = 'pending', attempts = 0, last_error = NULL, updated_at = now()
          WHERE id = $1
          RETURNING id, channel, event, recipient, status, attempts, last_error AS "lastError", gateway,
                    created_at AS "createdAt", updated_at AS "updatedAt"`,
      [id],
    );
    return updated;
  }

  /** The notification the gateway's receipt is about, locked. */
  async lockByGatewayMessageId(
    db: Queryable,
    gatewayMessageId: string,
  ): Promise<{ id: string; status: string } | undefined> {
    return firstRow<{ id: string; status: string }>(
      db,
      `SELECT id, status FROM notifications WHERE gateway_message_id = $1 FOR UPDATE`,
      [gatewayMessageId],
    );
  }

  /** The gateway's receipt: 'delivered' (with its time) or 'failed' (with the error). */
  async recordReceipt(db: Queryable, id: string, to: 'delivered' | 'failed', error: string): Promise<void> {
    await db.query(
      `UPDATE notifications SET status = $2, updated_at = now(),
                delivered_at = CASE WHEN $2 = 'delivered' THEN now() ELSE delivered_at END,
                last_error = CASE WHEN $2 = 'failed' THEN $3 ELSE last_error END
          WHERE id = $1`,
      [id, to, error],
    );
  }
}

/** Subscribes the live connection to the in-app notifications' NOTIFY channel. */
export async function listenToInAppNotifications(client: Client): Promise<void> {
  await client.query(`LISTEN ${IN_APP_NOTIFY_CHANNEL}`);
}
