// The codice fiscale rules live in identity (a person's key, issue 20); bodies' codes use the same.
export {
  CODICE_FISCALE_INVALID,
  type CodiceFiscaleInvalidReason,
  type CodiceFiscaleKind,
  type CodiceFiscaleValidation,
  decodeOmocodia,
  elevenDigitCheckDigit,
  isValidEntityCodiceFiscale,
  isValidPersonCodiceFiscale,
  normaliseCodiceFiscale,
  OMOCODIA_LETTERS,
  PERSON_NUMERIC_POSITIONS,
  personCheckCharacter,
  validateCodiceFiscale,
} from '@prossimo/identity/rules';
