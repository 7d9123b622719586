export interface SmsMessage {
  /** The notification id: the gateway uses it to drop a repeated send. */
  idempotencyKey: string;
  to: string;
  text: string;
}

export interface SmsSendResult {
  gatewayMessageId: string;
  /** Which gateway took it, when there is more than one (receipts are matched per gateway). */
  gateway?: string;
}

export interface SmsChannel {
  readonly name: string;
  send(message: SmsMessage): Promise<SmsSendResult>;
  /**
   * The provider's record of a message by idempotency key: its result if the provider has it,
   * null if not. Absent when the provider offers no such lookup.
   */
  lookup?(idempotencyKey: string): Promise<SmsSendResult | null>;
}

export const SMS_CHANNEL = Symbol('SMS_CHANNEL');

/** The gateway refused the message for good (invalid number, blocked recipient): no retry. */
export class PermanentDeliveryError extends Error {}

/**
 * The request may have reached the provider, but no answer came (a timeout, a connection lost
 * after the request left): whether the message went out is unknown, so it is never simply sent
 * again (a provider that ignores Idempotency-Key would send it twice).
 */
export class DeliveryOutcomeUnknownError extends Error {}
