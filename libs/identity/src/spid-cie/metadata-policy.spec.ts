import { applyPolicy, mergePolicies, PolicyError } from './metadata-policy';

// A provider's metadata as the SPID/CIE providers publish it (the parts the policies below touch).
const PROVIDER = {
  issuer: 'https://idp.example.it',
  token_endpoint_auth_methods_supported: ['private_key_jwt', 'client_secret_basic'],
  acr_values_supported: ['https://www.spid.gov.it/SpidL1', 'https://www.spid.gov.it/SpidL2'],
  client_registration_types_supported: ['automatic'],
  response_modes_supported: ['form_post', 'query'],
  id_token_signing_alg_values_supported: 'RS256',
};

describe('OpenID Federation metadata policy: applying operators', () => {
  it('value sets a parameter, or removes it when null', () => {
    const result = applyPolicy(PROVIDER, {
      issuer: { value: 'https://idp.other.it' },
      response_modes_supported: { value: null },
    });
    expect(result.issuer).toBe('https://idp.other.it');
    expect(result).not.toHaveProperty('response_modes_supported');
    // The input is left as it was.
    expect(PROVIDER.issuer).toBe('https://idp.example.it');
  });

  it('add joins values (no duplicates), or sets them when the parameter is absent', () => {
    const result = applyPolicy(PROVIDER, {
      client_registration_types_supported: { add: ['explicit', 'automatic'] },
      claims_supported: { add: ['fiscal_number'] },
    });
    expect(result.client_registration_types_supported).toEqual(['automatic', 'explicit']);
    expect(result.claims_supported).toEqual(['fiscal_number']);
  });

  it('default fills an absent parameter and leaves a present one', () => {
    const result = applyPolicy(PROVIDER, {
      issuer: { default: 'https://x.it' },
      request_parameter_supported: { default: true },
    });
    expect(result.issuer).toBe('https://idp.example.it');
    expect(result.request_parameter_supported).toBe(true);
  });

  it('one_of accepts a value among its own and refuses any other', () => {
    expect(
      applyPolicy(PROVIDER, { id_token_signing_alg_values_supported: { one_of: ['RS256', 'ES256'] } }),
    ).toMatchObject({ id_token_signing_alg_values_supported: 'RS256' });
    expect(() =>
      applyPolicy(PROVIDER, { id_token_signing_alg_values_supported: { one_of: ['ES256', 'PS256'] } }),
    ).toThrow(
      new PolicyError('id_token_signing_alg_values_supported: "RS256" is not one of the allowed values'),
    );
  });

  it('subset_of keeps only the allowed values, and removes a parameter left with none', () => {
    const result = applyPolicy(PROVIDER, {
      token_endpoint_auth_methods_supported: {
        subset_of: ['private_key_jwt', 'self_signed_tls_client_auth'],
      },
      response_modes_supported: { subset_of: ['fragment'] },
    });
    expect(result.token_endpoint_auth_methods_supported).toEqual(['private_key_jwt']);
    expect(result).not.toHaveProperty('response_modes_supported');
    // Required, yet nothing allowed is left: refused.
    expect(() =>
      applyPolicy(PROVIDER, { response_modes_supported: { subset_of: ['fragment'], essential: true } }),
    ).toThrow('response_modes_supported is required by the policy');
  });

  it('superset_of refuses a parameter that lacks one of its values', () => {
    expect(() =>
      applyPolicy(PROVIDER, { acr_values_supported: { superset_of: ['https://www.spid.gov.it/SpidL1'] } }),
    ).not.toThrow();
    expect(() =>
      applyPolicy(PROVIDER, { acr_values_supported: { superset_of: ['https://www.spid.gov.it/SpidL3'] } }),
    ).toThrow(PolicyError);
  });

  it('essential refuses an absent parameter; false or a present parameter passes', () => {
    expect(() => applyPolicy(PROVIDER, { organization_name: { essential: true } })).toThrow(
      'organization_name is required by the policy',
    );
    expect(applyPolicy(PROVIDER, { organization_name: { essential: false } })).not.toHaveProperty(
      'organization_name',
    );
    expect(() => applyPolicy(PROVIDER, { issuer: { essential: true } })).not.toThrow();
  });

  it('shapes first, then checks: a default that one_of allows passes', () => {
    expect(
      applyPolicy({}, { subject_types_supported: { default: 'pairwise', one_of: ['pairwise', 'public'] } }),
    ).toEqual({ subject_types_supported: 'pairwise' });
  });
});

