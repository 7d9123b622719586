import { graphql } from '../../gql';

// A call as its publisher follows it (an organisation's admins, or the Comune's staff).
graphql(`
  fragment PublisherCallFields on CallToAction {
    ...CallToActionSummary
    status
    closedAt
    moderationStatus
    pendingAnswerCount
    createdAt
  }
`);

export const COMUNE_CALLS = graphql(`
  query ComuneCalls($territoryId: ID!, $after: String) {
    comuneCallsToAction(territoryId: $territoryId, first: 20, after: $after) {
      items {
        ...PublisherCallFields
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const CLOSE_CALL = graphql(`
  mutation CloseCall($input: CloseCallToActionInput!) {
    closeCallToAction(input: $input) {
      id
      status
      closedAt
    }
  }
`);

export const PUBLISH_CALL = graphql(`
  mutation PublishCall($input: PublishCallToActionInput!) {
    publishCallToAction(input: $input) {
      id
      title
    }
  }
`);

export const CALL_ANSWERS = graphql(`
  query CallAnswers($callId: ID!, $after: String) {
    callAnswers(callId: $callId, first: 20, after: $after) {
      items {
        id
        status
        message
        createdAt
        comuneIstats
        volunteer {
          id
          displayName
          comuneName
          skills
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const ACCEPT_CALL_ANSWER = graphql(`
  mutation AcceptCallAnswer($id: ID!) {
    acceptCallAnswer(input: { answerId: $id }) {
      id
      status
    }
  }
`);

export const DECLINE_CALL_ANSWER = graphql(`
  mutation DeclineCallAnswer($id: ID!) {
    declineCallAnswer(input: { answerId: $id }) {
      id
      status
    }
  }
`);
