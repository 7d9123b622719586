import { Agent as HttpAgent, request as httpRequest, IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import {
  DeliveryOutcomeUnknownError,
  PermanentDeliveryError,
  SmsChannel,
  SmsMessage,
  SmsSendResult,
} from './sms-channel';

/** Errors raised before the request could reach the provider: the message surely did not leave. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

export interface HttpSmsGatewayOptions {
  url: string;
  /** GET <statusUrl>/<idempotency key>: 200 { id } when the provider has the message, 404 when not. */
  statusUrl?: string;
  username?: string;
  password?: string;
  sender: string;
  timeoutMs: number;
  /** How long a kept-alive connection may stay idle before we close it (IDLE_SOCKET_MS). */
  idleSocketMs?: number;
}

/**
 * We close a kept-alive connection after this long idle, before the provider does: a server
 * closing an idle connection just as we send on it leaves that send without an answer, and a send
 * without an answer is never simply repeated (it may have gone out), so the message waits for a
 * status lookup or, without one, ends 'unknown'. Servers close idle connections after 5 s (Node's
 * default) to 60-75 s (load balancers, nginx).
 */
const IDLE_SOCKET_MS = 4000;

/**
 * A REST SMS provider in the common style: POST JSON { from, to, text } with Basic auth and an
 * Idempotency-Key header; 2xx returns { id }. 4xx other than 408/429 is permanent, an answered 5xx
 * (or a refused connection) is retried, and no answer at all (a timeout, a connection lost after
 * the request left) is a DeliveryOutcomeUnknownError: the message may have gone out. With a
 * status URL, lookup() asks the provider whether it has the message.
 */
export class HttpSmsChannel implements SmsChannel {
  readonly name = 'http';

  private readonly url: URL;
  // node:http with kept-alive connections: at hundreds of messages a second, fetch (undici and its
  // web streams) cost the worker several times the CPU per request.
  private readonly agent: HttpAgent;

  constructor(private readonly options: HttpSmsGatewayOptions) {
    this.url = new URL(options.url);
    // `timeout` closes a free (idle) socket; a request in flight keeps its own bound (timeoutMs).
    const agentOptions = { keepAlive: true, maxSockets: 64, timeout: options.idleSocketMs ?? IDLE_SOCKET_MS };
    this.agent = this.url.protocol === 'https:' ? new HttpsAgent(agentOptions) : new HttpAgent(agentOptions);
    const statusUrl = options.statusUrl;
    if (statusUrl) this.lookup = (idempotencyKey) => this.lookupByKey(statusUrl, idempotencyKey);
  }

  readonly lookup?: (idempotencyKey: string) => Promise<SmsSendResult | null>;

  async send(message: SmsMessage): Promise<SmsSendResult> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'idempotency-key': message.idempotencyKey,
      ...this.authorization(),
    };
    let response: { status: number; body: string };
    try {
      response = await this.exchange(
        this.url,
        'POST',
        headers,
        JSON.stringify({ from: this.options.sender, to: message.to, text: message.text }),
      );
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code && NOT_SENT_CODES.has(code)) throw error;
      throw new DeliveryOutcomeUnknownError(`SMS gateway gave no answer: ${(error as Error).message}`);
    }
    if (response.status >= 200 && response.status < 300)
      return { gatewayMessageId: messageIdOf(response.body) };
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

  private async lookupByKey(statusUrl: string, idempotencyKey: string): Promise<SmsSendResult | null> {
    const url = new URL(`${statusUrl.replace(/\/$/, '')}/${encodeURIComponent(idempotencyKey)}`);
    const response = await this.exchange(url, 'GET', this.authorization(), '');
    if (response.status === 404) return null;
    if (response.status >= 200 && response.status < 300)
      return { gatewayMessageId: messageIdOf(response.body) };
    throw new Error(`SMS gateway status lookup answered HTTP ${response.status}`);
  }

  private authorization(): Record<string, string> {
    if (!this.options.username) return {};
    const credentials = `${this.options.username}:${this.options.password ?? ''}`;
    return { authorization: `Basic ${Buffer.from(credentials).toString('base64')}` };
  }

  /** One request; rejects on a network error or when the whole exchange exceeds the timeout. */
  private exchange(
    url: URL,
    method: 'GET' | 'POST',
    headers: Record<string, string>,
    body: string,
  ): Promise<{ status: number; body: string }> {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const request = send(
        url,
        {
          method,
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

function messageIdOf(body: string): string {
  let parsed: { id?: unknown } = {};
  try {
    parsed = JSON.parse(body) as { id?: unknown };
  } catch {
    // Not JSON: no message id, handled below.
  }
  // It answered 2xx: it took the message, whose id we now lack.
  if (typeof parsed.id !== 'string' || parsed.id === '') {
    throw new DeliveryOutcomeUnknownError('SMS gateway answered without a message id');
  }
  return parsed.id;
}
