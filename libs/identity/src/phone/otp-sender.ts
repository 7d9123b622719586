import { Language } from '@prossimo/platform';
import { EntityManager } from 'typeorm';

/** A one-time sign-in code to send to a phone, in the recipient's language. */
export interface OtpMessage {
  /** The account of the number, when it has one. */
  userId: string | null;
  phone: string;
  code: string;
  validForMinutes: number;
  language: Language;
}

/**
 * The port through which identity sends sign-in codes. Identity owns it so that it depends on no
 * delivery library; notifications implements it (and is free to depend on identity).
 */
export interface OtpSender {
  /** Queues the code in the caller's transaction: it leaves only if the challenge is committed. */
  queueInTransaction(manager: EntityManager, message: OtpMessage): Promise<void>;
}

/** Injection token of the OtpSender; a global module of the composing app provides it. */
export const OTP_SENDER = Symbol('OTP_SENDER');
