import { graphql } from '../../gql';

// The operations of a Third Sector organisation's daily work (members, offers, requests, reviews),
// in one module so that a test can check each one's cost against the api's limit.

export const ORGANISATION_NAMES = graphql(`
  query EtsOrganisationNames {
    myOrganisations {
      id
      name
      homeComuneIstat
    }
  }
`);

export const MY_INVITATIONS = graphql(`
  query EtsMyInvitations {
    myOrganisationInvitations {
      id
      organisationId
      organisationName
      role
      expiresAt
    }
  }
`);

export const ACCEPT_INVITATION = graphql(`
  mutation EtsAcceptInvitation($id: ID!) {
    acceptOrganisationInvitation(input: { invitationId: $id }) {
      organisationId
      role
      status
    }
  }
`);

export const DECLINE_INVITATION = graphql(`
  mutation EtsDeclineInvitation($id: ID!) {
    declineOrganisationInvitation(input: { invitationId: $id })
  }
`);

export const MEMBERS = graphql(`
  query EtsMembers($organisationId: ID!, $after: String) {
    organisationMembers(organisationId: $organisationId, first: 20, after: $after) {
      items {
        id
        userId
        role
        name
        phone
        since
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const SENT_INVITATIONS = graphql(`
  query EtsSentInvitations($organisationId: ID!, $after: String) {
    organisationInvitations(organisationId: $organisationId, first: 20, after: $after) {
      items {
        id
        role
        phone
        sentAt
        expiresAt
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const INVITE_MEMBER = graphql(`
  mutation EtsInviteMember($input: InviteOrganisationMemberInput!) {
    inviteOrganisationMember(input: $input) {
      status
      invitationExpiresAt
    }
  }
`);

export const REVOKE_INVITATION = graphql(`
  mutation EtsRevokeInvitation($id: ID!) {
    revokeOrganisationInvitation(input: { invitationId: $id })
  }
`);

export const REMOVE_MEMBER = graphql(`
  mutation EtsRemoveMember($input: RemoveOrganisationMemberInput!) {
    removeOrganisationMember(input: $input)
  }
`);
