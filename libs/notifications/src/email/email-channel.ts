export interface EmailMessage {
  /** The notification id: it becomes the Message-ID, so a repeated send is recognisable. */
  idempotencyKey: string;
  to: string;
  subject: string;
  text: string;
}

export interface EmailChannel {
  readonly name: string;
  /** Returns the Message-ID the server accepted. */
  send(message: EmailMessage): Promise<{ gatewayMessageId: string }>;
  close?(): void;
}

export const EMAIL_CHANNEL = Symbol('EMAIL_CHANNEL');

/** A stable Message-ID per notification: receivers and our records can tell a repeat. */
export function emailMessageId(idempotencyKey: string): string {
  return `<${idempotencyKey}@notifications.prossimo>`;
}

/**
 * The subject and the body travel in one encrypted column: the subject is the first line
 * (templates never put a line break in a subject).
 */
export function joinEmail(subject: string, text: string): string {
  return `${subject.replace(/[\r\n]+/g, ' ')}\n${text}`;
}

export function splitEmail(stored: string): { subject: string; text: string } {
  const newline = stored.indexOf('\n');
  if (newline < 0) return { subject: stored, text: '' };
  return { subject: stored.slice(0, newline), text: stored.slice(newline + 1) };
}
