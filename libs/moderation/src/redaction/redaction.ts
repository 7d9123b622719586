import { DomainError } from '@prossimo/platform/rules';

/** What stands where a moderator removed part of a text (a number, an address). */
export const REDACTION_MARK = '[…]';

export interface RedactionSpan {
  /** The first character removed, counted in characters (code points) from 0. */
  start: number;
  /** The first character kept after it. */
  end: number;
}

/**
 * The text with each span replaced by REDACTION_MARK. Spans are counted in characters (so an
 * emoji is one), must lie inside the text, be non-empty and not overlap; anything else is
 * REDACTION_INVALID on `redactions` and nothing is changed. Only removal is possible: a moderator
 * cannot put words in the author's mouth.
 */
export function applyRedactions(text: string, spans: readonly RedactionSpan[]): string {
  const characters = Array.from(text);
  const ordered = [...spans].sort((a, b) => a.start - b.start);
  if (!ordered.length) throw new DomainError('REDACTION_INVALID', { field: 'redactions' });
  let out = '';
  let kept = 0;
  for (const span of ordered) {
    const valid =
      Number.isInteger(span.start) &&
      Number.isInteger(span.end) &&
      span.start >= kept &&
      span.end > span.start &&
      span.end <= characters.length;
    if (!valid) throw new DomainError('REDACTION_INVALID', { field: 'redactions' });
    out += characters.slice(kept, span.start).join('') + REDACTION_MARK;
    kept = span.end;
  }
  return out + characters.slice(kept).join('');
}
