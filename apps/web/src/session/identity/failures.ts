/**
 * Why a SPID/CIE sign-in did not finish: the api sends the browser to /accedi?identita=<reason>
 * (libs/identity spid-cie.controller), and the app adds session_lost (back from the provider
 * signed in, but no session came with it: return-path.ts signInPathFor).
 */
export const SIGN_IN_FAILURES = [
  'cancelled',
  'state_invalid',
  'provider_untrusted',
  'token_invalid',
  'level_too_low',
  'identity_incomplete',
  'codice_fiscale_taken',
  'account_suspended',
  'session_lost',
  'failed',
] as const;

export type SignInFailure = (typeof SIGN_IN_FAILURES)[number];

/** The reason in ?identita=, or undefined without one; a reason we do not know reads as "failed". */
export function failureOf(reason: string | null): SignInFailure | undefined {
  if (reason === null) return undefined;
  return (SIGN_IN_FAILURES as readonly string[]).includes(reason) ? (reason as SignInFailure) : 'failed';
}

/** Cancelling is the person's choice, not an error: it is told in a calmer tone. */
export const isCancellation = (failure: SignInFailure): boolean => failure === 'cancelled';
