import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ContentType, joinModerationItemSql, ModerationStatus } from '@prossimo/moderation';
import { CursorAt, firstRow, keysetPageSql, onlyRow, PageArgs, Queryable } from '@prossimo/platform';
import { DataSource } from 'typeorm';
import { EngagementStatus } from '../engagements/engagement-rules';
import { MessageSide } from './message-rules';
import { joinBeneficiaryOfNeedSql, joinNeedSql } from '@prossimo/requests';
import { leftJoinVolunteerSql } from '@prossimo/community';
import { displayNameOfUserSql, leftJoinUserSql } from '@prossimo/identity';
import { joinOrganisationSql } from '@prossimo/directory';

/** A message's sender as the other party knows them: the volunteer's or organisation's name, the
 * citizen's display name, or the name kept with it (no account: the desk person's first name, the
 * family contact's name). */
const MESSAGE_FROM = `FROM engagement_messages m
  JOIN engagements e ON e.id = m.engagement_id
  ${joinNeedSql('e.need_id')}
  ${joinBeneficiaryOfNeedSql()}
  ${leftJoinVolunteerSql('e.volunteer_id')}
  ${joinOrganisationSql('o', 'e.organisation_id', 'LEFT JOIN')}
  ${leftJoinUserSql('su', 'm.sender_user_id')}
  ${joinModerationItemSql(ContentType.ENGAGEMENT_MESSAGE, 'm.id')}`;

const MESSAGE_COLUMNS = `m.id, m.engagement_id AS "engagementId", m.sender_side AS side, m.sender_user_id AS "senderUserId",
  m.via, m.body_encrypted AS "bodyEncrypted", m.created_at AS "createdAt", mi.status AS "moderationStatus",
  CASE m.sender_side WHEN 'helper' THEN coalesce(o.name, v.display_name) WHEN 'citizen' THEN su.display_name END AS "senderName",
  m.sender_name_encrypted AS "senderNameEncrypted"`;

export interface MessageRow {
  id: string;
  engagementId: string;
  side: MessageSide;
  senderUserId: string | null;
  via: 'app' | 'sms';
  bodyEncrypted: string;
  createdAt: Date;
  moderationStatus: ModerationStatus;
  senderName: string | null;
  senderNameEncrypted: string | null;
}

/** A message to relay, with the engagement's parties and what the notice says. */
export type MessageToRelayRow = MessageRow & {
  helperUserId: string;
  authorUserId: string | null;
  beneficiaryUserId: string | null;
  citizenName: string | null;
  summary: string;
  startsAt: Date;
  engagementStatus: EngagementStatus;
};

/** A message as written (body and sender name already encrypted). */
export interface MessageToInsert {
  engagementId: string;
  senderUserId: string | null;
  side: MessageSide;
  via: 'app' | 'sms';
  bodyEncrypted: string;
  senderNameEncrypted: string | null;
}

/**
 * The engagement_messages table. Joins other libraries' rows through their owners' parts: the need
 * and its beneficiary (requests), the volunteer (community), the organisation (directory), the
 * sender's account (identity), the message's moderation item (moderation).
 */
