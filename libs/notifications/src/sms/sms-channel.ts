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
}

export const SMS_CHANNEL = Symbol('SMS_CHANNEL');

/** The gateway refused the message for good (invalid number, blocked recipient): no retry. */
export class PermanentDeliveryError extends Error {}
