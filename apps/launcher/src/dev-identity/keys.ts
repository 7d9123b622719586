import { generateKeyPairSync, createHash } from 'node:crypto';

export type PrivateJwk = Record<string, unknown> & { kid: string };

/** An RSA key as a private JWK with a thumbprint kid (synchronous: node:crypto, no jose). */
export function newRsaJwk(use: 'sig' | 'enc'): PrivateJwk {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = privateKey.export({ format: 'jwk' }) as Record<string, string>;
  // RFC 7638 thumbprint of the required public members, in lexicographic order.
  const kid = createHash('sha256')
    .update(JSON.stringify({ e: jwk.e, kty: jwk.kty, n: jwk.n }))
    .digest('base64url');
  return { ...jwk, kid, use, alg: use === 'sig' ? 'RS256' : 'RSA-OAEP-256' };
}

const PRIVATE_MEMBERS = new Set(['d', 'p', 'q', 'dp', 'dq', 'qi']);

export function publicJwks(keys: PrivateJwk[]): { keys: Record<string, unknown>[] } {
  return {
    keys: keys.map((key) =>
      Object.fromEntries(Object.entries(key).filter(([name]) => !PRIVATE_MEMBERS.has(name))),
    ),
  };
}
