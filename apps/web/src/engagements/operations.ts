import { graphql } from '../gql';

// The helper's side of a proposal and of an engagement: the same api actions whether the volunteer
// acts or their organisation does for them (the console's Richieste page), so one document each.

export const ACCEPT_PROPOSAL = graphql(`
  mutation AcceptProposal($id: ID!) {
    acceptProposal(input: { proposalId: $id }) {
      id
      status
    }
  }
`);

export const DECLINE_PROPOSAL = graphql(`
  mutation DeclineProposal($id: ID!) {
    declineProposal(input: { proposalId: $id }) {
      id
      status
    }
  }
`);

export const START_ENGAGEMENT = graphql(`
  mutation StartEngagement($id: ID!) {
    startEngagement(input: { engagementId: $id }) {
      id
      status
      startedAt
    }
  }
`);

export const COMPLETE_ENGAGEMENT = graphql(`
  mutation CompleteEngagement($id: ID!, $hours: Float!) {
    completeEngagement(input: { engagementId: $id, hoursLogged: $hours }) {
      id
      status
      completedAt
      hoursLogged
    }
  }
`);

export const CANCEL_ENGAGEMENT = graphql(`
  mutation CancelEngagement($id: ID!, $reason: String!) {
    cancelEngagement(input: { engagementId: $id, reason: $reason }) {
      id
      status
    }
  }
`);

// The conversation of an engagement: its helper, the person helped and the Comune's desk write
// there instead of giving each other a phone number (the api relays each message by SMS too).

export const ENGAGEMENT_MESSAGES = graphql(`
  query EngagementMessages($engagementId: ID!, $first: Int!) {
    engagementMessages(engagementId: $engagementId, first: $first) {
      items {
        id
        body
        createdAt
        mine
        senderName
        side
        viaSms
        moderationStatus
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);

export const SEND_ENGAGEMENT_MESSAGE = graphql(`
  mutation SendEngagementMessage($input: SendEngagementMessageInput!) {
    sendEngagementMessage(input: $input) {
      id
      moderationStatus
    }
  }
`);
