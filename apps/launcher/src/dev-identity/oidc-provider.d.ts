// oidc-provider ships no types; dev-provider.ts types the few parts it uses (ProviderLike).
declare module 'oidc-provider';
