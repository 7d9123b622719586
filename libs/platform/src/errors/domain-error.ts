import { MessageParams, registerMessages } from '../i18n/messages';

/**
 * An error the caller can act on. `code` is stable (clients switch on it); the message is
 * rendered in the caller's language from the catalog when the response is written.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly options: { field?: string; params?: MessageParams; httpStatus?: number } = {},
  ) {
    super(code);
    this.name = 'DomainError';
  }

  get field(): string | undefined {
    return this.options.field;
  }
}

/** One field-level problem in an input; several are reported together as VALIDATION_FAILED. */
export interface FieldProblem {
  field: string;
  code: string;
  params?: MessageParams;
}

export class InputValidationError extends DomainError {
  constructor(readonly problems: FieldProblem[]) {
    super('VALIDATION_FAILED', { field: problems[0]?.field });
  }
}

registerMessages({
  VALIDATION_FAILED: { it: 'Alcuni dati non sono validi.', en: 'Some fields are not valid.' },
  INTERNAL_SERVER_ERROR: {
    it: 'Si è verificato un errore interno. Riprova più tardi.',
    en: 'An internal error occurred. Please try again later.',
  },
  UNAUTHENTICATED: { it: 'Devi accedere per continuare.', en: 'You must sign in to continue.' },
  FORBIDDEN: { it: 'Non hai i permessi per questa operazione.', en: 'You are not allowed to do this.' },
  RATE_LIMITED: {
    it: 'Troppe richieste. Riprova tra {retryAfterSeconds} secondi.',
    en: 'Too many requests. Try again in {retryAfterSeconds} seconds.',
  },
  BAD_REQUEST: { it: 'Richiesta non valida.', en: 'Invalid request.' },
  PAYLOAD_TOO_LARGE: { it: 'La richiesta è troppo grande.', en: 'The request is too large.' },
  UNSUPPORTED_MEDIA_TYPE: {
    it: 'Il formato della richiesta non è supportato.',
    en: 'The request format is not supported.',
  },
  FIELD_REQUIRED: { it: 'Il campo {field} è obbligatorio.', en: 'The field {field} is required.' },
  FIELD_TOO_LONG: {
    it: 'Il campo {field} supera i {max} caratteri.',
    en: 'The field {field} is longer than {max} characters.',
  },
  FIELD_INVALID: { it: 'Il campo {field} non è valido.', en: 'The field {field} is not valid.' },
  INVALID_INPUT: { it: 'Un valore inviato non è valido.', en: 'A value sent is not valid.' },
});
