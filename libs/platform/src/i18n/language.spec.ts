import { languageFromAcceptLanguage } from './language';
import { registerMessages, renderMessage } from './messages';

describe('languageFromAcceptLanguage', () => {
  it.each([
    [undefined, 'it'],
    ['en-GB,en;q=0.9', 'en'],
    ['de-DE,en;q=0.5,it;q=0.8', 'it'],
    ['fr', 'it'],
  ])('%s -> %s', (header, expected) => {
    expect(languageFromAcceptLanguage(header)).toBe(expected);
    // Again: answered from the headers already seen, the same way.
    expect(languageFromAcceptLanguage(header)).toBe(expected);
  });

  it('answers the same for headers past the remembered count and length', () => {
    for (let index = 0; index < 300; index += 1) {
      expect(languageFromAcceptLanguage(`fr;q=0.${index % 9},en;q=0.95,x${index}`)).toBe('en');
    }
    const long = `${'xx-XX;q=0.1,'.repeat(20)}de,it;q=0.5`;
    expect(languageFromAcceptLanguage(long)).toBe('it');
    expect(languageFromAcceptLanguage(long)).toBe('it');
  });
});

describe('renderMessage', () => {
  registerMessages({ TEST_GREETING: { it: 'Ciao {name}', en: 'Hello {name}' } });

  it('renders in the requested language with parameters', () => {
    expect(renderMessage('TEST_GREETING', 'en', { name: 'Anna' })).toBe('Hello Anna');
    expect(renderMessage('TEST_GREETING', 'it', { name: 'Anna' })).toBe('Ciao Anna');
  });

  it('refuses a key registered twice with different text', () => {
    expect(() => registerMessages({ TEST_GREETING: { it: 'Salve', en: 'Hi' } })).toThrow(/registered twice/);
  });
});
