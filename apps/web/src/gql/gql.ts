/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment SessionUser on User {\n    id\n    displayName\n    language\n    phoneE164\n    roles {\n      id\n      role\n      territoryId\n      organisationId\n    }\n  }\n": typeof types.SessionUserFragmentDoc,
    "\n  mutation RefreshWebSession {\n    refreshSession {\n      accessToken\n      accessTokenExpiresAt\n      user {\n        ...SessionUser\n      }\n    }\n  }\n": typeof types.RefreshWebSessionDocument,
    "\n  mutation RequestPhoneCode($input: RequestPhoneVerificationInput!) {\n    requestPhoneVerification(input: $input) {\n      phone\n      expiresAt\n      resendAfterSeconds\n    }\n  }\n": typeof types.RequestPhoneCodeDocument,
    "\n  mutation VerifyPhoneCode($input: VerifyPhoneInput!) {\n    verifyPhone(input: $input) {\n      accessToken\n      accessTokenExpiresAt\n      user {\n        ...SessionUser\n      }\n    }\n  }\n": typeof types.VerifyPhoneCodeDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": typeof types.SignOutDocument,
    "\n  query PrivacyNotice($language: String) {\n    privacyNotice(language: $language) {\n      version\n      title\n      body\n      publishedAt\n    }\n  }\n": typeof types.PrivacyNoticeDocument,
};
const documents: Documents = {
    "\n  fragment SessionUser on User {\n    id\n    displayName\n    language\n    phoneE164\n    roles {\n      id\n      role\n      territoryId\n      organisationId\n    }\n  }\n": types.SessionUserFragmentDoc,
    "\n  mutation RefreshWebSession {\n    refreshSession {\n      accessToken\n      accessTokenExpiresAt\n      user {\n        ...SessionUser\n      }\n    }\n  }\n": types.RefreshWebSessionDocument,
    "\n  mutation RequestPhoneCode($input: RequestPhoneVerificationInput!) {\n    requestPhoneVerification(input: $input) {\n      phone\n      expiresAt\n      resendAfterSeconds\n    }\n  }\n": types.RequestPhoneCodeDocument,
    "\n  mutation VerifyPhoneCode($input: VerifyPhoneInput!) {\n    verifyPhone(input: $input) {\n      accessToken\n      accessTokenExpiresAt\n      user {\n        ...SessionUser\n      }\n    }\n  }\n": types.VerifyPhoneCodeDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
    "\n  query PrivacyNotice($language: String) {\n    privacyNotice(language: $language) {\n      version\n      title\n      body\n      publishedAt\n    }\n  }\n": types.PrivacyNoticeDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SessionUser on User {\n    id\n    displayName\n    language\n    phoneE164\n    roles {\n      id\n      role\n      territoryId\n      organisationId\n    }\n  }\n"): (typeof documents)["\n  fragment SessionUser on User {\n    id\n    displayName\n    language\n    phoneE164\n    roles {\n      id\n      role\n      territoryId\n      organisationId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshWebSession {\n    refreshSession {\n      accessToken\n      accessTokenExpiresAt\n      user {\n        ...SessionUser\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RefreshWebSession {\n    refreshSession {\n      accessToken\n      accessTokenExpiresAt\n      user {\n        ...SessionUser\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPhoneCode($input: RequestPhoneVerificationInput!) {\n    requestPhoneVerification(input: $input) {\n      phone\n      expiresAt\n      resendAfterSeconds\n    }\n  }\n"): (typeof documents)["\n  mutation RequestPhoneCode($input: RequestPhoneVerificationInput!) {\n    requestPhoneVerification(input: $input) {\n      phone\n      expiresAt\n      resendAfterSeconds\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyPhoneCode($input: VerifyPhoneInput!) {\n    verifyPhone(input: $input) {\n      accessToken\n      accessTokenExpiresAt\n      user {\n        ...SessionUser\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation VerifyPhoneCode($input: VerifyPhoneInput!) {\n    verifyPhone(input: $input) {\n      accessToken\n      accessTokenExpiresAt\n      user {\n        ...SessionUser\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PrivacyNotice($language: String) {\n    privacyNotice(language: $language) {\n      version\n      title\n      body\n      publishedAt\n    }\n  }\n"): (typeof documents)["\n  query PrivacyNotice($language: String) {\n    privacyNotice(language: $language) {\n      version\n      title\n      body\n      publishedAt\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;