import { Jose, loadJose } from './esm';
import { PublicJwks } from './federation';

type ImportedKey = Awaited<ReturnType<Jose['importJWK']>>;

type Jwk = Record<string, unknown> & { kid?: string; use?: string; alg?: string; kty?: string };

export interface SigningKey {
  kid: string;
  alg: string;
  key: ImportedKey;
}

export interface KeySet {
  /** Every key, public parts only: what the entity configuration publishes. */
  publicJwks: PublicJwks;
  /** The first signing key (use "sig" or no use). */
  signing: SigningKey;
  /** Keys that may decrypt (use "enc"), by kid. */
  decryption: Map<string, { alg: string; key: ImportedKey }>;
}

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];

export function publicPartOf(jwk: Jwk): Jwk {
  return Object.fromEntries(Object.entries(jwk).filter(([name]) => !PRIVATE_MEMBERS.includes(name))) as Jwk;
}

function defaultAlg(jwk: Jwk, use: 'sig' | 'enc'): string {
  if (jwk.alg) return jwk.alg;
  if (use === 'enc') return jwk.kty === 'EC' ? 'ECDH-ES' : 'RSA-OAEP-256';
  if (jwk.kty === 'EC') return jwk.crv === 'P-384' ? 'ES384' : jwk.crv === 'P-521' ? 'ES512' : 'ES256';
  return 'RS256';
}

/** Reads a private JWK Set from configuration; `name` says which setting in error messages. */
export async function readKeySet(json: string, name: string): Promise<KeySet> {
  const jose = await loadJose();
  let parsed: { keys?: Jwk[] };
  try {
    parsed = JSON.parse(json) as { keys?: Jwk[] };
  } catch {
    throw new Error(`Configuration error: ${name} is invalid: not JSON`);
  }
  const keys = parsed.keys ?? [];
  if (!keys.length || keys.some((key) => typeof key.kid !== 'string' || !key.kid || !key.d))
    throw new Error(`Configuration error: ${name} is invalid: private keys, each with a kid`);
  const signingJwk = keys.find((key) => (key.use ?? 'sig') === 'sig');
  if (!signingJwk) throw new Error(`Configuration error: ${name} is invalid: no signing key`);
  const signingAlg = defaultAlg(signingJwk, 'sig');
  const decryption = new Map<string, { alg: string; key: ImportedKey }>();
  for (const jwk of keys.filter((key) => key.use === 'enc')) {
    const alg = defaultAlg(jwk, 'enc');
    decryption.set(jwk.kid as string, { alg, key: await jose.importJWK(jwk, alg) });
  }
  return {
    publicJwks: {
      keys: keys.map((jwk) => ({
        ...publicPartOf(jwk),
        use: jwk.use ?? 'sig',
        alg: defaultAlg(jwk, (jwk.use as 'sig' | 'enc' | undefined) ?? 'sig'),
      })),
    },
    signing: {
      kid: signingJwk.kid as string,
      alg: signingAlg,
      key: await jose.importJWK(signingJwk, signingAlg),
    },
    decryption,
  };
}

/** A new private JWK Set (RSA 2048): one signing key, and an encryption key when asked. */
export async function generatePrivateJwks(withEncryption: boolean): Promise<string> {
  const jose = await loadJose();
  const keys: Jwk[] = [];
  for (const use of withEncryption ? (['sig', 'enc'] as const) : (['sig'] as const)) {
    const alg = use === 'sig' ? 'RS256' : 'RSA-OAEP-256';
    const { privateKey } = await jose.generateKeyPair(alg, { extractable: true });
    const jwk = (await jose.exportJWK(privateKey)) as Jwk;
    jwk.kid = await jose.calculateJwkThumbprint(jwk as never);
    keys.push({ ...jwk, use, alg });
  }
  return JSON.stringify({ keys });
}
