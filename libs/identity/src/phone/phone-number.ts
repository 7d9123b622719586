import { DomainError } from '@prossimo/platform/rules';
import { CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * Parses what a person typed ("347 123 4567", "+39 347...", "0039...") into E.164.
 * Only allowed country codes pass: SMS to premium or far-away numbers is a known fraud.
 */
export function parsePhoneNumber(
  input: string,
  defaultCountry: string,
  allowedCallingCodes: string[],
): string {
  const normalised = input.trim().replace(/^00/, '+');
  const parsed =
    normalised.length <= 32
      ? parsePhoneNumberFromString(normalised, defaultCountry as CountryCode)
      : undefined;
  if (!parsed || !parsed.isValid()) throw new DomainError('PHONE_INVALID', { field: 'phone' });
  if (!allowedCallingCodes.includes(parsed.countryCallingCode)) {
    throw new DomainError('PHONE_COUNTRY_NOT_ALLOWED', {
      field: 'phone',
      params: { allowed: allowedCallingCodes.map((code) => `+${code}`).join(', ') },
    });
  }
  const type = parsed.getType();
  if (type !== undefined && !['MOBILE', 'FIXED_LINE_OR_MOBILE', 'PERSONAL_NUMBER'].includes(type)) {
    // Landlines and premium numbers cannot receive our SMS.
    throw new DomainError('PHONE_INVALID', { field: 'phone' });
  }
  return parsed.number;
}
