import { graphql } from '../gql';

export const SESSION_USER_FIELDS = graphql(`
  fragment SessionUser on User {
    id
    displayName
    language
    phoneE164
    roles {
      id
      role
      territoryId
      organisationId
    }
  }
`);

// What signing in or renewing gives the web app: the access token and who is signed in.
export const SESSION_TOKENS_FIELDS = graphql(`
  fragment SessionTokens on AuthPayload {
    accessToken
    accessTokenExpiresAt
    authLevel
    user {
      ...SessionUser
    }
  }
`);

// The web client sends no refresh token: the api reads it from the HttpOnly cookie (x-prossimo-client: web).
export const REFRESH_SESSION = graphql(`
  mutation RefreshWebSession {
    refreshSession {
      ...SessionTokens
    }
  }
`);

export const REQUEST_CODE = graphql(`
  mutation RequestPhoneCode($input: RequestPhoneVerificationInput!) {
    requestPhoneVerification(input: $input) {
      phone
      expiresAt
      resendAfterSeconds
    }
  }
`);

export const VERIFY_PHONE = graphql(`
  mutation VerifyPhoneCode($input: VerifyPhoneInput!) {
    verifyPhone(input: $input) {
      ...SessionTokens
    }
  }
`);

export const SIGN_OUT = graphql(`
  mutation SignOut {
    signOut
  }
`);

export const PRIVACY_NOTICE = graphql(`
  query PrivacyNotice($language: String) {
    privacyNotice(language: $language) {
      version
      title
      body
      publishedAt
    }
  }
`);
