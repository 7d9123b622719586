import { IdentityProviderKind } from '@prossimo/identity';
import { DevIdentityProvider } from './dev-provider';
import { newRsaJwk, PrivateJwk, publicJwks } from './keys';
import { DevTrustAnchor } from './trust-anchor';

export interface DevFederation {
  trustAnchor: DevTrustAnchor;
  spid: DevIdentityProvider;
  cie: DevIdentityProvider;
  /** The api's settings for this federation (OIDC_*). */
  environment: Record<string, string>;
  stop(): Promise<void>;
}

/** New relying-party keys as the OIDC_RP_* settings want them (private JWK Sets, JSON). */
export function newRelyingPartyKeys(): { OIDC_RP_FEDERATION_JWKS: string; OIDC_RP_JWKS: string } {
  return {
    OIDC_RP_FEDERATION_JWKS: JSON.stringify({ keys: [newRsaJwk('sig')] }),
    OIDC_RP_JWKS: JSON.stringify({ keys: [newRsaJwk('sig'), newRsaJwk('enc')] }),
  };
}

/**
 * The development SPID/CIE federation on loopback: a trust anchor, a SPID and a CIE provider,
 * and the relying party `rpEntityId` registered with the anchor under its federation keys.
 */
export async function startDevFederation(options: {
  rpEntityId: string;
  rpFederationJwks: string;
  host?: string;
}): Promise<DevFederation> {
  const trustAnchor = new DevTrustAnchor();
  await trustAnchor.start();
  const spid = new DevIdentityProvider(IdentityProviderKind.SPID, trustAnchor);
  const cie = new DevIdentityProvider(IdentityProviderKind.CIE, trustAnchor);
  await spid.start();
  await cie.start();
  const rpKeys = (JSON.parse(options.rpFederationJwks) as { keys: PrivateJwk[] }).keys;
  trustAnchor.register(options.rpEntityId, publicJwks(rpKeys));
  return {
    trustAnchor,
    spid,
    cie,
    environment: {
      OIDC_RP_ENTITY_ID: options.rpEntityId,
      OIDC_TRUST_ANCHOR: trustAnchor.entityId,
      OIDC_TRUST_ANCHOR_JWKS: JSON.stringify(trustAnchor.jwks),
      OIDC_SPID_PROVIDERS: spid.entityId,
      OIDC_CIE_PROVIDER: cie.entityId,
      OIDC_ALLOW_HTTP: 'true',
    },
    async stop() {
      await spid.stop();
      await cie.stop();
      await trustAnchor.stop();
    },
  };
}
