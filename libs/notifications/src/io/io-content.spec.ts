import fc from 'fast-check';
import { IO_MARKDOWN_MAX, IO_MARKDOWN_MIN, IO_SUBJECT_MAX, IO_SUBJECT_MIN, ioContent } from './io-content';

const length = (text: string) => Array.from(text).length;

describe('IO message content', () => {
  it('keeps a fitting subject and adds the footer in the person’s language', () => {
    const it = ioContent('Abbiamo trovato chi ti aiuta', 'Giulia ti accompagna martedì alle 9.', 'it');
    expect(it.subject).toBe('Abbiamo trovato chi ti aiuta');
    expect(it.markdown).toMatch(
      /^Giulia ti accompagna martedì alle 9\.\n\n---\n\nMessaggio di \*\*Prossimo\*\*/,
    );
    expect(ioContent('We found help', 'Giulia drives you.', 'en').markdown).toContain(
      'A message from **Prossimo**',
    );
  });

  it('lengthens a short subject and escapes Markdown in our text', () => {
    const content = ioContent('Codice', 'Prezzo *scontato* [link](x)', 'it');
    expect(content.subject).toBe('Prossimo: Codice');
    expect(content.markdown.startsWith('Prezzo \\*scontato\\* \\[link\\]\\(x\\)')).toBe(true);
  });

  it('is always within IO’s limits', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }),
        fc.string({ maxLength: 20_000 }),
        fc.constantFrom('it', 'en'),
        (subject, body, language) => {
          const content = ioContent(subject, body, language as 'it' | 'en');
          expect(length(content.subject)).toBeGreaterThanOrEqual(IO_SUBJECT_MIN);
          expect(length(content.subject)).toBeLessThanOrEqual(IO_SUBJECT_MAX);
          expect(length(content.markdown)).toBeGreaterThanOrEqual(IO_MARKDOWN_MIN);
          expect(length(content.markdown)).toBeLessThanOrEqual(IO_MARKDOWN_MAX);
        },
      ),
      { numRuns: 200 },
    );
  });
});
