import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export const UNKNOWN_MAILBOX_DOMAIN = 'no-such-mailbox.example.org';

export interface ReceivedEmail {
  from: string;
  to: string[];
  messageId: string;
  subject: string;
  text: string;
  raw: string;
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?= / =?UTF-8?B?…?=) as nodemailer writes them. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(
      /=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g,
      (_match, _charset: string, encoding: string, text: string) =>
        encoding.toUpperCase() === 'B'
          ? Buffer.from(text, 'base64').toString('utf8')
          : decodeQuotedPrintable(text.replace(/_/g, ' ')),
    );
}

function decodeQuotedPrintable(text: string): string {
  const bytes = text
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_match, hex: string) => `%${hex}`)
    .replace(/%(?![0-9A-F]{2})/gi, '%25');
  return decodeURIComponent(bytes);
}

/** Just enough MIME for the single-part text e-mails we send. */
export function parseEmail(raw: string): { headers: Map<string, string>; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const text =
    encoding === 'quoted-printable'
      ? decodeQuotedPrintable(body)
      : encoding === 'base64'
        ? Buffer.from(body, 'base64').toString('utf8')
        : body;
  return { headers, text: text.replace(/\r\n/g, '\n').replace(/\n$/, '') };
}

/**
 * A real SMTP server on loopback (smtp-server), with AUTH PLAIN/LOGIN over the plain connection as
 * a local relay would allow. It records every message it accepts, repeats included.
 */
export class LoopbackSmtpServer {
  readonly received: ReceivedEmail[] = [];
  private server?: SMTPServer;

  constructor(
    readonly username = 'prossimo',
    readonly password = 'smtp-secret',
  ) {}

  get url(): string {
    const address = this.server?.server.address() as AddressInfo;
    return `smtp://${this.username}:${this.password}@127.0.0.1:${address.port}`;
  }

  async start(): Promise<void> {
    this.server = new SMTPServer({
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      logger: false,
      // Addresses at this domain do not exist: a permanent 550, as a real relay answers.
      onRcptTo: (address, _session, callback) => {
        if (address.address.endsWith(`@${UNKNOWN_MAILBOX_DOMAIN}`)) {
          const error = new Error('Mailbox unavailable') as Error & { responseCode: number };
          error.responseCode = 550;
          callback(error);
        } else callback();
      },
      onAuth: (auth, _session, callback) => {
        if (auth.username === this.username && auth.password === this.password) {
          callback(null, { user: auth.username });
        } else callback(new Error('Invalid username or password'));
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          const { headers, text } = parseEmail(raw);
          this.received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            messageId: headers.get('message-id') ?? '',
            subject: decodeWords(headers.get('subject') ?? ''),
            text,
            raw,
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  to(address: string): ReceivedEmail[] {
    return this.received.filter((message) => message.to.includes(address));
  }

  async waitFor(predicate: () => boolean, timeoutMs = 15000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error('Timed out waiting for the SMTP server');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
