import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { DomainError } from '../errors/domain-error';

/**
 * In a `u` regular expression a valid pair is one code point: only a lone surrogate is category Cs.
 * NUL is refused too: PostgreSQL's text cannot hold it (the fuzzer's "\u0000" made a query fail as
 * INTERNAL_SERVER_ERROR).
 */
const LONE_SURROGATE = /\p{Cs}/u;

/** Where the first ill-formed string (a lone UTF-16 surrogate or a NUL) is inside a value, or undefined. */
export function illFormedStringPath(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) || value.includes('\0') ? path : undefined;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      const found = illFormedStringPath(value[index], path ? `${path}.${index}` : String(index));
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) {
      const found = illFormedStringPath(item, path ? `${path}.${key}` : key);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/**
 * Every argument (GraphQL's and REST bodies), nested inputs included: a string holding a lone UTF-16 surrogate (which
 * JSON can carry as "\ud800") is not text. Refused here as FIELD_INVALID, naming the field as the
 * validation pipe does (inside an input, the path from it; otherwise the argument), before any validator, encoder
 * or the database meets it (one made an e-mail check throw a URIError: INTERNAL_SERVER_ERROR).
 */
@Injectable()
export class WellFormedStringsPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    // Custom parameters (the signed-in user) are made by the server, not sent.
    if (metadata.type === 'custom') return value;
    const root = typeof value === 'string' ? (metadata.data ?? 'value') : '';
    const field = illFormedStringPath(value, root);
    if (field !== undefined) throw new DomainError('FIELD_INVALID', { field: field || 'value' });
    return value;
  }
}
