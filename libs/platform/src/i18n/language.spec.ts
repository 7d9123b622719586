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
