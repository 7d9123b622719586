// jose and openid-client are ES modules only: loaded with import(), which Node allows from
// CommonJS (tsconfig module node16 keeps it a real import). Loaded once, on first use.
export type Jose = typeof import('jose', { with: { 'resolution-mode': 'import' } });
export type OpenIdClient = typeof import('openid-client', { with: { 'resolution-mode': 'import' } });

let jose: Promise<Jose> | undefined;
let openIdClient: Promise<OpenIdClient> | undefined;

export const loadJose = (): Promise<Jose> => (jose ??= import('jose'));
export const loadOpenIdClient = (): Promise<OpenIdClient> => (openIdClient ??= import('openid-client'));
