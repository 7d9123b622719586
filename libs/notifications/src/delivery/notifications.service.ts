import { randomInt, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  CombinedStatement,
  FieldCipher,
  isLanguage,
  JOBS,
  Language,
  outboxJob,
  romeTime,
  withdrawConsentRecord,
  writeOutboxIn,
} from '@prossimo/platform';
import { EntityManager } from 'typeorm';
import { NotificationRecord, NotificationChannel } from './notification.entity';
import { quietHoursRelease } from '../preferences/quiet-hours';
import { defaultChannelsFor } from '../preferences/default-channels';
import {
  ENGAGEMENT_NOTICES,
  EngagementNoticeSource,
  EngagementNotice,
  engagementWhen,
  reminderJobs,
  reminderRef,
  scheduleReminders,
} from '../reminders/engagement-notices';
import {
  NotificationRequest,
  UserNotificationRequest,
  DEFAULT_QUIET_START,
  DEFAULT_QUIET_END,
  NEVER_HELD,
  REPLY_CODE_ALPHABET,
  REPLY_CODE_LENGTH,
  IN_APP_NOTIFY_CHANNEL,
  PreferenceRow,
  Recipient,
  PlannedNotification,
} from './notification-requests';
import { localiseParams, renderText } from '../templates/render-notification';
import { NotificationsRepository } from './notifications.repository';

@Injectable()
export class NotificationsService {
  constructor(
    private readonly cipher: FieldCipher,
    private readonly repository: NotificationsRepository,
    @Inject(ENGAGEMENT_NOTICES) private readonly engagementNotices: EngagementNoticeSource,
  ) {}

  /**
   * Stores the rendered, encrypted message and its outbox row in the caller's transaction.
   * The job payload carries only the notification id. In-app notifications are delivered by
   * being stored (and announced to live subscribers on commit); they need no job.
   */
  async queueInTransaction(manager: EntityManager, request: NotificationRequest): Promise<string> {
    return this.queueWithPreferences(manager, request, undefined);
  }

  /**
   * queueInTransaction, given the recipient's preferences when the caller already read them
   * (null: the user has none; undefined: not read yet, read here only if quiet hours matter).
   * One statement per notification: the row and its outbox row (or its live NOTIFY) together.
   */
  private async queueWithPreferences(
    manager: EntityManager,
    request: NotificationRequest,
    preferences: PreferenceRow | null | undefined,
  ): Promise<string> {
    const replyCode =
      request.replyTarget && request.channel === 'sms'
        ? await this.createReplyCode(manager, request.recipient, request.replyTarget)
        : null;
    const known =
      preferences === undefined && request.userId && !request.held && quietHoursApply(request)
        ? ((await this.repository.findPreferences(manager, request.userId)) ?? null)
        : preferences;
    const planned = this.plan(request, known, replyCode);
    await this.writePlanned(manager, [planned]);
    return planned.id;
  }

  /**
   * Notifies a user on the channels they chose for this event (defaults otherwise), in their
   * language. Returns the notification ids. Two statements: the person, then every row with its
   * job (a third when the SMS carries a reply code).
   */
  async notifyUser(manager: EntityManager, request: UserNotificationRequest): Promise<string[]> {
    const recipient = await this.repository.findRecipient(manager, request.userId);
    let planned = this.planForUser(recipient, request, null);
    const sms = planned.find((row) => row.channel === 'sms');
    if (request.replyTarget && sms) {
      // The code goes into the text: drawn first, then the messages rendered with it.
      const code = await this.createReplyCode(manager, sms.recipient, request.replyTarget);
      planned = this.planForUser(recipient, request, code);
    }
    await this.writePlanned(manager, planned);
    return planned.map((row) => row.id);
  }

  /**
   * notifyUser as a part of the caller's combined statement, for a recipient the caller read
   * with recipientsSql: nothing is read here. A request with a reply code is not for this path
   * (the code must be drawn first): use notifyUser.
   */
  notifyUserIn(
    statement: CombinedStatement,
    recipient: Recipient | undefined,
    request: UserNotificationRequest,
  ): string[] {
    if (request.replyTarget) throw new Error('notifyUserIn cannot draw a reply code: use notifyUser');
    const planned = this.planForUser(recipient, request, null);
    this.writePlannedIn(statement, planned);
    return planned.map((row) => row.id);
  }

