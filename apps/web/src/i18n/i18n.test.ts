import { beforeAll, describe, expect, it } from 'vitest';
import { en } from './en';
import { it as italian } from './it';
import { loadLanguage, translate } from './index';
import { messageKeys } from '../testing/message-keys';

describe('translate', () => {
  beforeAll(() => loadLanguage('en'));

  it('interpolates and falls back to the key', () => {
    expect(translate('signIn.codeSentTo', { phone: '+39 347' }, 'it')).toBe(
      'Abbiamo mandato un codice di 6 cifre al numero +39 347.',
    );
    expect(translate('signIn.codeSentTo', { phone: '+39 347' }, 'en')).toBe(
      'We sent a 6-digit code to +39 347.',
    );
    expect(translate('no.such.key', {}, 'en')).toBe('no.such.key');
  });

  it('says one second in the singular (a wait of 1 s after a code was sent)', () => {
    expect(translate('errors.RATE_LIMITED_SECONDS', { count: 1 }, 'it')).toBe(
      'Troppe richieste. Riprova tra 1 secondo.',
    );
    expect(translate('errors.RATE_LIMITED_SECONDS', { count: 45 }, 'it')).toBe(
      'Troppe richieste. Riprova tra 45 secondi.',
    );
    expect(translate('errors.RATE_LIMITED_SECONDS', { count: 1 }, 'en')).toBe(
      'Too many requests. Try again in 1 second.',
    );
  });

  it('has every Italian message in English, and nothing else', () => {
    expect(messageKeys(en).sort()).toEqual(messageKeys(italian).sort());
  });
});
