import { appendFile, mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Logger } from '@nestjs/common';
import { IoChannel, IoMessage, IoMessageStatus } from './io-channel';

/**
 * Development channel (the embedded default): everyone with a codice fiscale is taken to be on IO,
 * and each message is appended as one JSON line to a file the developer reads. The log line says
 * where, never the codice fiscale or the text.
 */
export class FileIoChannel implements IoChannel {
  readonly name = 'io-file';
  private readonly logger = new Logger('FileIoChannel');
  readonly path: string;

  constructor(path: string) {
    this.path = resolve(path);
  }

  async send(message: IoMessage): Promise<{ messageId: string }> {
    await mkdir(dirname(this.path), { recursive: true });
    const line = {
      at: new Date().toISOString(),
      id: message.notificationId,
      fiscal_code: message.fiscalCode,
      content: { subject: message.subject, markdown: message.markdown },
    };
    await appendFile(this.path, JSON.stringify(line) + '\n', { mode: 0o600 });
    this.logger.log(`IO message written to ${this.path}`);
    return { messageId: `file:${message.notificationId}` };
  }

  status(): Promise<IoMessageStatus> {
    return Promise.resolve('PROCESSED');
  }
}
