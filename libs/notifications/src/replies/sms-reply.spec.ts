import { parseSmsReply } from './sms-reply.service';

describe('parseSmsReply', () => {
  it.each([
    ['SI AB3K', 'yes'],
    ['sì ab3k', 'yes'],
    ['Sí AB3K', 'yes'],
    ['  si   AB3K. ', 'yes'],
    ['yes AB3K', 'yes'],
    ['NO AB3K', 'no'],
    ['no, ab3k', 'no'],
  ])('reads %j as %s', (text, answer) => {
    expect(parseSmsReply(text)).toEqual({ answer, code: 'AB3K' });
  });

  it.each(['AB3K', 'SI', 'forse AB3K', 'SI AB3K grazie', 'SI AB!', ''])('ignores %j', (text) => {
    expect(parseSmsReply(text)).toBeNull();
  });
});
