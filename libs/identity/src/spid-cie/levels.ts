import { registerGraphqlEnums } from '@prossimo/platform';

/** How a session was signed in with a public digital identity (null: by phone and SMS code). */
export enum AuthLevel {
  SPID_L1 = 'SPID_L1',
  SPID_L2 = 'SPID_L2',
  SPID_L3 = 'SPID_L3',
  CIE_L1 = 'CIE_L1',
  CIE_L2 = 'CIE_L2',
  CIE_L3 = 'CIE_L3',
}

export enum IdentityProviderKind {
  SPID = 'spid',
  CIE = 'cie',
}

registerGraphqlEnums(
  { AuthLevel, IdentityProviderKind },
  {
    AuthLevel: 'The SPID or CIE level this session was signed in at (absent for a phone sign-in).',
  },
);

export type AssuranceLevel = 1 | 2 | 3;

/** The acr values of SPID's levels; CIE's OpenID Connect provider uses the same ones. */
export const ACR_VALUES: Record<AssuranceLevel, string> = {
  1: 'https://www.spid.gov.it/SpidL1',
  2: 'https://www.spid.gov.it/SpidL2',
  3: 'https://www.spid.gov.it/SpidL3',
};

export function levelOfAcr(acr: unknown): AssuranceLevel | undefined {
  const entry = Object.entries(ACR_VALUES).find(([, value]) => value === acr);
  return entry ? (Number(entry[0]) as AssuranceLevel) : undefined;
}

export function authLevelOf(kind: IdentityProviderKind, level: AssuranceLevel): AuthLevel {
  return `${kind === IdentityProviderKind.CIE ? 'CIE' : 'SPID'}_L${level}` as AuthLevel;
}

/** Staff step-up: SPID level 2 or above, or CIE (whose sign-in is level 2 or above too). */
export function satisfiesStepUp(level: AuthLevel | null | undefined): boolean {
  return !!level && !level.endsWith('_L1');
}

/** The codice fiscale in SPID/CIE's fiscal_number claim ("TINIT-" and the code). */
export const FISCAL_NUMBER_CLAIM = 'https://attributes.eid.gov.it/fiscal_number';

export function codiceFiscaleOfFiscalNumber(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^TINIT-([A-Z0-9]{16})$/i.exec(value.trim());
  return match ? match[1].toUpperCase() : undefined;
}
