import { createHmac, hkdfSync } from 'node:crypto';

/** Bumped when the normalisation or the key changes: rows of an older version are indexed again. */
export const BLIND_INDEX_VERSION = 1;

/**
 * The words of a person's name as a search compares them: lower case, without accents or
 * punctuation, each word once ("D'Àngelo Maria-Grazia" -> angelo, maria, grazia). Words of one
 * letter are dropped (initials and elisions would match too many people).
 */
export function nameTokens(name: string): string[] {
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 2);
  return [...new Set(words)];
}

/**
 * Keyed hashes of names and phones that are stored encrypted, so that the desk can find a person
 * by an exact phone or whole words of the name without decrypting every row. The key is derived
 * from the field-encryption key (HKDF, its own label), so no new secret is needed and the hashes
 * mean nothing without it.
 */
export class BlindIndex {
  private readonly key: Buffer;

  constructor(base64FieldKey: string) {
    this.key = Buffer.from(
      hkdfSync(
        'sha256',
        Buffer.from(base64FieldKey, 'base64'),
        Buffer.alloc(0),
        'prossimo:blind-index:v1',
        32,
      ),
    );
  }

  /** The phone in E.164 (already parsed and validated by the caller). */
  phone(e164: string): Buffer {
    return this.hmac(`phone:${e164}`);
  }

  /** One hash a word of the name (hex, 16 bytes: plenty against collisions in one territory). */
  name(fullName: string): string[] {
    return nameTokens(fullName).map((word) => this.hmac(`name:${word}`).subarray(0, 16).toString('hex'));
  }

  private hmac(value: string): Buffer {
    return createHmac('sha256', this.key).update(value).digest();
  }
}