  /** The rows notifyUser writes, for a recipient already read (none for an erased or unknown one). */
  private planForUser(
    recipient: Recipient | undefined,
    request: UserNotificationRequest,
    replyCode: string | null,
  ): PlannedNotification[] {
    if (!recipient || recipient.status === 'erased') return [];
    const preferences: PreferenceRow | null = recipient.has_preferences ? recipient : null;
    const language = [preferences?.language, recipient.user_language].find(isLanguage) ?? 'it';
    const channels = preferences?.channels[request.event] ?? defaultChannelsFor(request.event);
    const params = localiseParams(request, language);
    const planned: PlannedNotification[] = [];
    const recipientFor = (channel: string | undefined) =>
      channel === 'sms'
        ? recipient.phone_e164
        : channel === 'email'
          ? preferences?.email
          : channel === 'in_app' || (channel === 'io' && recipient.has_codice_fiscale)
            ? request.userId
            : null;
    const queue = (
      channel: NotificationChannel,
      to: string,
      extra: Partial<NotificationRequest> = {},
    ): PlannedNotification => {
      const row = this.plan(
        {
          userId: request.userId,
          channel,
          recipient: to,
          event: request.event,
          language,
          params,
          urgent: request.urgent,
          availableAt: request.availableAt,
          ref: request.ref,
          replyTarget: request.replyTarget,
          ...extra,
        },
        preferences,
        channel === 'sms' ? replyCode : null,
      );
      planned.push(row);
      return row;
    };
    for (let index = 0; index < channels.length; index++) {
      const channel = channels[index];
      if (channel !== 'sms' && channel !== 'email' && channel !== 'in_app' && channel !== 'io') continue;
      const to = recipientFor(channel);
      // No number, address or codice fiscale for this channel: the other channels still go.
      if (!to) continue;
      if (channel === 'io') {
        // The next channel (SMS or e-mail) is IO's fallback: held, released only if IO cannot deliver.
        const next = channels[index + 1];
        const nextRecipient = next === 'sms' || next === 'email' ? recipientFor(next) : null;
        let fallbackId: string | undefined;
        if (nextRecipient && (next === 'sms' || next === 'email')) {
          fallbackId = queue(next, nextRecipient, { held: true }).id;
          index++;
        }
        queue('io', to, { fallbackId });
        continue;
      }
      queue(channel, to);
    }
    return planned;
  }

  /**
   * SMS to the user's family contact, only with the consent recorded in the preferences and while
   * the user keeps SMS on for this event (pickup and drop-off are off until chosen).
   */
  async notifyFamily(manager: EntityManager, request: UserNotificationRequest): Promise<string | null> {
    const recipient = await this.repository.findRecipient(manager, request.userId);
    const to = familyContactFor(recipient, request);
    if (!to) return null;
    const code = request.replyTarget
      ? await this.createReplyCode(manager, to.phone, request.replyTarget)
      : null;
    const planned = this.planForFamily(to, request, code);
    await this.writePlanned(manager, [planned]);
    return planned.id;
  }

  /** notifyFamily as a part of the caller's combined statement (see notifyUserIn). */
  notifyFamilyIn(
    statement: CombinedStatement,
    recipient: Recipient | undefined,
    request: UserNotificationRequest,
  ): string | null {
    if (request.replyTarget) throw new Error('notifyFamilyIn cannot draw a reply code: use notifyFamily');
    const to = familyContactFor(recipient, request);
    if (!to) return null;
    const planned = this.planForFamily(to, request, null);
    this.writePlannedIn(statement, [planned]);
    return planned.id;
  }

  private planForFamily(
    to: { phone: string; language: Language },
    request: UserNotificationRequest,
    replyCode: string | null,
  ): PlannedNotification {
    return this.plan(
      {
        userId: null,
        channel: 'sms',
        recipient: to.phone,
        event: request.event,
        language: to.language,
        params: localiseParams(request, to.language),
        urgent: request.urgent,
        availableAt: request.availableAt,
        ref: request.ref,
        // The family contact answers an engagement's messages by SMS as the person would.
        replyTarget: request.replyTarget,
      },
      // Not the user's own quiet hours: the family contact's are the default ones.
      undefined,
      replyCode,
    );
  }

  /** One notification's row, rendered and encrypted, with its job (quiet hours applied). */
  private plan(
    request: NotificationRequest,
    preferences: PreferenceRow | null | undefined,
    replyCode: string | null,
  ): PlannedNotification {
    const params = { ...request.params };
    if (replyCode) params.code = replyCode;
    const inApp = request.channel === 'in_app';
    const id = randomUUID();
    // The job payload carries only the notification id: never the text or the recipient.
    const job =
      inApp || request.held
        ? null
        : outboxJob(
            request.channel === 'io' ? JOBS.deliverIoMessage : JOBS.deliverNotification,
            { notificationId: id },
            releaseTime(request, preferences),
          );
    return {
      id,
      userId: request.userId ?? null,
      channel: request.channel,
      recipient: request.recipient,
      event: request.event,
      language: request.language,
      bodyEncrypted: this.cipher.encrypt(renderText(request, params)),
      sensitive: request.sensitive ?? false,
      status: inApp ? 'delivered' : request.held ? 'held' : 'pending',
      replyCode,
      ref: request.ref ?? null,
      fallbackId: request.fallbackId ?? null,
      job,
    };
  }

