import { parseSmsReply, splitReference } from './sms-reply.service';

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

describe('splitReference', () => {
  it.each([
    ['AB3K arrivo alle 10', 'AB3K', 'arrivo alle 10'],
    ['ab3k: arrivo alle 10', 'AB3K', 'arrivo alle 10'],
    ['rif. AB3K arrivo', 'AB3K', 'arrivo'],
    ['Ref AB3K, see you', 'AB3K', 'see you'],
    // A first word that is no open code is looked up and, not found, the whole text is relayed.
    ['Grazie mille!', 'GRAZIE', 'mille!'],
  ])('reads %j as reference %s and words %j', (text, reference, rest) => {
    expect(splitReference(text)).toEqual({ reference, rest });
  });

  it.each(['ok', 'Sì!', '  '])('finds no reference in %j', (text) => {
    expect(splitReference(text).reference).toBeNull();
  });
});
