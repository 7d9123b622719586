import { createTransport, Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { PermanentDeliveryError } from '../sms/sms-channel';
import { EmailChannel, EmailMessage, emailMessageId } from './email-channel';

export interface SmtpEmailOptions {
  url: string;
  from: string;
  timeoutMs: number;
}

/**
 * E-mail through an SMTP relay with nodemailer (pooled connections). A 5xx answer (unknown
 * mailbox, refused address) is permanent; connection errors and 4xx answers are retried.
 */
export class SmtpEmailChannel implements EmailChannel {
  readonly name = 'smtp';
  private readonly transport: Transporter;

  constructor(private readonly options: SmtpEmailOptions) {
    // The URL carries host, port, TLS and credentials; pooling and timeouts are ours.
    const settings: SMTPPool.Options & { url: string } = {
      url: options.url,
      pool: true,
      maxConnections: 5,
      connectionTimeout: options.timeoutMs,
      greetingTimeout: options.timeoutMs,
      socketTimeout: options.timeoutMs,
    };
    this.transport = createTransport(settings);
  }

  async send(message: EmailMessage): Promise<{ gatewayMessageId: string }> {
    const messageId = emailMessageId(message.idempotencyKey);
    try {
      const info = await this.transport.sendMail({
        from: this.options.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        messageId,
        headers: { 'X-Prossimo-Notification': message.idempotencyKey },
      });
      if (info.rejected?.length) throw new PermanentDeliveryError('SMTP server refused the recipient');
      return { gatewayMessageId: info.messageId || messageId };
    } catch (error) {
      const responseCode = (error as { responseCode?: number }).responseCode;
      if (responseCode && responseCode >= 500 && responseCode < 600) {
        throw new PermanentDeliveryError(`SMTP server answered ${responseCode}`);
      }
      throw error;
    }
  }

  close(): void {
    this.transport.close();
  }
}
