import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, maskPhone } from '@prossimo/platform';
import { DataSource, EntityManager } from 'typeorm';
import { SmsReplyCodesRepository } from './sms-reply-codes.repository';

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

export interface SmsTextReply {
  targetType: string;
  targetId: string;
  /** The words of the reply, without the reference code if it started with one. */
  text: string;
  phone: string;
}

/** Free text answering a conversation (e.g. an engagement's messages); same transaction and refusals. */
export type SmsTextHandler = (manager: EntityManager, reply: SmsTextReply) => Promise<void>;

export type InboundResult =
  | { result: 'accepted' | 'declined'; targetType: string; targetId: string }
  | { result: 'relayed'; targetType: string; targetId: string }
  | { result: 'unrecognised' | 'unknown_code' }
  | { result: 'refused'; code: string };

/** "AB3K ci vediamo alle 10" → the first word as a possible reference code, and the rest. */
export function splitReference(text: string): { reference: string | null; rest: string } {
  const match = /^\s*(?:rif\.?\s*|ref\.?\s*)?([A-Za-z0-9]{4,8})\b[\s:,.-]*([\s\S]*)$/iu.exec(text);
  if (!match) return { reference: null, rest: text.trim() };
  return { reference: match[1].toUpperCase(), rest: match[2].trim() };
}

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
  private readonly textHandlers = new Map<string, SmsTextHandler>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly codes: SmsReplyCodesRepository,
  ) {}

  /** Libraries register a handler per target type (e.g. 'proposal') at module init. */
  register(targetType: string, handler: SmsReplyHandler): void {
    if (this.handlers.has(targetType)) throw new Error(`SMS reply handler registered twice: ${targetType}`);
    this.handlers.set(targetType, handler);
  }

  /**
   * A library registers a conversation type whose open codes take free-text replies: a reply that
   * is not "SI/NO <code>" goes to the conversation named by its first word (a code sent to that
   * phone), else to the one most recently written to that phone.
   */
  registerText(targetType: string, handler: SmsTextHandler): void {
    if (this.textHandlers.has(targetType))
      throw new Error(`SMS text handler registered twice: ${targetType}`);
    this.textHandlers.set(targetType, handler);
  }

  async handleInbound(from: string, text: string): Promise<InboundResult> {
    const parsed = parseSmsReply(text);
    const phone = from.startsWith('+') ? from : `+${from.replace(/^00/, '')}`;
    if (!parsed && !this.textHandlers.size) return { result: 'unrecognised' };
    try {
      return await this.dataSource.transaction(async (manager) => {
        const row = parsed ? await this.codes.lockOpenCode(manager, phone, parsed.code) : undefined;
        const handler = row ? this.handlers.get(row.target_type) : undefined;
        // "Sì, grazie" parses as a yes with the code GRAZIE: it may be words for a conversation.
        if (!parsed || !row || !handler) {
          const relayed = await this.relayText(manager, phone, text);
          if (relayed) return relayed;
          return { result: parsed ? 'unknown_code' : 'unrecognised' } as const;
        }
        await this.codes.markUsed(manager, row.id, parsed.answer);
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

  /** Free text to the conversation it names, or to the one last written to this phone. */
  private async relayText(
    manager: EntityManager,
    phone: string,
    text: string,
  ): Promise<InboundResult | null> {
    const types = [...this.textHandlers.keys()];
    if (!types.length) return null;
    const { reference, rest } = splitReference(text);
    const named = reference
      ? await this.codes.findOpenConversation(manager, phone, types, reference)
      : undefined;
    const target = named ?? (await this.codes.findOpenConversation(manager, phone, types, null));
    if (!target) return null;
    const words = (named ? rest : text).trim();
    if (!words) return null;
    await (this.textHandlers.get(target.target_type) as SmsTextHandler)(manager, {
      targetType: target.target_type,
      targetId: target.target_id,
      text: words,
      phone,
    });
    return { result: 'relayed', targetType: target.target_type, targetId: target.target_id };
  }
}
