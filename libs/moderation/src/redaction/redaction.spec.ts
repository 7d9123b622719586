import { DomainError } from '@prossimo/platform';
import { applyRedactions, REDACTION_MARK } from './redaction';

describe('applyRedactions', () => {
  const comment = 'Puntuale. Chiamatemi al 347 123 4567 o a mario@example.it';

  it('replaces each span with the mark, in characters, whatever order they come in', () => {
    const phone = { start: comment.indexOf('347'), end: comment.indexOf('347') + 12 };
    const mail = { start: comment.indexOf('mario'), end: comment.length };
    expect(applyRedactions(comment, [mail, phone])).toBe(
      `Puntuale. Chiamatemi al ${REDACTION_MARK} o a ${REDACTION_MARK}`,
    );
    // An emoji is one character.
    expect(applyRedactions('👍 347 1234567', [{ start: 2, end: 13 }])).toBe(`👍 ${REDACTION_MARK}`);
  });

  it('refuses spans outside the text, empty, overlapping, or none', () => {
    for (const spans of [
      [],
      [{ start: 0, end: 0 }],
      [{ start: 5, end: 200 }],
      [{ start: -1, end: 3 }],
      [
        { start: 0, end: 5 },
        { start: 4, end: 8 },
      ],
      [{ start: 0.5, end: 3 }],
    ]) {
      expect(() => applyRedactions(comment, spans)).toThrow(DomainError);
    }
  });
});
