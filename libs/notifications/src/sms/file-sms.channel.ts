import { appendFile, mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Logger } from '@nestjs/common';
import { maskPhone } from '@prossimo/platform';
import { SmsChannel, SmsMessage, SmsSendResult } from './sms-channel';

/**
 * Development channel: appends each SMS as one JSON line to a file that the developer reads.
 * The log says that a message was written and where, never its text (it may hold a code).
 */
export class FileSmsChannel implements SmsChannel {
  readonly name = 'file';
  private readonly logger = new Logger('FileSmsChannel');
  readonly path: string;

  constructor(path: string) {
    this.path = resolve(path);
  }

  async send(message: SmsMessage): Promise<SmsSendResult> {
    await mkdir(dirname(this.path), { recursive: true });
    const line = {
      at: new Date().toISOString(),
      id: message.idempotencyKey,
      to: message.to,
      text: message.text,
    };
    await appendFile(this.path, JSON.stringify(line) + '\n', { mode: 0o600 });
    this.logger.log(`SMS to ${maskPhone(message.to)} written to ${this.path}`);
    return { gatewayMessageId: `file:${message.idempotencyKey}` };
  }
}
