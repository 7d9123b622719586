import { Logger } from '@nestjs/common';
import { maskPhone } from '@prossimo/platform';
import { SmsChannel, SmsMessage, SmsSendResult } from './sms-channel';
import { JsonLinesFile } from '../delivery/json-lines-file';

/**
 * Development channel: appends each SMS as one JSON line to a file that the developer reads.
 * The log says that a message was written and where, never its text (it may hold a code).
 */
export class FileSmsChannel implements SmsChannel {
  readonly name = 'file';
  private readonly logger = new Logger('FileSmsChannel');
  constructor(private readonly file: JsonLinesFile) {}

  async send(message: SmsMessage): Promise<SmsSendResult> {
    const line = {
      at: new Date().toISOString(),
      id: message.idempotencyKey,
      to: message.to,
      text: message.text,
    };
    await this.file.append(line);
    this.logger.log(`SMS to ${maskPhone(message.to)} written to ${this.file.path}`);
    return { gatewayMessageId: `file:${message.idempotencyKey}` };
  }
}
