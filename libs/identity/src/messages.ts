import { registerMessages } from '@prossimo/platform';

registerMessages({
  PHONE_INVALID: {
    it: 'Il numero di telefono non è valido. Scrivilo con il prefisso, ad esempio +39 347 123 4567.',
    en: 'The phone number is not valid. Write it with the country code, for example +39 347 123 4567.',
  },
  PHONE_COUNTRY_NOT_ALLOWED: {
    it: 'Possiamo inviare SMS solo a numeri con prefisso {allowed}.',
    en: 'We can only send SMS to numbers with country code {allowed}.',
  },
  OTP_INVALID: {
    it: 'Il codice non è corretto. Tentativi rimasti: {attemptsRemaining}.',
    en: 'The code is not correct. Attempts left: {attemptsRemaining}.',
  },
  OTP_NOT_REQUESTED: {
    it: 'Nessun codice è stato richiesto per questo numero. Richiedi un nuovo codice.',
    en: 'No code was requested for this number. Ask for a new code.',
  },
  OTP_EXPIRED: {
    it: 'Il codice è scaduto. Richiedi un nuovo codice.',
    en: 'The code has expired. Ask for a new code.',
  },
  OTP_ALREADY_USED: {
    it: 'Questo codice è già stato usato. Richiedi un nuovo codice.',
    en: 'This code has already been used. Ask for a new code.',
  },
  OTP_LOCKED: {
    it: 'Troppi tentativi errati: il codice non è più valido. Richiedi un nuovo codice.',
    en: 'Too many wrong attempts: the code is no longer valid. Ask for a new code.',
  },
  ACCOUNT_SUSPENDED: {
    it: 'Questo account è sospeso. Contatta lo sportello del tuo Comune.',
    en: 'This account is suspended. Please contact your Comune desk.',
  },
  SESSION_INVALID: {
    it: 'La sessione non è valida. Accedi di nuovo.',
    en: 'The session is not valid. Please sign in again.',
  },
  PRIVACY_NOTICE_UNKNOWN: {
    it: 'Questa versione dell’informativa privacy non esiste ({field}). Mostra quella attuale e riprova.',
    en: 'This version of the privacy notice does not exist ({field}). Show the current one and try again.',
  },
  SESSION_EXPIRED: {
    it: 'La sessione è scaduta. Accedi di nuovo.',
    en: 'The session has expired. Please sign in again.',
  },
  CODICE_FISCALE_TAKEN: {
    it: 'Questo codice fiscale è già associato a un altro account. Se è il tuo, contatta lo sportello del tuo Comune.',
    en: 'This codice fiscale already belongs to another account. If it is yours, please contact your Comune desk.',
  },
  STEP_UP_REQUIRED: {
    it: 'Per questa operazione devi accedere con SPID (livello 2 o superiore) o con la CIE. Esci e accedi di nuovo con SPID o CIE.',
    en: 'This operation needs a sign-in with SPID (level 2 or above) or CIE. Sign out and sign in again with SPID or CIE.',
  },
  IDENTITY_PROVIDER_NOT_CONFIGURED: {
    it: 'L’accesso con SPID e CIE non è attivo su questo servizio.',
    en: 'Sign-in with SPID and CIE is not enabled on this service.',
  },
  IDENTITY_PROVIDER_UNKNOWN: {
    it: 'Questo gestore di identità non è tra quelli offerti. Scegline uno dall’elenco.',
    en: 'This identity provider is not one of those offered. Choose one from the list.',
  },
  IDENTITY_PROVIDER_UNTRUSTED: {
    it: 'Non possiamo verificare questo gestore di identità nella federazione SPID/CIE. Riprova più tardi o accedi con il telefono.',
    en: 'We cannot verify this identity provider in the SPID/CIE federation. Try again later or sign in with your phone.',
  },
});