@Injectable()
export class EngagementMessagesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * A thread, newest first, a page plus one: every message, or (visibleTo) the published ones
   * and that user's own.
   */
  async findThreadPage(
    manager: Queryable,
    engagementId: string,
    visibleTo: string | null,
    args: PageArgs,
  ): Promise<(MessageRow & CursorAt)[]> {
    const params: unknown[] = [engagementId];
    const conditions = ['m.engagement_id = $1'];
    if (visibleTo !== null) {
      params.push(visibleTo);
      conditions.push(`(mi.status = 'published' OR m.sender_user_id = $2)`);
    }
    const keyset = keysetPageSql({ at: 'm.created_at', id: 'm.id' }, 'DESC', args, params);
    conditions.push(...keyset.after);
    return manager.query(
      `SELECT ${MESSAGE_COLUMNS}, ${keyset.cursorColumn} ${MESSAGE_FROM}
        WHERE ${conditions.join(' AND ')} ${keyset.orderAndLimit}`,
      params,
    );
  }

  async findMessage(messageId: string): Promise<MessageRow> {
    const row = await onlyRow<MessageRow>(
      this.dataSource,
      `SELECT ${MESSAGE_COLUMNS} ${MESSAGE_FROM} WHERE m.id = $1`,
      [messageId],
    );
    return row;
  }

  /** A message not yet relayed, locked (FOR UPDATE) so that it is relayed once. */
  async lockMessageToRelay(manager: Queryable, messageId: string): Promise<MessageToRelayRow | undefined> {
    const message = await firstRow<MessageToRelayRow>(
      manager,
      `SELECT ${MESSAGE_COLUMNS}, e.helper_user_id AS "helperUserId", lower(e.during) AS "startsAt",
              e.status AS "engagementStatus",
              CASE WHEN n.source = 'citizen' THEN n.author_user_id END AS "authorUserId",
              b.user_id AS "beneficiaryUserId", n.description AS summary,
              ${displayNameOfUserSql('coalesce(b.user_id, n.author_user_id)')} AS "citizenName"
         ${MESSAGE_FROM} WHERE m.id = $1 AND m.relayed_at IS NULL FOR UPDATE OF m`,
      [messageId],
    );
    return message;
  }

  async markRelayed(manager: Queryable, messageId: string): Promise<void> {
    await manager.query(`UPDATE engagement_messages SET relayed_at = now() WHERE id = $1`, [messageId]);
  }

  /** When the engagement was completed (null: not yet). */
  async findEngagementCompletedAt(manager: Queryable, engagementId: string): Promise<Date | null> {
    const engagement = await onlyRow<{ completedAt: Date | null }>(
      manager,
      `SELECT completed_at AS "completedAt" FROM engagements WHERE id = $1`,
      [engagementId],
    );
    return engagement.completedAt;
  }

  async insertMessage(manager: Queryable, message: MessageToInsert): Promise<string> {
    const row = await onlyRow<{ id: string }>(
      manager,
      `INSERT INTO engagement_messages (engagement_id, sender_user_id, sender_side, via, body_encrypted,
                                        sender_name_encrypted)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [
        message.engagementId,
        message.senderUserId,
        message.side,
        message.via,
        message.bodyEncrypted,
        message.senderNameEncrypted,
      ],
    );
    return row.id;
  }

  /** Serialises a sender's concurrent sends (a transaction-scoped advisory lock). */
  async lockSender(manager: Queryable, senderKey: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`prossimo:messages:${senderKey}`]);
  }

  /**
   * Messages of a sender in the last hour, and the oldest of them: by account, or (no account)
   * by engagement and side.
   */
  async countSentInLastHour(
    manager: Queryable,
    senderUserId: string | null,
    engagementId: string,
    side: MessageSide,
  ): Promise<{ sent: number; oldest: Date | null }> {
    const counted = await onlyRow<{ sent: number; oldest: Date | null }>(
      manager,
      `SELECT count(*)::int AS sent, min(created_at) AS oldest FROM engagement_messages
        WHERE created_at > now() - interval '1 hour'
          AND ${senderUserId ? 'sender_user_id = $1' : 'sender_user_id IS NULL AND engagement_id = $1 AND sender_side = $2'}`,
      senderUserId ? [senderUserId] : [engagementId, side],
    );
    return counted;
  }

  /** Reads needs and beneficiaries (requests' joins): the desk person (no account) the need is for. */
  async findDeskPerson(
    manager: Queryable,
    engagementId: string,
  ): Promise<{ phoneEncrypted: string | null; nameEncrypted: string } | undefined> {
    const row = await firstRow<{ phoneEncrypted: string | null; nameEncrypted: string }>(
      manager,
      `SELECT b.phone_encrypted AS "phoneEncrypted", b.full_name_encrypted AS "nameEncrypted"
         FROM engagements e ${joinNeedSql('e.need_id')} ${joinBeneficiaryOfNeedSql('JOIN')}
        WHERE e.id = $1 AND b.kind = 'desk' AND b.user_id IS NULL`,
      [engagementId],
    );
    return row;
  }
}
