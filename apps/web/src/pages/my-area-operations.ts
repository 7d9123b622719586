import { graphql } from '../gql';

// "La mia area"'s operations; each costs at most what the api accepts (my-area-operations.test.ts).

// An organisation's invitation waits for an answer on its page: say so where the person lands.
export const INVITATIONS = graphql(`
  query MyAreaInvitations {
    myOrganisationInvitations {
      id
      organisationName
    }
  }
`);

// What waits for the person: a helper to confirm, proposals to answer, commitments and calls they
// were accepted for, unread news, requests under way.
export const TO_DO = graphql(`
  query MyAreaToDo($volunteer: Boolean!) {
    myNeeds(first: 50) {
      items {
        id
        status
        engagement {
          id
          status
          startsAt
        }
      }
    }
    myProposals(first: 50) @include(if: $volunteer) {
      items {
        id
        status
      }
    }
    myEngagements(first: 20) @include(if: $volunteer) {
      items {
        id
        status
        startsAt
        helperUserId
      }
    }
    myNotifications(first: 1, unreadOnly: true) {
      unreadCount
    }
  }
`);

// The staff's lists, each its own query (one the api refuses leaves the rest): first pages only,
// a count rather than the rows.
export const UNMATCHED_TO_DO = graphql(`
  query MyAreaUnmatchedToDo {
    unmatchedNeeds(first: 20) {
      items {
        needId
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);

// The follow-up list's first section, as it opens: open for 24 hours or more.
export const OPEN_LONG_TO_DO = graphql(`
  query MyAreaOpenLongToDo {
    territoryNeeds(status: OPEN, unmatchedForHours: 24, first: 20) {
      items {
        id
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);

// The Comune's own calls with answers to decide, as its calls page lists them.
export const COMUNE_CALLS_TO_DO = graphql(`
  query MyAreaComuneCallsToDo {
    comuneCallsToAction(withPendingAnswers: true, first: 20) {
      items {
        id
        pendingAnswerCount
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);

export const REVIEW_TO_DO = graphql(`
  query MyAreaReviewToDo {
    moderationQueue(first: 20) {
      items {
        contentId
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);

// Open by default: submitted or under review.
export const ACCREDITATIONS_TO_DO = graphql(`
  query MyAreaAccreditationsToDo {
    accreditationRequests(first: 20) {
      items {
        id
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);

// A volunteer's answers to calls (its own query: with the rest, "La mia area" would cost more than
// the api accepts).
export const CALLS_ACCEPTED_TO_DO = graphql(`
  query MyAreaCallsAcceptedToDo {
    myCallAnswers(first: 20) {
      items {
        id
        status
        call {
          id
          title
          startsOn
          endsOn
          status
        }
      }
    }
  }
`);
