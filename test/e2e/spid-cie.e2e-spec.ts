import { startStackForFile } from '../support/stack';
import { errorOf, grantRole, ok, signUp } from '../support/fixtures';
import { FederationStackOptions, startFederationForStack, TestBrowser } from '../support/dev-federation';
import { identitySignIn, START } from '../support/identity-sign-in';
import { TEST_IDENTITIES } from '../../apps/launcher/src/dev-identity/test-identities';
import { DevIdentityProvider } from '../../apps/launcher/src/dev-identity/dev-provider';
import { DevTrustAnchor } from '../../apps/launcher/src/dev-identity/trust-anchor';
import { IdentityProviderKind } from '@prossimo/identity';

describe('SPID and CIE sign-in (OpenID Connect Federation, development provider)', () => {
  let setup: FederationStackOptions;
  // A provider in another federation: its chain ends at a trust anchor that is not ours.
  let rogueAnchor: DevTrustAnchor;
  let rogue: DevIdentityProvider;
  // A provider of our federation whose metadata breaks the policy the trust anchor sets on it.
  let policed: DevIdentityProvider;

  beforeAll(async () => {
    rogueAnchor = new DevTrustAnchor();
    await rogueAnchor.start();
    rogue = new DevIdentityProvider(IdentityProviderKind.SPID, rogueAnchor);
    await rogue.start();
    setup = await startFederationForStack({ STAFF_STEP_UP: 'true' });
    const { trustAnchor } = setup.federation;
    // The SPID provider every sign-in below uses meets its policy (OpenID Federation 6.1)...
    trustAnchor.setMetadataPolicy(setup.federation.spid.entityId, {
      openid_provider: {
        client_registration_types_supported: { subset_of: ['automatic', 'explicit'], essential: true },
        organization_name: { essential: true },
      },
    });
    // ...this one does not: the anchor asks for explicit registration, it offers automatic only.
    policed = new DevIdentityProvider(IdentityProviderKind.SPID, trustAnchor);
    await policed.start();
    trustAnchor.setMetadataPolicy(policed.entityId, {
      openid_provider: { client_registration_types_supported: { superset_of: ['explicit'] } },
    });
    setup.options.env = {
      ...setup.options.env,
      OIDC_SPID_PROVIDERS: `${setup.federation.spid.entityId},${rogue.entityId},${policed.entityId}`,
    };
  });
  const stack = startStackForFile(() => setup.options);
  afterAll(async () => {
    await setup?.federation.stop();
    await rogue?.stop();
    await policed?.stop();
    await rogueAnchor?.stop();
  });

  afterEach(() => {
    if (setup) setup.federation.spid.rewriteIdToken = undefined;
  });

  const { authorizationUrl, throughProvider, complete, signIn } = identitySignIn(
    () => stack,
    () => setup,
  );

  it('publishes a signed entity configuration with the relying party metadata', async () => {
    const response = await fetch(`${setup.apiOrigin}/.well-known/openid-federation`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/entity-statement+jwt');
    const jose = await import('jose');
    const jwt = await response.text();
    const { payload, protectedHeader } = await jose.jwtVerify(
      jwt,
      jose.createLocalJWKSet(jose.decodeJwt(jwt).jwks as never),
      { issuer: setup.apiOrigin, subject: setup.apiOrigin, typ: 'entity-statement+jwt' },
    );
    expect(protectedHeader.kid).toBeDefined();
    expect(payload.authority_hints).toEqual([setup.federation.trustAnchor.entityId]);
    const rp = (payload.metadata as Record<string, Record<string, unknown>>).openid_relying_party;
    expect(rp.client_id).toBe(setup.apiOrigin);
    expect(rp.redirect_uris).toEqual([`${setup.apiOrigin}/auth/oidc/callback`]);
    expect(rp.token_endpoint_auth_method).toBe('private_key_jwt');
    // Only public keys are published.
    for (const key of [...(payload.jwks as { keys: object[] }).keys, ...(rp.jwks as { keys: object[] }).keys])
      expect(key).not.toHaveProperty('d');
  });

  it('sends a signed request object with PKCE, state, nonce, the level and the SPID claims', async () => {
    const url = new URL(await authorizationUrl({ provider: 'SPID', level: 3 }));
    expect(url.origin).toBe(setup.federation.spid.entityId);
    const jose = await import('jose');
    const request = jose.decodeJwt(url.searchParams.get('request') as string);
    expect(request.iss).toBe(setup.apiOrigin);
    expect(request.acr_values).toBe('https://www.spid.gov.it/SpidL3');
    expect(request.code_challenge_method).toBe('S256');
    expect(String(request.state).length).toBeGreaterThanOrEqual(32);
    expect(String(request.nonce).length).toBeGreaterThanOrEqual(32);
    expect((request.claims as { userinfo: object }).userinfo).toHaveProperty([
      'https://attributes.eid.gov.it/fiscal_number',
    ]);
  });

  it.each([1, 2, 3])('signs a new person in with SPID level %i', async (level) => {
    const identity = TEST_IDENTITIES[level - 1];
    const { location, session } = await signIn(
      { provider: 'SPID', level, returnPath: '/area' },
      { identity: identity.id, level },
    );
    expect(location).toBe(`/area?accesso=SPID_L${level}`);
    expect(session?.authLevel).toBe(`SPID_L${level}`);
    expect(session?.user.codiceFiscale).toBe(identity.codiceFiscale);
    expect(session?.user.displayName).toBe(`${identity.givenName} ${identity.familyName}`);
    // The phone SPID gives is not trusted for messages until checked by SMS.
    expect(session?.user.phoneE164).toBeNull();
  });

  it('signs in with CIE, and the same person again into the same account', async () => {
    const identity = TEST_IDENTITIES[3];
    const first = await signIn({ provider: 'CIE', level: 2 }, { identity: identity.id, level: 3 });
    expect(first.session?.authLevel).toBe('CIE_L2');
    const again = await signIn({ provider: 'SPID', level: 2 }, { identity: identity.id, level: 2 });
    expect(again.session?.user.id).toBe(first.session?.user.id);
  });

  it('comes back to the sign-in page when the person cancels (access_denied), which returns to the page that asked', async () => {
    const browser = new TestBrowser();
    const callback = await throughProvider(
      browser,
      await authorizationUrl({ provider: 'SPID', returnPath: '/moderazione/accreditamenti?stato=1' }),
      { cancel: true },
    );
    expect(callback.searchParams.get('error')).toBe('access_denied');
    const { location, session } = await complete(browser, callback);
    expect(location).toBe('/accedi?identita=cancelled&dopo=%2Fmoderazione%2Faccreditamenti%3Fstato%3D1');
    expect(session).toBeUndefined();
  });

  it('refuses a level below the one asked for', async () => {
    const { location, session } = await signIn({ provider: 'SPID', level: 3 }, { level: 2 });
    expect(location).toBe('/accedi?identita=level_too_low&dopo=%2Farea');
    expect(session).toBeUndefined();
  });

  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const claimsOf = (jwt: string) =>
    JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString()) as Record<string, unknown>;

  it.each([
    [
      'for another audience',
      (jwt: string, resign: (claims: Record<string, unknown>) => Promise<string>) =>
        resign({ ...claimsOf(jwt), aud: 'https://another-rp.example.it' }),
    ],
    [
      'expired',
      (jwt: string, resign: (claims: Record<string, unknown>) => Promise<string>) => {
        const now = Math.floor(Date.now() / 1000);
        return resign({ ...claimsOf(jwt), iat: now - 7200, exp: now - 3600 });
      },
    ],
    [
      'tampered (claims changed after signing)',
      (jwt: string) => {
        const [header, , signature] = jwt.split('.');
        return `${header}.${encode({ ...claimsOf(jwt), acr: 'https://www.spid.gov.it/SpidL3' })}.${signature}`;
      },
    ],
    [
      'unsigned (alg none)',
      (jwt: string) => `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claimsOf(jwt))}.`,
    ],
    [
      'signed by a key the chain does not vouch for',
      async (jwt: string) => {
        const jose = await import('jose');
        const { privateKey } = await jose.generateKeyPair('RS256');
        return new jose.SignJWT(claimsOf(jwt))
          .setProtectedHeader({ alg: 'RS256', kid: 'other' })
          .sign(privateKey);
      },
    ],
  ])('refuses an ID token %s', async (_name, rewrite) => {
    setup.federation.spid.rewriteIdToken = (jwt, tools) => rewrite(jwt, tools.resign);
    const { location, session } = await signIn({ provider: 'SPID', level: 2 });
    expect(location).toBe('/accedi?identita=token_invalid&dopo=%2Farea');
    expect(session).toBeUndefined();
  });

  it('refuses a replayed callback (state and nonce are spent)', async () => {
    const browser = new TestBrowser();
    const callback = await throughProvider(browser, await authorizationUrl({ provider: 'SPID' }));
    const first = await complete(browser, callback);
    expect(first.session?.authLevel).toBe('SPID_L2');
    const replayed = await complete(new TestBrowser(), callback);
    expect(replayed.location).toBe('/accedi?identita=state_invalid');
    expect(replayed.session).toBeUndefined();
  });

  it('refuses a provider whose metadata breaks the metadata policy of its trust chain', async () => {
    const result = await stack.graphql(START, {
      input: { provider: 'SPID', providerEntityId: policed.entityId },
    });
    expect(errorOf(result)).toEqual({ code: 'IDENTITY_PROVIDER_UNTRUSTED', field: 'input.providerEntityId' });
  });

  it('refuses a provider whose trust chain does not reach the trust anchor', async () => {
    const result = await stack.graphql(START, {
      input: { provider: 'SPID', providerEntityId: rogue.entityId },
    });
    expect(errorOf(result).code).toBe('IDENTITY_PROVIDER_UNTRUSTED');
    const providers = ok(
      await stack.graphql<{ identityProviders: { entityId: string; kind: string }[] }>(
        `{ identityProviders { kind entityId name } }`,
      ),
    ).identityProviders;
    expect(providers.map((provider) => provider.entityId).sort()).toEqual(
      [setup.federation.spid.entityId, setup.federation.cie.entityId].sort(),
    );
    const unknown = await stack.graphql(START, {
      input: { provider: 'SPID', providerEntityId: 'https://idp.example.it' },
    });
    expect(errorOf(unknown).code).toBe('IDENTITY_PROVIDER_UNKNOWN');
  });

  it('links SPID to the signed-in phone account, then signs into it by codice fiscale', async () => {
    const phoneUser = await signUp(stack);
    const identity = TEST_IDENTITIES[1];
    // A fresh identity for this test: the earlier ones already have accounts.
    await stack.dataSource.query(
      `UPDATE users SET codice_fiscale_encrypted = NULL, codice_fiscale_hmac = NULL
                                   WHERE display_name = $1`,
      [`${identity.givenName} ${identity.familyName}`],
    );
    const linked = await signIn({ provider: 'SPID', level: 2 }, { identity: identity.id }, phoneUser.token);
    expect(linked.session?.user.id).toBe(phoneUser.userId);
    expect(linked.session?.user.codiceFiscale).toBe(identity.codiceFiscale);
    expect(linked.session?.user.phoneE164).toBe(phoneUser.phone);
    const later = await signIn({ provider: 'CIE', level: 2 }, { identity: identity.id });
    expect(later.session?.user.id).toBe(phoneUser.userId);
    expect(later.session?.authLevel).toBe('CIE_L2');
  });

  it('does not link an identity whose codice fiscale belongs to another account', async () => {
    const holder = await signIn({ provider: 'SPID', level: 2 }, { identity: TEST_IDENTITIES[0].id });
    expect(holder.session?.user.codiceFiscale).toBe(TEST_IDENTITIES[0].codiceFiscale);
    const other = await signUp(stack);
    const { location } = await signIn(
      { provider: 'SPID', level: 2 },
      { identity: TEST_IDENTITIES[0].id },
      other.token,
    );
    expect(location).toBe('/accedi?identita=codice_fiscale_taken&dopo=%2Farea');
  });

  it('asks staff to step up with SPID level 2+ or CIE before erasing an account, then allows it', async () => {
    const admin = await signUp(stack);
    await grantRole(stack.dataSource, admin.userId, 'platform_admin');
    const citizen = await signUp(stack);
    const ERASE = `mutation ($input: EraseAccountInput!) { eraseAccount(input: $input) { id } }`;
    const input = { userId: citizen.userId, reason: 'PERSON_ASKED', confirm: true };

    const refused = await stack.graphql(ERASE, { input }, { token: admin.token });
    expect(errorOf(refused).code).toBe('STEP_UP_REQUIRED');
    expect(refused.errors?.[0].message).toMatch(/SPID .*CIE/);
    const english = await stack.graphql(ERASE, { input }, { token: admin.token, language: 'en' });
    expect(english.errors?.[0].message).toContain('needs a sign-in with SPID (level 2 or above) or CIE');

    // SPID level 1 is not enough.
    const identity = TEST_IDENTITIES[2];
    await stack.dataSource.query(
      `UPDATE users SET codice_fiscale_encrypted = NULL, codice_fiscale_hmac = NULL WHERE display_name = $1`,
      [`${identity.givenName} ${identity.familyName}`],
    );
    const levelOne = await signIn(
      { provider: 'SPID', level: 1 },
      { identity: identity.id, level: 1 },
      admin.token,
    );
    expect(levelOne.session?.user.id).toBe(admin.userId);
    const stillRefused = await stack.graphql(ERASE, { input }, { token: levelOne.session?.accessToken });
    expect(errorOf(stillRefused).code).toBe('STEP_UP_REQUIRED');

    const stepped = await signIn({ provider: 'SPID', level: 2 }, { identity: identity.id, level: 2 });
    expect(stepped.session?.user.id).toBe(admin.userId);
    const allowed = await stack.graphql<{ eraseAccount: { id: string } }>(
      ERASE,
      { input },
      { token: stepped.session?.accessToken },
    );
    expect(ok(allowed).eraseAccount.id).toBeDefined();
    const [erased] = await stack.dataSource.query(`SELECT status FROM users WHERE id = $1`, [citizen.userId]);
    expect(erased.status).toBe('erased');
  });
});
