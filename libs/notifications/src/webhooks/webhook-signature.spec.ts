import { signWebhook, verifyWebhookSignature } from './webhook-signature';

const SECRET = 'a'.repeat(40);
const body = Buffer.from('{"id":"gw-1","status":"delivered"}');

describe('webhook signatures', () => {
  it('accepts a fresh signature of the exact body', () => {
    expect(verifyWebhookSignature(SECRET, body, signWebhook(SECRET, body, 1000), 1000)).toBe(true);
  });

  it('refuses another body, another secret, a stale timestamp or garbage', () => {
    const header = signWebhook(SECRET, body, 1000);
    expect(
      verifyWebhookSignature(SECRET, Buffer.from('{"id":"gw-2","status":"delivered"}'), header, 1000),
    ).toBe(false);
    expect(verifyWebhookSignature('b'.repeat(40), body, header, 1000)).toBe(false);
    expect(verifyWebhookSignature(SECRET, body, header, 1301)).toBe(false);
    expect(verifyWebhookSignature(SECRET, body, 't=1000,v1=zz', 1000)).toBe(false);
    expect(verifyWebhookSignature(SECRET, body, undefined, 1000)).toBe(false);
  });
});
