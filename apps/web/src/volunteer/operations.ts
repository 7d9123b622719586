import { graphql } from '../gql';

// Every GraphQL operation of the volunteer's pages, typed by GraphQL Code Generator.

export const MY_VOLUNTEER_PROFILE = graphql(`
  query MyVolunteerProfile {
    myVolunteerProfile {
      id
      displayName
      bio
      categories
      languages
      skills
      comuneIstat
      comuneName
      homeLat
      homeLon
      travelRadiusKm
      weeklyHourLimit
      moderationStatus
      organisationId
      vehicle {
        seats
        wheelchairAccessible
      }
    }
  }
`);

export const UPSERT_VOLUNTEER_PROFILE = graphql(`
  mutation UpsertVolunteerProfile($input: UpsertVolunteerProfileInput!) {
    upsertVolunteerProfile(input: $input) {
      id
      displayName
      bio
      categories
      languages
      skills
      comuneIstat
      comuneName
      homeLat
      homeLon
      travelRadiusKm
      weeklyHourLimit
      moderationStatus
      organisationId
      vehicle {
        seats
        wheelchairAccessible
      }
    }
  }
`);

export const SEARCH_COMUNI = graphql(`
  query VolunteerSearchComuni($search: String!) {
    comuni(search: $search, first: 8) {
      items {
        istat
        name
        provinceCode
        lat
        lon
      }
    }
  }
`);

export const MY_AVAILABILITY = graphql(`
  query MyAvailability {
    myAvailability {
      id
      kind
      dayOfWeek
      start
      end
      validFrom
      validUntil
      startsAt
      endsAt
    }
    myVolunteerProfile {
      id
      weeklyHourLimit
    }
  }
`);

export const ADD_AVAILABILITY_WINDOW = graphql(`
  mutation AddAvailabilityWindow($input: AvailabilityWindowInput!) {
    addAvailabilityWindow(input: $input) {
      id
    }
  }
`);

export const REMOVE_AVAILABILITY_WINDOW = graphql(`
  mutation RemoveAvailabilityWindow($id: ID!) {
    removeAvailabilityWindow(id: $id)
  }
`);

export const MY_PROPOSALS = graphql(`
  query MyProposals($after: String) {
    myProposals(first: 20, after: $after) {
      items {
        id
        needId
        status
        createdAt
        expiresAt
        distanceKm
        rank
        whyThisHelper
        reasons {
          name
          explanation
          contribution
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const NEED_FOR_HELPER = graphql(`
  query NeedForHelper($id: ID!) {
    need(id: $id) {
      id
      category
      description
      status
      address
      windowStart
      windowEnd
      accessibilityNeeds
      details {
        ride {
          appointmentAt
          pickupPlace
          destinationPlace
          returnTripWanted
          returnAt
          wheelchair
          escortWaits
          passengers
        }
      }
    }
  }
`);

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

export const NOTIFICATION_RECEIVED = graphql(`
  subscription VolunteerNotificationReceived {
    notificationReceived {
      id
      event
      body
    }
  }
`);

export const MY_ENGAGEMENTS = graphql(`
  query MyEngagements($after: String) {
    me {
      id
    }
    myEngagements(first: 20, after: $after) {
      items {
        id
        needId
        status
        startsAt
        endsAt
        startedAt
        completedAt
        hoursLogged
        helperUserId
        helperName
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const ENGAGEMENT = graphql(`
  query Engagement($id: ID!) {
    me {
      id
    }
    engagement(id: $id) {
      id
      needId
      status
      startsAt
      endsAt
      startedAt
      completedAt
      hoursLogged
      helperUserId
      helperName
    }
    myReviews(direction: WRITTEN, first: 100) {
      items {
        id
        engagementId
      }
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

export const WRITE_REVIEW = graphql(`
  mutation VolunteerWriteReview($input: WriteReviewInput!) {
    writeReview(input: $input) {
      id
      visibility
      overallStars
    }
  }
`);

export const MY_REVIEWS = graphql(`
  query VolunteerReviews($afterReceived: String, $afterWritten: String) {
    received: myReviews(direction: RECEIVED, first: 20, after: $afterReceived) {
      items {
        id
        createdAt
        overallStars
        comment
        scores {
          criterion
          stars
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
    written: myReviews(direction: WRITTEN, first: 20, after: $afterWritten) {
      items {
        id
        createdAt
        overallStars
        comment
        visibility
        subjectType
        scores {
          criterion
          stars
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const CALLS_TO_ACTION = graphql(`
  query VolunteerCallsToAction($after: String) {
    callsToAction(first: 20, after: $after) {
      items {
        id
        title
        description
        categories
        alwaysOpen
        startsOn
        endsOn
        volunteersWanted
        acceptedCount
        places {
          istat
          name
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const ANSWER_CALL = graphql(`
  mutation AnswerCallToAction($input: AnswerCallToActionInput!) {
    answerCallToAction(input: $input) {
      id
      status
    }
  }
`);