  /** Writes planned notifications in one statement (nothing when there are none). */
  private async writePlanned(manager: EntityManager, planned: PlannedNotification[]): Promise<void> {
    if (!planned.length) return;
    const statement = new CombinedStatement();
    this.writePlannedIn(statement, planned);
    await statement.run(manager);
  }

  /**
   * The rows in one INSERT, their jobs in the outbox, and each in-app one announced to live
   * subscribers (the NOTIFY in RETURNING runs for every row; PostgreSQL delivers it on commit).
   */
  private writePlannedIn(statement: CombinedStatement, planned: PlannedNotification[]): void {
    if (!planned.length) return;
    const column = <T>(pick: (row: PlannedNotification) => T, type: string) =>
      statement.param(planned.map(pick), type);
    statement.with(
      'notification_rows',
      `INSERT INTO notifications (id, user_id, channel, recipient, event, language, body_encrypted, sensitive,
                                  status, delivered_at, attempts, reply_code, ref, fallback_id)
       SELECT id, user_id, channel, recipient, event, language, body_encrypted, sensitive,
              status, CASE WHEN status = 'delivered' THEN now() END, 0, reply_code, ref, fallback_id
         FROM unnest(${column((row) => row.id, 'uuid[]')}, ${column((row) => row.userId, 'uuid[]')},
                     ${column((row) => row.channel, 'text[]')}, ${column((row) => row.recipient, 'text[]')},
                     ${column((row) => row.event, 'text[]')}, ${column((row) => row.language, 'text[]')},
                     ${column((row) => row.bodyEncrypted, 'text[]')}, ${column((row) => row.sensitive, 'boolean[]')},
                     ${column((row) => row.status, 'text[]')}, ${column((row) => row.replyCode, 'text[]')},
                     ${column((row) => row.ref, 'text[]')}, ${column((row) => row.fallbackId, 'uuid[]')})
              WITH ORDINALITY AS n(id, user_id, channel, recipient, event, language, body_encrypted, sensitive,
                                   status, reply_code, ref, fallback_id, position)
        ORDER BY position
       RETURNING id, CASE WHEN channel = 'in_app' THEN
         pg_notify(${statement.param(IN_APP_NOTIFY_CHANNEL, 'text')},
                   json_build_object('id', id, 'userId', user_id)::text) END AS announced`,
    );
    writeOutboxIn(
      statement,
      planned.flatMap((row) => (row.job ? [row.job] : [])),
    );
  }

  /**
   * The family-contact consent ends: the contact is forgotten and the messages to them that have
   * not gone out are cancelled (their delayed jobs find them cancelled and do nothing).
   */
  async withdrawFamilyContact(manager: EntityManager, userId: string): Promise<number> {
    await withdrawConsentRecord(manager, userId, 'family_contact');
    const row = await this.repository.lockFamilyPhone(manager, userId);
    await this.repository.forgetFamilyContact(manager, userId);
    if (!row?.family_phone) return 0;
    return this.repository.cancelPendingFamilyMessages(manager, row.family_phone);
  }

  /**
   * Withdraws the notifications about `ref` that have not gone out (a rescheduled or cancelled
   * engagement); their delayed jobs find them cancelled and do nothing.
   */
  async cancelScheduled(manager: EntityManager, ref: string): Promise<number> {
    const cancelled = await this.repository.cancelScheduledOfRef(manager, ref);
    await this.repository.closeReplyCodesOfRef(manager, ref);
    return cancelled;
  }

  /**
   * Called by matching in the transaction that creates an engagement or changes its status.
   * Reminders held for the old state are withdrawn (their delayed jobs also check the engagement
   * when they fire); a confirmed engagement gets its reminders as delayed jobs and tells the
   * citizen's family contact that the need is matched; a ride that starts or ends tells the family
   * contact too, if the citizen chose so.
   */
  async engagementChanged(manager: EntityManager, engagementId: string): Promise<void> {
    const engagement = await this.engagementNotices.load(manager, engagementId);
    if (!engagement) return;
    await this.cancelScheduled(manager, reminderRef(engagementId));
    if (engagement.status === 'confirmed') {
      await scheduleReminders(manager, engagement);
      await this.tellFamilyOfMatch(manager, engagement);
      return;
    }
    const event =
      engagement.status === 'in_progress'
        ? 'family_pickup'
        : engagement.status === 'completed'
          ? 'family_dropoff'
          : null;
    if (!event || !engagement.isRide) return;
    for (const citizen of engagement.citizenUserIds) {
      await this.notifyFamily(manager, {
        userId: citizen,
        event,
        params: {
          time: romeTime(new Date()),
          helper: engagement.helperName,
          person: engagement.citizenName,
          summary: engagement.summary,
          place: engagement.dropOffPlace ?? engagement.place,
        },
        // It is news of the moment: quiet hours do not hold it.
        urgent: true,
        ref: `engagement:${engagementId}`,
      });
    }
  }

