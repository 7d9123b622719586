import { graphql } from '../../gql';

// The SPID and CIE providers whose trust chain reaches our anchor (the api leaves out the others).
export const IDENTITY_PROVIDERS = graphql(`
  query IdentityProviders {
    identityProviders {
      kind
      entityId
      name
    }
  }
`);

export const START_IDENTITY_SIGN_IN = graphql(`
  mutation StartIdentitySignIn($input: StartIdentityProviderSignInInput!) {
    startIdentityProviderSignIn(input: $input) {
      authorizationUrl
    }
  }
`);
