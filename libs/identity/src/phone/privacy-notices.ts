/**
 * The port through which sign-in checks that the privacy notice version the person accepts is
 * published. Identity owns it because privacy, which owns the notices, sits above identity and so
 * cannot be imported here; privacy implements it over its privacy_notices table.
 */
export interface PrivacyNotices {
  /** Whether this version of the notice is published (its date has come). */
  isPublished(version: string): Promise<boolean>;
}

/** Injection token of the PrivacyNotices; privacy's global PrivacyNoticesModule provides it. */
export const PRIVACY_NOTICES = Symbol('PRIVACY_NOTICES');
