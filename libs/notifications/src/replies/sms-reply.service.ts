import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, maskPhone } from '@prossimo/platform';
import { DataSource, EntityManager } from 'typeorm';

export type SmsReplyAnswer = 'yes' | 'no';

export interface SmsReply {
  targetType: string;
  targetId: string;
  answer: SmsReplyAnswer;
  /** The phone the answer came from: the one the code was sent to. */
  phone: string;
}

/** Runs in the webhook's transaction; throw a DomainError to refuse (e.g. the proposal closed). */
export type SmsReplyHandler = (manager: EntityManager, reply: SmsReply) => Promise<void>;

export type InboundResult =
  | { result: 'accepted' | 'declined'; targetType: string; targetId: string }
  | { result: 'unrecognised' | 'unknown_code' }
  | { result: 'refused'; code: string };

const YES = new Set(['SI', 'SÌ', 'SÍ', 'S', 'YES', 'Y', 'OK']);
const NO = new Set(['NO', 'N']);

/** "SI AB3K", "sì ab3k", "No, AB3K." → answer and code; anything else → null. */
export function parseSmsReply(text: string): { answer: SmsReplyAnswer; code: string } | null {
  const words = text
    .normalize('NFC')
    .toUpperCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  if (words.length !== 2) return null;
  const [word, code] = words;
  if (!/^[A-Z0-9]{4,8}$/.test(code)) return null;
  if (YES.has(word)) return { answer: 'yes', code };
  if (NO.has(word)) return { answer: 'no', code };
  return null;
}

/**
 * Maps an SMS answer to what it answers. A code is honoured only from the phone it was sent to,
 * once, before it expires; the target's own library decides what the answer does.
 */
@Injectable()
export class SmsReplyService {
  private readonly logger = new Logger(SmsReplyService.name);
  private readonly handlers = new Map<string, SmsReplyHandler>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Libraries register a handler per target type (e.g. 'proposal') at module init. */
  register(targetType: string, handler: SmsReplyHandler): void {
    if (this.handlers.has(targetType)) throw new Error(`SMS reply handler registered twice: ${targetType}`);
    this.handlers.set(targetType, handler);
  }

  async handleInbound(from: string, text: string): Promise<InboundResult> {
    const parsed = parseSmsReply(text);
    if (!parsed) return { result: 'unrecognised' };
    const phone = from.startsWith('+') ? from : `+${from.replace(/^00/, '')}`;
    try {
      return await this.dataSource.transaction(async (manager) => {
        const [row]: { id: string; target_type: string; target_id: string }[] = await manager.query(
          `SELECT id, target_type, target_id FROM sms_reply_codes
            WHERE recipient_phone = $1 AND code = $2 AND used_at IS NULL AND expires_at > now()
            FOR UPDATE`,
          [phone, parsed.code],
        );
        const handler = row ? this.handlers.get(row.target_type) : undefined;
        if (!row || !handler) return { result: 'unknown_code' } as const;
        await manager.query(`UPDATE sms_reply_codes SET used_at = now(), answer = $2 WHERE id = $1`, [
          row.id,
          parsed.answer,
        ]);
        await handler(manager, {
          targetType: row.target_type,
          targetId: row.target_id,
          answer: parsed.answer,
          phone,
        });
        return {
          result: parsed.answer === 'yes' ? 'accepted' : 'declined',
          targetType: row.target_type,
          targetId: row.target_id,
        } as const;
      });
    } catch (error) {
      if (error instanceof DomainError) {
        this.logger.log(`SMS reply from ${maskPhone(phone)} refused: ${error.code}`);
        return { result: 'refused', code: error.code };
      }
      throw error;
    }
  }
}
