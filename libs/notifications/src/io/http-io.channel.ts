import { DeliveryOutcomeUnknownError, PermanentDeliveryError } from '../sms/sms-channel';
import { IoChannel, IoMessage, IoMessageStatus, IoRecipientUnreachableError } from './io-channel';

/** Errors raised before the request could reach IO: the message surely did not leave. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const STATUSES: readonly IoMessageStatus[] = ['ACCEPTED', 'THROTTLED', 'FAILED', 'PROCESSED', 'REJECTED'];

export interface HttpIoChannelOptions {
  /** e.g. https://api.io.pagopa.it/api/v1 */
  url: string;
  apiKey: string;
  timeoutMs: number;
}

/**
 * IO's Services API (https://developer.io.italia.it): POST /profiles (the codice fiscale in the body,
 * not in a URL that proxies log), POST /messages, GET /messages/{fiscal_code}/{id}, with the
 * service's key in Ocp-Apim-Subscription-Key. 429 and 5xx are retried (with backoff, by the job);
 * other 4xx are permanent; no answer to POST /messages is an unknown outcome (never sent again).
 */
export class HttpIoChannel implements IoChannel {
  readonly name = 'io';

  constructor(private readonly options: HttpIoChannelOptions) {}

  async send(message: IoMessage): Promise<{ messageId: string }> {
    const profile = await this.call('POST', '/profiles', { fiscal_code: message.fiscalCode });
    if (profile.status === 404) throw new IoRecipientUnreachableError('not_on_io');
    this.check(profile.status, 'profile');
    if ((profile.body as { sender_allowed?: unknown }).sender_allowed !== true)
      throw new IoRecipientUnreachableError('sender_not_allowed');

    let submitted: { status: number; body: unknown };
    try {
      submitted = await this.call('POST', '/messages', {
        fiscal_code: message.fiscalCode,
        content: { subject: message.subject, markdown: message.markdown },
      });
    } catch (error) {
      // fetch wraps the socket's error: its code is on the cause.
      const code =
        (error as NodeJS.ErrnoException).code ??
        ((error as Error).cause as NodeJS.ErrnoException | undefined)?.code;
      if (code && NOT_SENT_CODES.has(code)) throw error;
      throw new DeliveryOutcomeUnknownError(`IO gave no answer: ${(error as Error).message}`);
    }
    // IO's 404 here: the profile went away between the two calls.
    if (submitted.status === 404) throw new IoRecipientUnreachableError('not_on_io');
    this.check(submitted.status, 'message');
    const id = (submitted.body as { id?: unknown }).id;
    if (typeof id !== 'string' || !id)
      throw new DeliveryOutcomeUnknownError('IO answered without a message id');
    return { messageId: id };
  }

  async status(fiscalCode: string, messageId: string): Promise<IoMessageStatus> {
    const response = await this.call(
      'GET',
      `/messages/${encodeURIComponent(fiscalCode)}/${encodeURIComponent(messageId)}`,
    );
    this.check(response.status, 'status');
    const status = (response.body as { status?: unknown }).status;
    if (!STATUSES.includes(status as IoMessageStatus)) throw new Error(`IO answered an unknown status`);
    return status as IoMessageStatus;
  }

  private check(status: number, what: string): void {
    if (status >= 200 && status < 300) return;
    const reason = `IO ${what} answered HTTP ${status}`;
    if (status >= 400 && status < 500 && status !== 408 && status !== 429)
      throw new PermanentDeliveryError(reason);
    throw new Error(reason);
  }

  private async call(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: unknown }> {
    const response = await fetch(`${this.options.url}${path}`, {
      method,
      headers: {
        'ocp-apim-subscription-key': this.options.apiKey,
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(this.options.timeoutMs),
    });
    const text = await response.text();
    let parsed: unknown = {};
    try {
      parsed = text ? JSON.parse(text) : {};
    } catch {
      // Not JSON (a proxy's error page): the status decides.
    }
    return { status: response.status, body: parsed };
  }
}
