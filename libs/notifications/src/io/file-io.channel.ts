import { Logger } from '@nestjs/common';
import { IoChannel, IoMessage, IoMessageStatus } from './io-channel';
import { JsonLinesFile } from '../delivery/json-lines-file';

/**
 * Development channel (the embedded default): everyone with a codice fiscale is taken to be on IO,
 * and each message is appended as one JSON line to a file the developer reads. The log line says
 * where, never the codice fiscale or the text.
 */
export class FileIoChannel implements IoChannel {
  readonly name = 'io-file';
  private readonly logger = new Logger('FileIoChannel');
  constructor(private readonly file: JsonLinesFile) {}

  async send(message: IoMessage): Promise<{ messageId: string }> {
    const line = {
      at: new Date().toISOString(),
      id: message.notificationId,
      fiscal_code: message.fiscalCode,
      content: { subject: message.subject, markdown: message.markdown },
    };
    await this.file.append(line);
    this.logger.log(`IO message written to ${this.file.path}`);
    return { messageId: `file:${message.notificationId}` };
  }

  status(): Promise<IoMessageStatus> {
    return Promise.resolve('PROCESSED');
  }
}