describe('OpenID Federation metadata policy: merging a chain (trust anchor first)', () => {
  it('merges each operator by its rule', () => {
    const merged = mergePolicies([
      {
        token_endpoint_auth_methods_supported: { subset_of: ['private_key_jwt', 'client_secret_basic'] },
        acr_values_supported: { superset_of: ['L1'] },
        claims_supported: { add: ['fiscal_number'] },
        subject_types_supported: { one_of: ['pairwise', 'public'] },
        organization_name: { essential: true },
        issuer: { value: 'https://idp.example.it' },
      },
      {
        token_endpoint_auth_methods_supported: { subset_of: ['private_key_jwt', 'tls_client_auth'] },
        acr_values_supported: { superset_of: ['L2'] },
        claims_supported: { add: ['email'] },
        subject_types_supported: { one_of: ['pairwise'] },
        organization_name: { essential: false },
        issuer: { value: 'https://idp.example.it' },
      },
    ]);
    expect(merged).toEqual({
      token_endpoint_auth_methods_supported: { subset_of: ['private_key_jwt'] },
      acr_values_supported: { superset_of: ['L1', 'L2'] },
      claims_supported: { add: ['fiscal_number', 'email'] },
      subject_types_supported: { one_of: ['pairwise'] },
      // A superior's essential stays.
      organization_name: { essential: true },
      issuer: { value: 'https://idp.example.it' },
    });
  });

  it('values compare as sets: the same values in another order do not conflict', () => {
    expect(() =>
      mergePolicies([{ grant_types: { value: ['a', 'b'] } }, { grant_types: { value: ['b', 'a'] } }]),
    ).not.toThrow();
  });

  it.each([
    [
      'two different values',
      [{ issuer: { value: 'https://a.it' } }, { issuer: { value: 'https://b.it' } }],
      'value differs',
    ],
    [
      'two different defaults',
      [{ scope: { default: 'openid' } }, { scope: { default: 'profile' } }],
      'default differs',
    ],
    [
      'one_of with nothing in common',
      [{ x: { one_of: ['a'] } }, { x: { one_of: ['b'] } }],
      'one_of leaves no value',
    ],
    [
      'a value outside one_of',
      [{ x: { one_of: ['a', 'b'] } }, { x: { value: 'c' } }],
      'value is not one of one_of',
    ],
    [
      'a value outside subset_of',
      [{ x: { subset_of: ['a'] } }, { x: { value: ['a', 'c'] } }],
      'not a subset',
    ],
    [
      'a value missing superset_of',
      [{ x: { superset_of: ['a'] } }, { x: { value: ['c'] } }],
      'not a superset',
    ],
    [
      'additions outside subset_of',
      [{ x: { subset_of: ['a'] } }, { x: { add: ['b'] } }],
      'add is not within subset_of',
    ],
    [
      'subset_of narrower than superset_of',
      [{ x: { superset_of: ['a', 'b'] } }, { x: { subset_of: ['a'] } }],
      'does not contain superset_of',
    ],
    [
      'removing what is essential',
      [{ x: { essential: true } }, { x: { value: null } }],
      'value null conflicts with essential',
    ],
    [
      'one_of beside subset_of',
      [{ x: { one_of: ['a'] } }, { x: { subset_of: ['a'] } }],
      'one_of cannot be combined',
    ],
    ['an operand of the wrong type', [{ x: { subset_of: 'a' as never } }], 'subset_of must be an array'],
  ])('refuses %s', (_label, policies, message) => {
    expect(() => mergePolicies(policies)).toThrow(message);
  });

  it('refuses a chain that marks an operator it needs as critical and we do not know', () => {
    expect(() => mergePolicies([{ x: { regexp: '^a' } as never }], ['regexp'])).toThrow(
      'Critical policy operators not supported: regexp',
    );
    // Not critical: ignored.
    expect(applyPolicy({ x: 'b' }, mergePolicies([{ x: { regexp: '^a' } as never }]))).toEqual({ x: 'b' });
    expect(() => mergePolicies([], ['one_of'])).not.toThrow();
  });
});
