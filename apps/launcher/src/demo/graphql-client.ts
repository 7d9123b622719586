import { readFile } from 'node:fs/promises';

export class GraphQLCallError extends Error {
  constructor(
    readonly operation: string,
    readonly errors: { message: string; extensions?: { code?: string; field?: string } }[],
  ) {
    super(
      `${operation}: ${errors.map((error) => `${error.extensions?.code ?? '?'} ${error.message}`).join('; ')}`,
    );
  }
}

/** A tiny client of the public GraphQL API, as any app would use it. */
export class GraphQLClient {
  constructor(
    readonly url: string,
    private readonly smsFilePath: string,
  ) {}

  async call<T>(
    operation: string,
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
  ): Promise<T> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: GraphQLCallError['errors'] };
    if (body.errors?.length || !body.data) throw new GraphQLCallError(operation, body.errors ?? []);
    return body.data;
  }

  /**
   * Signs in by SMS like a person would: asks for a code, reads it from the development SMS file.
   * When the SMS limits ask to wait a little (a number signed in a minute ago), it waits once.
   */
  async signIn(
    phone: string,
    onWait?: (seconds: number) => void,
  ): Promise<{ token: string; userId: string }> {
    const before = (await this.messagesTo(phone)).length;
    const request = () =>
      this.call(
        'requestPhoneVerification',
        `mutation ($phone: String!) { requestPhoneVerification(input: { phone: $phone }) { phone } }`,
        { phone },
      );
    await request().catch(async (error: unknown) => {
      const limited = error instanceof GraphQLCallError ? error.errors[0]?.extensions : undefined;
      const seconds = Number((limited as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds);
      if (limited?.code !== 'RATE_LIMITED' || !(seconds <= 65)) throw error;
      onWait?.(seconds);
      await new Promise((resolve) => setTimeout(resolve, (seconds + 1) * 1000));
      await request();
    });
    const text = await this.waitForSms(phone, before, /\b\d{6}\b/);
    const code = (/\b(\d{6})\b/.exec(text) as RegExpExecArray)[1];
    const data = await this.call<{ verifyPhone: { accessToken: string; user: { id: string } } }>(
      'verifyPhone',
      `mutation ($phone: String!, $code: String!) { verifyPhone(input: { phone: $phone, code: $code }) { accessToken user { id } } }`,
      { phone, code },
    );
    return { token: data.verifyPhone.accessToken, userId: data.verifyPhone.user.id };
  }

  /** The SMS sent to a number so far, oldest first (the development channel's file). */
  async messagesTo(phone: string): Promise<{ to: string; text: string }[]> {
    const content = await readFile(this.smsFilePath, 'utf8').catch(() => '');
    return content
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { to: string; text: string })
      .filter((message) => message.to === phone);
  }

  /** Waits for an SMS to the number, after the first `previous` ones, whose text matches. */
  async waitForSms(phone: string, previous: number, pattern: RegExp, timeoutMs = 30000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const found = (await this.messagesTo(phone))
        .slice(previous)
        .find((message) => pattern.test(message.text));
      if (found) return found.text;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(
      `No SMS matching ${pattern} reached ${this.smsFilePath} for ${phone} within ${timeoutMs / 1000} s (is the worker running?)`,
    );
  }
}
