import { randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

export interface ReceivedSms {
  id: string;
  idempotencyKey: string;
  from: string;
  to: string;
  text: string;
  receivedAt: number;
}

/**
 * A real HTTP SMS provider on loopback, as our HTTP channel expects one: POST JSON with Basic auth
 * and an Idempotency-Key. It records every request (also repeats) so tests can count exactly.
 */
export class LoopbackSmsGateway {
  readonly requests: { idempotencyKey: string; status: number }[] = [];
  readonly delivered: ReceivedSms[] = [];
  lookups = 0;
  private readonly byKey = new Map<string, ReceivedSms>();
  private failures: { remaining: number; status: number } = { remaining: 0, status: 500 };
  private holds: { remaining: number; ms: number } = { remaining: 0, ms: 0 };
  private lookupFailures = 0;
  /** As a provider that ignores Idempotency-Key: every request is a new message. */
  ignoreIdempotencyKey = false;
  private server?: Server;
  private waiters: (() => void)[] = [];
  constructor(
    readonly username = 'prossimo',
    readonly password = 'gateway-secret',
  ) {}

  get url(): string {
    const address = this.server?.address() as AddressInfo;
    return `http://127.0.0.1:${address.port}/sms`;
  }

  /** Its status lookup: GET <statusUrl>/<idempotency key>. */
  get statusUrl(): string {
    return this.url;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    // Keep-alive connections (a client's pool, the fault tests' link) would hold close() open.
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The next `count` requests answer `status` (500: transient, 400: permanent). */
  failNext(count: number, status = 500): void {
    this.failures = { remaining: count, status };
  }

  /** The next `count` status lookups answer 503 (the provider's status service is down). */
  failNextLookups(count: number): void {
    this.lookupFailures = count;
  }

  /** The next `count` messages are taken at once but answered only after `ms` (the client times out). */
  holdNext(count: number, ms: number): void {
    this.holds = { remaining: count, ms };
  }

  messagesTo(phone: string): ReceivedSms[] {
    return this.delivered.filter((message) => message.to === phone);
  }

  async waitFor(predicate: () => boolean, timeoutMs = 15000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error('Timed out waiting for the SMS gateway');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 100);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /**
   * The code of the first message with one among those after the first previousCount. Other
   * messages to the number (an organisation's invitation relayed by the worker) may arrive in
   * between, in either order.
   */
  async waitForCode(phone: string, previousCount = 0): Promise<string> {
    const firstCode = () =>
      this.messagesTo(phone)
        .slice(previousCount)
        // The verification message's own code: other messages to the number (an invitation naming
        // an organisation with digits in its name) may hold six digits too and arrive in between.
        .map((message) => /\b(?:verifica|verification code)\D{0,12}(\d{6})\b/.exec(message.text)?.[1])
        .find((code) => code !== undefined);
    try {
      // A loaded CI machine (Chromium, the api and the worker on two cores) may take seconds to relay it.
      await this.waitFor(() => firstCode() !== undefined, 30000);
    } catch {
      const texts = this.messagesTo(phone)
        .slice(previousCount)
        .map((message) => message.text);
      throw new Error(`No code in SMS to ${phone} after ${previousCount}: ${JSON.stringify(texts)}`);
    }
    return firstCode()!;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const idempotencyKey = String(req.headers['idempotency-key'] ?? '');
    const expectedAuth = `Basic ${Buffer.from(`${this.username}:${this.password}`).toString('base64')}`;
    const reply = (status: number, body: unknown) => {
      this.requests.push({ idempotencyKey, status });
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
      this.waiters.splice(0).forEach((wake) => wake());
    };
    if (req.headers.authorization !== expectedAuth) return reply(401, { error: 'unauthorised' });
    // The status lookup by idempotency key: GET /sms/<key>.
    const lookup = req.method === 'GET' ? /^\/sms\/([^/?]+)$/.exec(req.url ?? '') : null;
    if (lookup) {
      this.lookups++;
      if (this.lookupFailures > 0) {
        this.lookupFailures -= 1;
        res.writeHead(503, { 'content-type': 'application/json' });
        res.end('{"error":"injected failure"}');
        return;
      }
      const known = this.byKey.get(decodeURIComponent(lookup[1]));
      res.writeHead(known ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify(known ? { id: known.id } : { error: 'not found' }));
      return;
    }
    if (req.method !== 'POST') return reply(405, { error: 'method not allowed' });
    if (this.failures.remaining > 0) {
      this.failures.remaining -= 1;
      return reply(this.failures.status, { error: 'injected failure' });
    }
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
      from: string;
      to: string;
      text: string;
    };
    const existing = this.ignoreIdempotencyKey ? undefined : this.byKey.get(idempotencyKey);
    if (existing) return reply(200, { id: existing.id, duplicate: true });
    const message: ReceivedSms = {
      // Unique across gateways: test files share one database, where ids are looked up.
      id: `gw-${randomUUID()}`,
      idempotencyKey,
      from: body.from,
      to: body.to,
      text: body.text,
      receivedAt: Date.now(),
    };
    this.byKey.set(idempotencyKey, message);
    this.delivered.push(message);
    if (this.holds.remaining > 0) {
      this.holds.remaining -= 1;
      setTimeout(() => reply(200, { id: message.id }), this.holds.ms);
      return;
    }
    return reply(200, { id: message.id });
  }
}
