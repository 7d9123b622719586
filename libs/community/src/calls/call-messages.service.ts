import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthenticatedUser } from '@prossimo/identity';
import { NotificationsService } from '@prossimo/notifications';
import { DomainError, FieldCipher, Page, toKeysetPage, writeAudit } from '@prossimo/platform';
import { firstTerritoryOf } from '@prossimo/territory';
import { DataSource } from 'typeorm';
import { todayInRome } from '../availability/time-windows';
import {
  CALL_MESSAGES_PER_DAY,
  callMessageIsUrgent,
  callMessageRetryAfterSeconds,
} from './call-message-rules';
import { CallPublishers } from './call-publishers';
import {
  CallAnswerStatus,
  CallMessage,
  CallMessagesArgs,
  CallPublisher,
  CallPublisherKind,
  SendCallMessageInput,
} from './call.types';
import { CallMessageRow, CallMessagesRepository } from './call-messages.repository';
import { CallsRepository } from './calls.repository';

/**
 * The publisher's word to the volunteers it accepted for a call (where to meet, what to bring):
 * one message to all of them, in the app and on their channels, signed by the organisation or the
 * Comune. It is not moderated: the publisher is accredited or is the Comune, and each message is
 * in the audit trail (without its words). Volunteers accepted later read the earlier messages too.
 */
@Injectable()
export class CallMessagesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: FieldCipher,
    private readonly publishers: CallPublishers,
    private readonly calls: CallsRepository,
    private readonly messages: CallMessagesRepository,
    private readonly notifications: NotificationsService,
  ) {}

  async send(user: AuthenticatedUser, input: SendCallMessageInput): Promise<CallMessage> {
    const body = input.body.trim();
    if (!body) throw new DomainError('FIELD_REQUIRED', { field: 'body', params: { field: 'body' } });
    const id = await this.dataSource.transaction(async (manager) => {
      // The call's row lock makes a publisher's concurrent sends take turns, so the count holds.
      const call = await this.publishers.lockCall(manager, input.callId);
      await this.publishers.requirePublisher(user, call, manager);
      const recipients = await this.calls.findAnswerers(manager, call.id, CallAnswerStatus.ACCEPTED);
      if (!recipients.length) throw new DomainError('CALL_NO_ACCEPTED_VOLUNTEERS', { field: 'callId' });
      const counted = await this.messages.countSentInLastDay(manager, call.id);
      if (counted.sent >= CALL_MESSAGES_PER_DAY && counted.oldest) {
        throw new DomainError('RATE_LIMITED', {
          field: 'body',
          params: { retryAfterSeconds: callMessageRetryAfterSeconds(counted.oldest, new Date()) },
        });
      }
      const messageId = await this.messages.insertMessage(manager, {
        callId: call.id,
        senderUserId: user.userId,
        bodyEncrypted: this.cipher.encrypt(body),
        recipientCount: recipients.length,
      });
      const details = await this.calls.findCall(call.id);
      const urgent = callMessageIsUrgent(details, todayInRome());
      for (const volunteer of recipients) {
        await this.notifications.notifyUser(manager, {
          userId: volunteer.userId,
          event: 'call_message',
          urgent,
          params: { summary: call.title, organisation: signatureOf(details.publisher), text: body },
          ref: `call:${call.id}:messages`,
        });
      }
      await writeAudit(manager, {
        actorUserId: user.userId,
        action: 'call_message.sent',
        entityType: 'call_to_action',
        entityId: call.id,
        territoryId: await firstTerritoryOf(manager, call.comuneIstats[0]),
        details: { messageId, recipients: recipients.length },
      });
      return messageId;
    });
    return this.toMessage(await this.messages.findMessage(id));
  }

  /** The call's messages, newest first: for its publisher, and for the volunteers it accepted. */
  async list(user: AuthenticatedUser, args: CallMessagesArgs): Promise<Page<CallMessage>> {
    const manager = this.dataSource.manager;
    const call = await this.publishers.lockCall(manager, args.callId, false);
    if (!(await this.calls.hasAnswerWithStatus(call.id, user.userId, CallAnswerStatus.ACCEPTED))) {
      await this.publishers.requirePublisher(user, call, manager);
    }
    const rows = await this.messages.findMessagesPage(call.id, args);
    return toKeysetPage(rows, args.first, (row) => this.toMessage(row));
  }

  private toMessage(row: CallMessageRow): CallMessage {
    return {
      id: row.id,
      callId: row.callId,
      body: this.cipher.decrypt(row.bodyEncrypted),
      recipientCount: row.recipientCount,
      createdAt: row.createdAt,
    };
  }
}

/** Who signs: the organisation by its name, the Comune as "Comune di Bra" (so in English too). */
function signatureOf(publisher: CallPublisher): string {
  return publisher.kind === CallPublisherKind.COMUNE ? `Comune di ${publisher.name}` : publisher.name;
}
