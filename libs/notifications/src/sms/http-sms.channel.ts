import { PermanentDeliveryError, SmsChannel, SmsMessage, SmsSendResult } from './sms-channel';

export interface HttpSmsGatewayOptions {
  url: string;
  username?: string;
  password?: string;
  sender: string;
  timeoutMs: number;
}

/**
 * A REST SMS provider in the common style: POST JSON { from, to, text } with Basic auth and an
 * Idempotency-Key header; 2xx returns { id }. 4xx other than 408/429 is permanent, the rest retry.
 */
export class HttpSmsChannel implements SmsChannel {
  readonly name = 'http';

  constructor(private readonly options: HttpSmsGatewayOptions) {}

  async send(message: SmsMessage): Promise<SmsSendResult> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'idempotency-key': message.idempotencyKey,
    };
    if (this.options.username) {
      const credentials = `${this.options.username}:${this.options.password ?? ''}`;
      headers.authorization = `Basic ${Buffer.from(credentials).toString('base64')}`;
    }
    const response = await fetch(this.options.url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ from: this.options.sender, to: message.to, text: message.text }),
      signal: AbortSignal.timeout(this.options.timeoutMs),
    });
    if (response.ok) {
      const body = (await response.json().catch(() => ({}))) as { id?: unknown };
      if (typeof body.id !== 'string' || body.id === '')
        throw new Error('SMS gateway answered without a message id');
      return { gatewayMessageId: body.id };
    }
    const reason = `SMS gateway answered HTTP ${response.status}`;
    if (
      response.status >= 400 &&
      response.status < 500 &&
      response.status !== 408 &&
      response.status !== 429
    ) {
      throw new PermanentDeliveryError(reason);
    }
    throw new Error(reason);
  }
}
