import { Injectable } from '@nestjs/common';
import { firstRow, Queryable } from '@prossimo/platform';

/** An open reply code, as an answer finds it. */
export interface OpenReplyCode {
  id: string;
  target_type: string;
  target_id: string;
}

/** What a conversation's free-text reply goes to. */
export interface ReplyTarget {
  target_type: string;
  target_id: string;
}

/** The SMS reply codes as inbound answers use them; each method runs in the webhook's transaction. */
@Injectable()
export class SmsReplyCodesRepository {
  /** The phone's open, unexpired code, locked until the transaction ends. */
  async lockOpenCode(db: Queryable, phone: string, code: string): Promise<OpenReplyCode | undefined> {
    return firstRow<OpenReplyCode>(
      db,
      `SELECT id, target_type, target_id FROM sms_reply_codes
                WHERE recipient_phone = $1 AND code = $2 AND used_at IS NULL AND expires_at > now()
                FOR UPDATE`,
      [phone, code],
    );
  }

  async markUsed(db: Queryable, id: string, answer: string): Promise<void> {
    await db.query(`UPDATE sms_reply_codes SET used_at = now(), answer = $2 WHERE id = $1`, [id, answer]);
  }

  /**
   * The phone's open conversation of these types, last to expire first: the one with this code
   * (`reference`), or any when `reference` is null.
   */
  async findOpenConversation(
    db: Queryable,
    phone: string,
    types: string[],
    reference: string | null,
  ): Promise<ReplyTarget | undefined> {
    const byCode = reference !== null;
    return firstRow<ReplyTarget>(
      db,
      `SELECT target_type, target_id FROM sms_reply_codes
          WHERE recipient_phone = $1 AND target_type = ANY($2::text[]) AND used_at IS NULL AND expires_at > now()
            ${byCode ? 'AND code = $3' : ''}
          ORDER BY expires_at DESC, created_at DESC LIMIT 1`,
      byCode ? [phone, types, reference] : [phone, types],
    );
  }
}
