import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

const CONTRACT_PATH = join(
  __dirname,
  '../../libs/notifications/src/io/contract/io-services-api.contract.json',
);

interface Operation {
  method: string;
  path: string;
  request?: object;
  responses: Record<string, object>;
}

interface Contract {
  securityHeader: string;
  definitions: Record<string, object>;
  operations: Record<string, Operation>;
}

export interface IoSentMessage {
  id: string;
  fiscal_code: string;
  content: { subject: string; markdown: string };
}

/**
 * A fake of App IO's Services API on loopback: a real HTTP server whose every request and response
 * is checked against the contract (libs/notifications/src/io/contract); what breaks it is kept in
 * `violations`, which a test expects empty. People are on IO when registered with `register`; the
 * next answers of an operation can be forced (429, 500...) with `failNext`.
 */
export class LoopbackIoServer {
  readonly apiKey = 'test-io-key-0123456789abcdef';
  readonly messages: IoSentMessage[] = [];
  readonly violations: string[] = [];
  readonly requests: { operation: string; status: number }[] = [];
  private readonly profiles = new Map<string, { sender_allowed: boolean }>();
  private readonly forced = new Map<string, number[]>();
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly contract: Contract;
  private server?: Server;
  private sequence = 0;

  constructor() {
    this.contract = JSON.parse(readFileSync(CONTRACT_PATH, 'utf8')) as Contract;
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    ajv.addSchema({ $id: 'io', definitions: this.contract.definitions });
    const compile = (schema: object) =>
      ajv.compile(
        JSON.parse(JSON.stringify(schema).replace(/"#\/definitions\//g, '"io#/definitions/')) as object,
      );
    for (const [name, operation] of Object.entries(this.contract.operations)) {
      if (operation.request) this.validators.set(`${name} request`, compile(operation.request));
      for (const [status, schema] of Object.entries(operation.responses))
        this.validators.set(`${name} ${status}`, compile(schema));
    }
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/api/v1`;
  }

  register(fiscalCode: string, senderAllowed = true): void {
    this.profiles.set(fiscalCode, { sender_allowed: senderAllowed });
  }

  /** The next answers of an operation (getProfileByPOST, submitMessageforUser, getMessage). */
  failNext(operation: string, ...statuses: number[]): void {
    this.forced.set(operation, [...(this.forced.get(operation) ?? []), ...statuses]);
  }

  messagesTo(fiscalCode: string): IoSentMessage[] {
    return this.messages.filter((message) => message.fiscal_code === fiscalCode);
  }

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => this.handle(request, Buffer.concat(chunks).toString('utf8'), response));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private check(key: string, value: unknown): void {
    const validate = this.validators.get(key);
    if (!validate) {
      this.violations.push(`${key}: not in the contract`);
      return;
    }
    if (!validate(value)) this.violations.push(`${key}: ${JSON.stringify(validate.errors)}`);
  }

  private handle(request: IncomingMessage, text: string, response: ServerResponse): void {
    const path = (request.url ?? '').replace(/^\/api\/v1/, '').split('?')[0];
    const entry = Object.entries(this.contract.operations).find(
      ([, operation]) => operation.method === request.method && new RegExp(operation.path).test(path),
    );
    const reply = (name: string, status: number, body: unknown) => {
      this.requests.push({ operation: name, status });
      this.check(`${name} ${status}`, body);
      response.writeHead(status, {
        'content-type': status >= 400 ? 'application/problem+json' : 'application/json',
      });
      response.end(JSON.stringify(body));
    };
    const problem = (status: number, title: string) => ({
      type: 'about:blank',
      title,
      status,
      detail: title,
    });
    if (!entry) {
      this.violations.push(`${request.method} ${path}: no such operation`);
      response.writeHead(404).end();
      return;
    }
    const [name, operation] = entry;
    if (request.headers[this.contract.securityHeader] !== this.apiKey) return reply(name, 401, {});
    let body: unknown = undefined;
    if (operation.request) {
      if (!String(request.headers['content-type']).startsWith('application/json'))
        this.violations.push(`${name}: content-type ${request.headers['content-type']}`);
      try {
        body = JSON.parse(text);
      } catch {
        this.violations.push(`${name}: body is not JSON`);
        return reply(name, 400, problem(400, 'Bad request'));
      }
      this.check(`${name} request`, body);
    }
    const forced = this.forced.get(name)?.shift();
    if (forced) return reply(name, forced, forced === 429 ? {} : problem(forced, 'Forced failure'));

    const fiscalCode =
      name === 'getMessage'
        ? decodeURIComponent(path.split('/')[2])
        : (body as { fiscal_code: string }).fiscal_code;
    const profile = this.profiles.get(fiscalCode);
    if (name === 'getProfileByPOST') {
      return profile
        ? reply(name, 200, { sender_allowed: profile.sender_allowed, preferred_languages: ['it_IT'] })
        : reply(name, 404, problem(404, 'Profile not found'));
    }
    if (name === 'submitMessageforUser') {
      if (!profile?.sender_allowed) return reply(name, 404, problem(404, 'Recipient not found'));
      const message = {
        id: `01IO${String(++this.sequence).padStart(22, '0')}`,
        ...(body as Omit<IoSentMessage, 'id'>),
      };
      this.messages.push(message);
      return reply(name, 201, { id: message.id });
    }
    const id = decodeURIComponent(path.split('/')[3]);
    const message = this.messages.find(
      (candidate) => candidate.id === id && candidate.fiscal_code === fiscalCode,
    );
    if (!message) return reply(name, 404, problem(404, 'Message not found'));
    return reply(name, 200, {
      message: {
        id,
        fiscal_code: fiscalCode,
        created_at: new Date().toISOString(),
        sender_service_id: 'prossimo-test',
        content: message.content,
      },
      status: 'PROCESSED',
    });
  }
}
