import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CursorAt, keysetPageSql, onlyRow, Queryable } from '@prossimo/platform';
import { DataSource } from 'typeorm';

/** A message as stored: the words still encrypted. */
export interface CallMessageRow {
  id: string;
  callId: string;
  bodyEncrypted: string;
  recipientCount: number;
  createdAt: Date;
}

const MESSAGE_COLUMNS = `m.id, m.call_id AS "callId", m.body_encrypted AS "bodyEncrypted",
  m.recipient_count AS "recipientCount", m.created_at AS "createdAt"`;

/** call_messages: what a call's publisher wrote to the volunteers it accepted. */
@Injectable()
export class CallMessagesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insertMessage(
    db: Queryable,
    message: { callId: string; senderUserId: string; bodyEncrypted: string; recipientCount: number },
  ): Promise<string> {
    const row = await onlyRow<{ id: string }>(
      db,
      `INSERT INTO call_messages (call_id, sender_user_id, body_encrypted, recipient_count)
       VALUES ($1, $2, $3, $4) RETURNING id`,
      [message.callId, message.senderUserId, message.bodyEncrypted, message.recipientCount],
    );
    return row.id;
  }

  /** The call's messages of the last 24 hours: how many, and when the oldest of them was written. */
  async countSentInLastDay(db: Queryable, callId: string): Promise<{ sent: number; oldest: Date | null }> {
    return onlyRow<{ sent: number; oldest: Date | null }>(
      db,
      `SELECT count(*)::int AS sent, min(created_at) AS oldest
         FROM call_messages WHERE call_id = $1 AND created_at > now() - interval '24 hours'`,
      [callId],
    );
  }

  /** The call's messages, newest first (call_messages_call_idx); a page plus one. */
  async findMessagesPage(
    callId: string,
    args: { first: number; after?: string },
  ): Promise<(CallMessageRow & CursorAt)[]> {
    const params: unknown[] = [callId];
    const keyset = keysetPageSql({ at: 'm.created_at', id: 'm.id' }, 'DESC', args, params);
    return this.dataSource.query(
      `SELECT ${MESSAGE_COLUMNS}, ${keyset.cursorColumn} FROM call_messages m
        WHERE ${['m.call_id = $1', ...keyset.after].join(' AND ')} ${keyset.orderAndLimit}`,
      params,
    );
  }

  async findMessage(id: string): Promise<CallMessageRow> {
    return onlyRow<CallMessageRow>(
      this.dataSource,
      `SELECT ${MESSAGE_COLUMNS} FROM call_messages m WHERE m.id = $1`,
      [id],
    );
  }
}
