export interface IoMessage {
  /** The notification id (IO has no idempotency key: see IoDeliveryProcessor). */
  notificationId: string;
  fiscalCode: string;
  subject: string;
  markdown: string;
}

/** IO's processing status of an accepted message (NotRejectedMessageStatusValue, or REJECTED). */
export type IoMessageStatus = 'ACCEPTED' | 'THROTTLED' | 'FAILED' | 'PROCESSED' | 'REJECTED';

export interface IoChannel {
  readonly name: string;
  /**
   * Checks the profile (the person is on IO and accepts messages from this service), then submits
   * the message. IoRecipientUnreachableError when the person cannot be reached through IO.
   */
  send(message: IoMessage): Promise<{ messageId: string }>;
  /** The message's status at IO (the file channel: always PROCESSED). */
  status(fiscalCode: string, messageId: string): Promise<IoMessageStatus>;
}

export const IO_CHANNEL = Symbol('IO_CHANNEL');

/** Not on IO (404), or sender_allowed false: the person's next channel takes the message. */
export class IoRecipientUnreachableError extends Error {
  constructor(readonly reason: 'not_on_io' | 'sender_not_allowed') {
    super(
      reason === 'not_on_io'
        ? 'The person is not on IO'
        : 'The person does not accept messages from this service on IO',
    );
  }
}
