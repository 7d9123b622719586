import { Logger } from '@nestjs/common';
import { EmailChannel, EmailMessage, emailMessageId } from './email-channel';
import { JsonLinesFile } from '../delivery/json-lines-file';

/** Development channel: each e-mail is one JSON line in a file; the log never shows the text. */
export class FileEmailChannel implements EmailChannel {
  readonly name = 'file';
  private readonly logger = new Logger('FileEmailChannel');
  constructor(private readonly file: JsonLinesFile) {}

  async send(message: EmailMessage): Promise<{ gatewayMessageId: string }> {
    const messageId = emailMessageId(message.idempotencyKey);
    const line = {
      at: new Date().toISOString(),
      messageId,
      to: message.to,
      subject: message.subject,
      text: message.text,
    };
    await this.file.append(line);
    this.logger.log(`E-mail written to ${this.file.path}`);
    return { gatewayMessageId: messageId };
  }
}
