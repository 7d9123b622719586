import { graphql } from '../gql';

// Every GraphQL operation of the volunteer's pages, typed by GraphQL Code Generator.

// What the profile page shows and edits: read and written back with the same fields.
export const VOLUNTEER_PROFILE_FIELDS = graphql(`
  fragment VolunteerProfileFields on MyVolunteerProfile {
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
`);

export const MY_VOLUNTEER_PROFILE = graphql(`
  query MyVolunteerProfile {
    myVolunteerProfile {
      ...VolunteerProfileFields
    }
  }
`);

export const UPSERT_VOLUNTEER_PROFILE = graphql(`
  mutation UpsertVolunteerProfile($input: UpsertVolunteerProfileInput!) {
    upsertVolunteerProfile(input: $input) {
      ...VolunteerProfileFields
    }
  }
`);

export const SEARCH_COMUNI = graphql(`
  query VolunteerSearchComuni($search: String!) {
    comuni(search: $search, first: 8) {
      items {
        ...ComunePlace
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
        ...ProposalWhy
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
          pickupAt
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

export const NOTIFICATION_RECEIVED = graphql(`
  subscription VolunteerNotificationReceived {
    notificationReceived {
      id
      event
      body
    }
  }
`);

// An engagement as the helper's list and its page show it.
export const HELPER_ENGAGEMENT_FIELDS = graphql(`
  fragment HelperEngagementFields on Engagement {
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
`);

export const MY_ENGAGEMENTS = graphql(`
  query MyEngagements($after: String) {
    me {
      id
    }
    myEngagements(first: 20, after: $after) {
      items {
        ...HelperEngagementFields
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
      ...HelperEngagementFields
    }
    myReviews(direction: WRITTEN, first: 100) {
      items {
        id
        engagementId
      }
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

// A review as the volunteer's list shows it, received or written.
export const VOLUNTEER_REVIEW_FIELDS = graphql(`
  fragment VolunteerReview on Review {
    id
    createdAt
    overallStars
    comment
    scores {
      criterion
      stars
    }
  }
`);

export const MY_REVIEWS = graphql(`
  query VolunteerReviews($afterReceived: String, $afterWritten: String) {
    received: myReviews(direction: RECEIVED, first: 20, after: $afterReceived) {
      items {
        ...VolunteerReview
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
    written: myReviews(direction: WRITTEN, first: 20, after: $afterWritten) {
      items {
        ...VolunteerReview
        visibility
        subjectType
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

// A call to action as volunteers read it; its organisation's list (console) reads the same and its state.
export const CALL_TO_ACTION_SUMMARY_FIELDS = graphql(`
  fragment CallToActionSummary on CallToAction {
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
    publisher {
      kind
      name
    }
  }
`);

export const CALLS_TO_ACTION = graphql(`
  query VolunteerCallsToAction($after: String) {
    callsToAction(first: 20, after: $after) {
      items {
        ...CallToActionSummary
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

// The volunteer's own answers and what the publishers decided ("I dettagli sono nell'app", says the SMS).
export const MY_CALL_ANSWERS = graphql(`
  query MyCallAnswers($after: String) {
    myCallAnswers(first: 20, after: $after) {
      items {
        id
        status
        createdAt
        call {
          ...CallToActionSummary
          status
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
