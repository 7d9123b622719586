import { graphql } from '../gql';

// What a call's publisher wrote to the volunteers it accepted: the publisher's console and the
// accepted volunteer's calls page read the same list.
export const CALL_MESSAGES = graphql(`
  query CallMessages($callId: ID!, $after: String) {
    callMessages(callId: $callId, first: 10, after: $after) {
      items {
        id
        body
        recipientCount
        createdAt
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const SEND_CALL_MESSAGE = graphql(`
  mutation SendCallMessage($input: SendCallMessageInput!) {
    sendCallMessage(input: $input) {
      id
      recipientCount
    }
  }
`);
