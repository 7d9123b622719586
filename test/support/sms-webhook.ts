import request from 'supertest';
import { signWebhook } from '@prossimo/notifications';
import { TestStack } from './stack';

/** An SMS reply as the provider would post it: `POST /webhooks/sms/inbound`, signed with `secret`. */
export async function inboundSms(
  stack: TestStack,
  secret: string,
  from: string,
  text: string,
): Promise<Record<string, unknown>> {
  const raw = JSON.stringify({ from, text });
  const response = await request(stack.api.getHttpServer())
    .post('/webhooks/sms/inbound')
    .set('content-type', 'application/json')
    .set('x-prossimo-signature', signWebhook(secret, raw))
    .send(raw);
  if (response.status !== 200) throw new Error(`inbound SMS webhook answered ${response.status}`);
  return response.body as Record<string, unknown>;
}
