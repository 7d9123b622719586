import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthenticatedUser, UserRolesRepository } from '@prossimo/identity';
import { ContentType, ModerationService, ModerationStatus } from '@prossimo/moderation';
import { familyContactNameOf, NotificationsService } from '@prossimo/notifications';
import {
  APP_CONFIG,
  AppConfig,
  DomainError,
  FieldCipher,
  Language,
  Page,
  registerMessages,
  renderMessage,
  RequestContext,
  toKeysetPage,
} from '@prossimo/platform';
import { screenComment } from '@prossimo/reputation';
import { DataSource, EntityManager } from 'typeorm';
import { EngagementStatus } from '../engagements/engagement-rules';
import { EngagementParties, EngagementParty } from '../engagements/engagement-parties.service';
import {
  EngagementMessage,
  EngagementMessagesArgs,
  SendEngagementMessageInput,
} from './engagement-message.types';
import { EngagementMessagesRepository, MessageRow } from './engagement-messages.repository';
import {
  messageHeldReasons,
  messageIsUrgent,
  messagesOpen,
  MessageSide,
  retryAfterSeconds,
} from './message-rules';

registerMessages({
  ENGAGEMENT_MESSAGES_CLOSED: {
    it: 'Non si possono più scrivere messaggi per questo impegno.',
    en: 'Messages can no longer be written for this engagement.',
  },
  'engagement_message.staff': { it: 'lo sportello del Comune', en: 'the Comune desk' },
  'engagement_message.citizen': { it: 'la persona aiutata', en: 'the person helped' },
  'engagement_message.helper': { it: 'chi ti aiuta', en: 'your helper' },
});

/** The SMS reply codes of a conversation: one per phone and engagement, reused while it is open. */
export const ENGAGEMENT_THREAD = 'engagement_thread';
const THREAD_CODE_TTL_HOURS = 14 * 24;

interface NewMessage {
  party: EngagementParty;
  side: MessageSide;
  senderUserId: string | null;
  /** Who wrote, for a sender without an account. */
  senderName?: string;
  body: string;
  via: 'app' | 'sms';
}

/**
 * Messages between the parties of an engagement (the helper, the person helped or who asked for
 * them, and the territory's staff), so that they can reach each other without a number: in the
 * app, and relayed by SMS with replies routed back through the inbound SMS webhook.
 */
