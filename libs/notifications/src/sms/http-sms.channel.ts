import { Agent as HttpAgent, request as httpRequest, IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
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

  private readonly url: URL;
  // node:http with kept-alive connections: at hundreds of messages a second, fetch (undici and its
  // web streams) cost the worker several times the CPU per request.
  private readonly agent: HttpAgent;

  constructor(private readonly options: HttpSmsGatewayOptions) {
    this.url = new URL(options.url);
    const agentOptions = { keepAlive: true, maxSockets: 64 };
    this.agent = this.url.protocol === 'https:' ? new HttpsAgent(agentOptions) : new HttpAgent(agentOptions);
  }

  async send(message: SmsMessage): Promise<SmsSendResult> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'idempotency-key': message.idempotencyKey,
    };
    if (this.options.username) {
      const credentials = `${this.options.username}:${this.options.password ?? ''}`;
      headers.authorization = `Basic ${Buffer.from(credentials).toString('base64')}`;
    }
    const response = await this.post(
      headers,
      JSON.stringify({ from: this.options.sender, to: message.to, text: message.text }),
    );
    if (response.status >= 200 && response.status < 300) {
      let body: { id?: unknown } = {};
      try {
        body = JSON.parse(response.body) as { id?: unknown };
      } catch {
        // Not JSON: no message id, handled below.
      }
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

  /** One POST; rejects on a network error or when the whole exchange exceeds the timeout. */
  private post(headers: Record<string, string>, body: string): Promise<{ status: number; body: string }> {
    const send = this.url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const request = send(
        this.url,
        {
          method: 'POST',
          agent: this.agent,
          headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
          signal: AbortSignal.timeout(this.options.timeoutMs),
        },
        (response: IncomingMessage) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
          );
          response.on('error', reject);
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  }
}
