import { DomainError } from '@prossimo/platform';
import { parsePhoneNumber } from './phone-number';

function errorCode(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    return error instanceof DomainError ? error.code : 'OTHER';
  }
  return undefined;
}

describe('parsePhoneNumber', () => {
  it.each(['347 123 4567', '+39 347 123 4567', '0039 3471234567', '+393471234567'])(
    'reads the Italian mobile %s as E.164',
    (input) => {
      expect(parsePhoneNumber(input, 'IT', ['39'])).toBe('+393471234567');
    },
  );

  it('refuses numbers that are not valid', () => {
    expect(errorCode(() => parsePhoneNumber('12345', 'IT', ['39']))).toBe('PHONE_INVALID');
    expect(errorCode(() => parsePhoneNumber('x'.repeat(200), 'IT', ['39']))).toBe('PHONE_INVALID');
  });

  it('refuses landlines and premium-rate numbers, which cannot receive a code', () => {
    expect(errorCode(() => parsePhoneNumber('011 443 1111', 'IT', ['39']))).toBe('PHONE_INVALID');
    expect(errorCode(() => parsePhoneNumber('899 123 456', 'IT', ['39']))).toBe('PHONE_INVALID');
  });

  it('refuses country codes outside the allowed list, and accepts them when allowed', () => {
    expect(errorCode(() => parsePhoneNumber('+44 7911 123456', 'IT', ['39']))).toBe(
      'PHONE_COUNTRY_NOT_ALLOWED',
    );
    expect(parsePhoneNumber('+44 7911 123456', 'IT', ['39', '44'])).toBe('+447911123456');
  });
});
