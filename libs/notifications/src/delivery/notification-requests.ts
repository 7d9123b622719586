/** What callers ask of the notifications service, and what it reads about a recipient. */
import { usersAs } from '@prossimo/identity';
import { Language, liveConsentSql, MessageParams, OutboxMessage } from '@prossimo/platform';
import { NotificationChannel } from './notification.entity';
import { NotificationEvent } from '../templates/templates';
import { NotificationParams } from '../templates/ride-times';

export interface NotificationRequest {
  userId?: string | null;
  channel: NotificationChannel;
  recipient: string;
  event: NotificationEvent;
  language: Language;
  params: MessageParams;
  /** Erase the body once sent (one-time codes). */
  sensitive?: boolean;
  /** Stored without a job: the fallback of an IO notification, released if IO cannot deliver. */
  held?: boolean;
  /** IO: the held notification on the person's next channel. */
  fallbackId?: string;
  /** Same-day urgent: an SMS goes out also during the recipient's quiet hours. */
  urgent?: boolean;
  /** Deliver no earlier than this (reminders). Survives restarts: it is the outbox row's time. */
  availableAt?: Date;
  /** What it is about, e.g. 'engagement:<id>': cancelScheduled(ref) withdraws what is not sent. */
  ref?: string;
  /**
   * Lets the recipient answer the SMS with "SI <code>" / "NO <code>": a reply code for this
   * target is created and passed to the template as {code}.
   */
  replyTarget?: {
    type: string;
    id: string;
    ttlHours?: number;
    /**
     * Keep one code per phone and target while it is open (a conversation answered many times):
     * a new message reuses it and extends it, instead of drawing a new one.
     */
    reuse?: boolean;
  };
}

export interface UserNotificationRequest {
  userId: string;
  event: NotificationEvent;
  /** Values, or texts rendered in the recipient's language (e.g. a ride's labelled times). */
  params: NotificationParams;
  /** Params given as message keys, rendered in the recipient's language (e.g. a decision word). */
  localisedParams?: Record<string, string>;
  urgent?: boolean;
  availableAt?: Date;
  ref?: string;
  replyTarget?: NotificationRequest['replyTarget'];
}

/** Outside these hours no SMS is sent unless it is an OTP or urgent; the user may change them. */
export const DEFAULT_QUIET_START = '21:00';
export const DEFAULT_QUIET_END = '08:00';
export const NEVER_HELD: readonly NotificationEvent[] = ['otp'];
/** What goes to a family contact (notifyFamily). */
export const FAMILY_EVENTS: readonly NotificationEvent[] = [
  'need_matched_family',
  'family_pickup',
  'family_dropoff',
  'engagement_message_family',
];
// No 0/O or 1/I: the code is read off a phone screen and typed back.
export const REPLY_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const REPLY_CODE_LENGTH = 4;

/** Postgres channel for live in-app delivery; NOTIFY is sent only when the transaction commits. */
export const IN_APP_NOTIFY_CHANNEL = 'prossimo_notification';

/** The preference columns as PreferenceRow names them (table alias p). */
export const PREFERENCE_COLUMNS = `p.language, p.channels, to_char(p.quiet_start, 'HH24:MI') AS quiet_start,
  to_char(p.quiet_end, 'HH24:MI') AS quiet_end, p.family_phone, p.family_consent_at, p.email`;

export interface UserRow {
  phone_e164: string | null;
  user_language: string;
  status: string;
}

export interface PreferenceRow {
  language: string | null;
  channels: Record<string, string[]>;
  quiet_start: string;
  quiet_end: string;
  family_phone: string | null;
  family_consent_at: Date | null;
  email: string | null;
}

/** The recipient columns (aliases u: users, p: notification_preferences), as Recipient names them. */
export const RECIPIENT_COLUMNS = `u.id AS user_id, u.phone_e164, u.language AS user_language, u.status,
  p.user_id IS NOT NULL AS has_preferences, u.codice_fiscale_hmac IS NOT NULL AS has_codice_fiscale,
  ${PREFERENCE_COLUMNS},
  ${liveConsentSql('u.id', 'family_contact')} AS family_consent_live`;

/**
 * What notifying a person (notifyUser, notifyFamily) needs to know about them, read in one go:
 * by notifyUser itself, or inside a caller's own read (recipientsSql) when the caller writes the
 * notifications as part of a combined statement (notifyUserIn).
 */
export interface Recipient extends UserRow, PreferenceRow {
  user_id: string;
  has_preferences: boolean;
  has_codice_fiscale: boolean;
  /** The family-contact consent is live (notifyFamily's hasLiveConsent). */
  family_consent_live: boolean;
}

/**
 * SQL for a caller's read statement: the recipients whose ids are `userIds` (SQL of a uuid[]), as
 * a JSON array of Recipient (erased and unknown users included as they are: the plan skips them).
 */
export function recipientsSql(userIds: string): string {
  return `(SELECT coalesce(json_agg(r), '[]'::json) FROM (
      SELECT ${RECIPIENT_COLUMNS} FROM ${usersAs('u')} LEFT JOIN notification_preferences p ON p.user_id = u.id
       WHERE u.id = ANY(${userIds})) r)`;
}

/** A notification ready to write: its row (the id drawn here), and its job or live announcement. */
export interface PlannedNotification {
  id: string;
  userId: string | null;
  channel: NotificationChannel;
  recipient: string;
  event: NotificationEvent;
  language: Language;
  bodyEncrypted: string;
  sensitive: boolean;
  status: 'delivered' | 'held' | 'pending';
  replyCode: string | null;
  ref: string | null;
  fallbackId: string | null;
  /** The delivery job (SMS, e-mail, IO); none for in-app (announced on commit) and held ones. */
  job: OutboxMessage | null;
}
