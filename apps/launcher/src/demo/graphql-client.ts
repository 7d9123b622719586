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

  /** Signs in by SMS like a person would: asks for a code, reads it from the development SMS file. */
  async signIn(phone: string): Promise<{ token: string; userId: string }> {
    const before = await this.smsLines(phone);
    await this.call(
      'requestPhoneVerification',
      `mutation ($phone: String!) { requestPhoneVerification(input: { phone: $phone }) { phone } }`,
      { phone },
    );
    const code = await this.waitForCode(phone, before.length);
    const data = await this.call<{ verifyPhone: { accessToken: string; user: { id: string } } }>(
      'verifyPhone',
      `mutation ($phone: String!, $code: String!) { verifyPhone(input: { phone: $phone, code: $code }) { accessToken user { id } } }`,
      { phone, code },
    );
    return { token: data.verifyPhone.accessToken, userId: data.verifyPhone.user.id };
  }

  private async smsLines(phone: string): Promise<{ to: string; text: string }[]> {
    const content = await readFile(this.smsFilePath, 'utf8').catch(() => '');
    return content
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { to: string; text: string })
      .filter((message) => message.to === phone);
  }

  private async waitForCode(phone: string, previous: number, timeoutMs = 20000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const lines = await this.smsLines(phone);
      const match = lines.length > previous ? /\b(\d{6})\b/.exec(lines[lines.length - 1].text) : null;
      if (match) return match[1];
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(
      `No SMS code reached ${this.smsFilePath} for ${phone} within ${timeoutMs / 1000} s (is the worker running?)`,
    );
  }
}