@Injectable()
export class EngagementMessagesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cipher: FieldCipher,
    private readonly parties: EngagementParties,
    private readonly moderation: ModerationService,
    private readonly notifications: NotificationsService,
    private readonly messageRows: EngagementMessagesRepository,
    private readonly accounts: UserRolesRepository,
  ) {}

  /**
   * The thread, newest first. Parties see published messages and their own (held ones marked
   * PENDING); staff of the territory see every message, as moderators must.
   */
  async list(user: AuthenticatedUser, args: EngagementMessagesArgs): Promise<Page<EngagementMessage>> {
    const manager = this.dataSource.manager;
    const party = await this.parties.engagementParty(manager, args.engagementId, false);
    const side = await this.parties.requireParty(manager, user, party, ['helper', 'citizen', 'staff']);
    const rows = await this.messageRows.findThreadPage(
      manager,
      party.id,
      side === 'staff' ? null : user.userId,
      args,
    );
    const language = RequestContext.language();
    return toKeysetPage(rows, args.first, (row) => this.toMessage(row, user.userId, language));
  }

  async send(user: AuthenticatedUser, input: SendEngagementMessageInput): Promise<EngagementMessage> {
    const body = input.body.trim();
    if (!body) throw new DomainError('FIELD_REQUIRED', { field: 'body', params: { field: 'body' } });
    const id = await this.dataSource.transaction(async (manager) => {
      const party = await this.parties.engagementParty(manager, input.engagementId, false);
      const side = await this.parties.requireParty(manager, user, party, ['helper', 'citizen', 'staff']);
      return this.write(manager, {
        party,
        side: side as MessageSide,
        senderUserId: user.userId,
        body,
        via: 'app',
      });
    });
    const row = await this.messageRows.findMessage(id);
    return this.toMessage(row, user.userId, RequestContext.language());
  }

  /**
   * An SMS reply to a relayed message (SmsReplyService found the thread from the code it was sent
   * with): written as a message of whichever party that phone belongs to; the desk person and the
   * family contact (with consent) of the person helped write on the person's side.
   */
  async receiveSms(manager: EntityManager, engagementId: string, phone: string, text: string): Promise<void> {
    const party = await this.parties.engagementParty(manager, engagementId, false);
    const accountId = await this.accounts.activeUserIdByPhone(manager, phone);
    let sender: Pick<NewMessage, 'side' | 'senderUserId' | 'senderName'>;
    if (accountId && accountId === party.helperUserId) {
      sender = { side: MessageSide.HELPER, senderUserId: accountId };
    } else if (accountId && (accountId === party.authorUserId || accountId === party.beneficiaryUserId)) {
      sender = { side: MessageSide.CITIZEN, senderUserId: accountId };
    } else {
      const senderName = await this.contactWithoutAccount(manager, party, phone);
      if (!senderName) throw new DomainError('ENGAGEMENT_NOT_FOUND', { field: 'engagementId' });
      sender = { side: MessageSide.CITIZEN, senderUserId: null, senderName };
    }
    // The whole reply is kept (the webhook takes at most 1,600 characters: a long SMS in parts);
    // its relay by SMS is cut to what three segments hold.
    await this.write(manager, { party, ...sender, body: text.trim(), via: 'sms' });
  }

  /** The name of the desk person or of a citizen's family contact (with consent) at this number. */
  private async contactWithoutAccount(
    manager: EntityManager,
    party: EngagementParty,
    phone: string,
  ): Promise<string | null> {
    const desk = await this.deskPersonOf(manager, party.id);
    if (desk?.phone === phone) return desk.firstName;
    return familyContactNameOf(
      manager,
      [party.authorUserId, party.beneficiaryUserId].filter(Boolean) as string[],
      phone,
    );
  }

  /**
   * Tells the other parties of a published message, once: in the app (live through the
   * notification subscription) and by SMS on their channels; a person registered at the desk, who
   * has no account, by SMS to the number on record. Nobody's number is shown: replies come to the
   * platform's number and are routed back by the thread's code.
   */
  async relay(manager: EntityManager, messageId: string): Promise<void> {
    const message = await this.messageRows.lockMessageToRelay(manager, messageId);
    if (!message) return;
    await this.messageRows.markRelayed(manager, messageId);
    const toHelper = message.side !== MessageSide.HELPER;
    const toCitizen = message.side !== MessageSide.CITIZEN;
    const recipients = new Set<string>();
    if (toHelper) recipients.add(message.helperUserId);
    if (toCitizen) {
      for (const id of [message.authorUserId, message.beneficiaryUserId]) if (id) recipients.add(id);
    }
    if (message.senderUserId) recipients.delete(message.senderUserId);
    const text = this.cipher.decrypt(message.bodyEncrypted);
    const named = this.senderName(message, null);
    const common = {
      event: 'engagement_message' as const,
      urgent: messageIsUrgent(message.engagementStatus, message.startsAt, new Date()),
      ref: `engagement:${message.engagementId}:messages`,
      replyTarget: {
        type: ENGAGEMENT_THREAD,
        id: message.engagementId,
        ttlHours: THREAD_CODE_TTL_HOURS,
        reuse: true,
      },
    };
    const params = { summary: message.summary, text, ...(named ? { who: named } : {}) };
    const localisedParams = named ? undefined : { who: `engagement_message.${message.side}` };
    for (const userId of recipients) {
      await this.notifications.notifyUser(manager, { ...common, userId, params, localisedParams });
    }
    if (!toCitizen) return;
    // The family contact of the person helped, if they chose so (opt-in) and consent holds.
    for (const citizen of new Set([message.authorUserId, message.beneficiaryUserId])) {
      if (!citizen) continue;
      await this.notifications.notifyFamily(manager, {
        ...common,
        event: 'engagement_message_family',
        userId: citizen,
        params: { ...params, ...(message.citizenName ? { person: message.citizenName } : {}) },
        localisedParams: {
          ...localisedParams,
          ...(message.citizenName ? {} : { person: 'engagement_message.citizen' }),
        },
      });
    }
    const desk = await this.deskPersonOf(manager, message.engagementId);
    if (desk) {
      await this.notifications.queueInTransaction(manager, {
        ...common,
        userId: null,
        channel: 'sms',
        recipient: desk.phone,
        language: 'it',
        params: { ...params, who: named ?? renderMessage(`engagement_message.${message.side}`, 'it') },
      });
    }
  }

  /** Writes a message of a party (rules, limit, screening, moderation) and relays it if published. */
  private async write(manager: EntityManager, message: NewMessage): Promise<string> {
    const { party, side, senderUserId, senderName, body, via } = message;
    const completedAt = await this.messageRows.findEngagementCompletedAt(manager, party.id);
    const daysAfter = this.config.ENGAGEMENT_MESSAGES_DAYS_AFTER_COMPLETION;
    if (!messagesOpen(party.status as EngagementStatus, completedAt, new Date(), daysAfter)) {
      throw new DomainError('ENGAGEMENT_MESSAGES_CLOSED', { field: 'engagementId' });
    }
    await this.requireWithinHourlyLimit(manager, party.id, side, senderUserId);
    const held = messageHeldReasons(screenComment(body));
    const id = await this.messageRows.insertMessage(manager, {
      engagementId: party.id,
      senderUserId,
      side,
      via,
      bodyEncrypted: this.cipher.encrypt(body),
      senderNameEncrypted: senderName ? this.cipher.encrypt(senderName) : null,
    });
    const status = await this.moderation.submit(
      manager,
      {
        contentType: ContentType.ENGAGEMENT_MESSAGE,
        contentId: id,
        comuneIstat: party.comuneIstat,
        authorUserId: senderUserId,
        summary: body,
      },
      // Nothing for the queue unless screened; still reportable by the parties.
      held.length ? { hold: true } : { nothingToReview: true },
    );
    if (status === ModerationStatus.PUBLISHED) await this.relay(manager, id);
    return id;
  }

  /** At most ENGAGEMENT_MESSAGES_PER_SENDER_PER_HOUR per sender (a desk person: per thread). */
  private async requireWithinHourlyLimit(
    manager: EntityManager,
    engagementId: string,
    side: MessageSide,
    senderUserId: string | null,
  ): Promise<void> {
    const key = senderUserId ?? `${engagementId}:${side}`;
    // Concurrent sends of one sender take turns, so the count holds.
    await this.messageRows.lockSender(manager, key);
    const counted = await this.messageRows.countSentInLastHour(manager, senderUserId, engagementId, side);
    if (counted.sent >= this.config.ENGAGEMENT_MESSAGES_PER_SENDER_PER_HOUR && counted.oldest) {
      throw new DomainError('RATE_LIMITED', {
        field: 'body',
        params: { retryAfterSeconds: retryAfterSeconds(counted.oldest, new Date()) },
      });
    }
  }

  /** The number and first name of a person registered at the desk (no account) the need is for. */
  private async deskPersonOf(
    manager: EntityManager,
    engagementId: string,
  ): Promise<{ phone: string; firstName: string } | null> {
    const row = await this.messageRows.findDeskPerson(manager, engagementId);
    if (!row?.phoneEncrypted) return null;
    return {
      phone: this.cipher.decrypt(row.phoneEncrypted),
      firstName: this.cipher.decrypt(row.nameEncrypted).trim().split(/\s+/)[0],
    };
  }

  /** The name the other party knows the sender by; null for staff, or a name that is gone. */
  private senderName(row: MessageRow, language: Language | null): string | null {
    const name =
      row.side === MessageSide.STAFF
        ? null
        : row.senderNameEncrypted
          ? this.cipher.decrypt(row.senderNameEncrypted)
          : row.senderName;
    if (name || !language) return name || null;
    return renderMessage(`engagement_message.${row.side}`, language);
  }

  private toMessage(row: MessageRow, userId: string, language: Language): EngagementMessage {
    return {
      id: row.id,
      engagementId: row.engagementId,
      side: row.side,
      senderName: this.senderName(row, language) as string,
      mine: row.senderUserId === userId,
      body: this.cipher.decrypt(row.bodyEncrypted),
      viaSms: row.via === 'sms',
      moderationStatus: row.moderationStatus,
      createdAt: row.createdAt,
    };
  }
}