  /**
   * engagementCreated as a part of the caller's combined statement that creates the engagement:
   * the notice built by the caller (noticeOf), the citizens read with recipientsSql.
   */
  engagementCreatedIn(
    statement: CombinedStatement,
    engagement: EngagementNotice,
    citizens: readonly Recipient[],
  ): void {
    if (engagement.status !== 'confirmed') return;
    writeOutboxIn(statement, reminderJobs(engagement));
    for (const citizen of engagement.citizenUserIds) {
      this.notifyFamilyIn(
        statement,
        citizens.find((recipient) => recipient.user_id === citizen),
        matchNewsForFamily(engagement, citizen),
      );
    }
  }

  /**
   * "Need matched" for each citizen's family contact (consent and SMS for the event, as
   * notifyFamily checks), once per engagement: a rescheduling confirms it again but is not news.
   */
  private async tellFamilyOfMatch(
    manager: EntityManager,
    engagement: EngagementNotice,
    mayHaveBeenTold = true,
  ): Promise<void> {
    const ref = `engagement:${engagement.id}`;
    for (const citizen of engagement.citizenUserIds) {
      if (mayHaveBeenTold && (await this.repository.familyToldOfMatch(manager, ref, citizen))) continue;
      await this.notifyFamily(manager, matchNewsForFamily(engagement, citizen));
    }
  }

  decryptBody(record: Pick<NotificationRecord, 'bodyEncrypted'>): string {
    if (!record.bodyEncrypted) throw new Error('Notification body was already erased');
    return this.cipher.decrypt(record.bodyEncrypted);
  }

  private async createReplyCode(
    manager: EntityManager,
    recipient: string,
    target: NonNullable<NotificationRequest['replyTarget']>,
  ): Promise<string> {
    if (target.reuse) {
      const open = await this.repository.extendOpenReplyCode(manager, recipient, target);
      if (open) return open;
    }
    // The partial unique index keeps open codes unique per phone; on a clash draw another.
    for (let attempt = 0; attempt < 10; attempt++) {
      const code = Array.from(
        { length: REPLY_CODE_LENGTH },
        () => REPLY_CODE_ALPHABET[randomInt(REPLY_CODE_ALPHABET.length)],
      ).join('');
      if (await this.repository.insertReplyCode(manager, code, recipient, target)) return code;
    }
    throw new Error('Could not draw a free SMS reply code');
  }
}

/** Whether quiet hours may hold this message: SMS and IO (a push on the phone too), not urgent, not an OTP. */
function quietHoursApply(request: NotificationRequest): boolean {
  return (
    (request.channel === 'sms' || request.channel === 'io') &&
    !request.urgent &&
    !NEVER_HELD.includes(request.event)
  );
}

/**
 * When the job may run: quiet hours hold an SMS until the morning; OTP and urgent ones go at once.
 * `preferences`: the user's (null: none, the default hours; undefined: not a user's message).
 */
function releaseTime(
  request: NotificationRequest,
  preferences: PreferenceRow | null | undefined,
): Date | undefined {
  const notBefore = request.availableAt;
  if (!quietHoursApply(request)) return notBefore;
  const sendAt = notBefore && notBefore.getTime() > Date.now() ? notBefore : new Date();
  const held = quietHoursRelease(
    sendAt,
    preferences?.quiet_start ?? DEFAULT_QUIET_START,
    preferences?.quiet_end ?? DEFAULT_QUIET_END,
  );
  return held ?? notBefore;
}

/**
 * The family contact of the person, when they may be told of this event: the number and
 * consent in the preferences, the consent live, SMS on for the event. In the person's language.
 */
function familyContactFor(
  recipient: Recipient | undefined,
  request: UserNotificationRequest,
): { phone: string; language: Language } | null {
  if (!recipient?.has_preferences || !recipient.family_phone || !recipient.family_consent_at) return null;
  if (!recipient.family_consent_live) return null;
  const channels = recipient.channels[request.event] ?? defaultChannelsFor(request.event);
  if (!channels.includes('sms')) return null;
  const language = [recipient.language, recipient.user_language].find(isLanguage) ?? 'it';
  return { phone: recipient.family_phone, language };
}

/** The family's "need matched" message for one citizen of an engagement. */
function matchNewsForFamily(engagement: EngagementNotice, citizen: string): UserNotificationRequest {
  return {
    userId: citizen,
    event: 'need_matched_family',
    params: {
      person: engagement.citizenName,
      summary: engagement.summary,
      when: engagementWhen(engagement),
      helper: engagement.helperName,
    },
    ref: `engagement:${engagement.id}`,
  };
}
