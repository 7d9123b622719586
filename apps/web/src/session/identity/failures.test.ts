import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n';
import { failureOf, SIGN_IN_FAILURES } from './failures';
import './messages';

describe('SPID/CIE sign-in failures (?identita=)', () => {
  it('the reasons the api gives are read as such; an unknown one as "failed"; none as none', () => {
    expect(failureOf('cancelled')).toBe('cancelled');
    expect(failureOf('state_invalid')).toBe('state_invalid');
    expect(failureOf('a_new_reason')).toBe('failed');
    expect(failureOf(null)).toBeUndefined();
  });

  it('every reason has its message in Italian and English', () => {
    for (const failure of SIGN_IN_FAILURES) {
      const key = `identity.failure.${failure}`;
      expect(translate(key, {}, 'it')).not.toBe(key);
      expect(translate(key, {}, 'en')).not.toBe(key);
      expect(translate(key, {}, 'en')).not.toBe(translate(key, {}, 'it'));
    }
  });
});
