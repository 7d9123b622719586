import { appendFile, mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Logger } from '@nestjs/common';
import { EmailChannel, EmailMessage, emailMessageId } from './email-channel';

/** Development channel: each e-mail is one JSON line in a file; the log never shows the text. */
export class FileEmailChannel implements EmailChannel {
  readonly name = 'file';
  private readonly logger = new Logger('FileEmailChannel');
  readonly path: string;

  constructor(path: string) {
    this.path = resolve(path);
  }

  async send(message: EmailMessage): Promise<{ gatewayMessageId: string }> {
    await mkdir(dirname(this.path), { recursive: true });
    const messageId = emailMessageId(message.idempotencyKey);
    const line = {
      at: new Date().toISOString(),
      messageId,
      to: message.to,
      subject: message.subject,
      text: message.text,
    };
    await appendFile(this.path, JSON.stringify(line) + '\n', { mode: 0o600 });
    this.logger.log(`E-mail written to ${this.path}`);
    return { gatewayMessageId: messageId };
  }
}
