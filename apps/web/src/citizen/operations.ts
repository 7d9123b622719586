import { graphql } from '../gql';

// Every GraphQL operation of the citizen's pages, typed by GraphQL Code Generator.

export const COMUNI = graphql(`
  query CitizenComuni($search: String!) {
    comuni(search: $search, first: 10) {
      items {
        ...ComunePlace
        province
      }
    }
  }
`);

export const OFFER_CONTEXT = graphql(`
  query CitizenOfferContext($id: ID!) {
    serviceOffer(id: $id) {
      id
      title
      category
      organisation {
        id
        name
      }
    }
  }
`);

export const HEALTH_CONSENT = graphql(`
  query CitizenHealthConsent {
    myPrivacy {
      healthDataConsent
    }
  }
`);

export const POST_NEED = graphql(`
  mutation CitizenPostNeed($input: PostNeedInput!) {
    postNeed(input: $input) {
      id
      status
      category
    }
  }
`);

export const NEED_SUMMARY_FIELDS = graphql(`
  fragment CitizenNeedSummary on Need {
    id
    category
    description
    status
    createdAt
    windowStart
    windowEnd
    beneficiary {
      kind
      fullName
      relationship
    }
    details {
      ride {
        destinationPlace
        appointmentAt
        returnTripWanted
        returnAt
      }
      sharedCaregiver {
        weeklyHours
        willingToShare
      }
    }
    engagement {
      id
      status
      helperName
    }
  }
`);

export const MY_NEEDS = graphql(`
  query CitizenMyNeeds($after: String) {
    myNeeds(first: 20, after: $after) {
      items {
        ...CitizenNeedSummary
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const NEED = graphql(`
  query CitizenNeed($id: ID!) {
    need(id: $id) {
      ...CitizenNeedSummary
      address
      sensitiveNotes
      comuneIstat
      visibleToHelpers
      details {
        ride {
          pickupPlace
          destinationPlace
          appointmentAt
          pickupAt
          returnTripWanted
          returnAt
          wheelchair
          escortWaits
          passengers
        }
        sharedCaregiver {
          weeklyHours
          willingToShare
          maxPricePerHourCents
          weeklySchedule {
            dayOfWeek
            start
            end
          }
        }
      }
      engagement {
        id
        status
        helperName
        helperUserId
        organisationId
        startsAt
        endsAt
        completedAt
      }
    }
    needHistory(needId: $id) {
      from
      to
      reason
      createdAt
    }
  }
`);

export const CANCEL_NEED = graphql(`
  mutation CitizenCancelNeed($input: CancelNeedInput!) {
    cancelNeed(input: $input) {
      id
      status
    }
  }
`);

export const CONFIRM_ENGAGEMENT = graphql(`
  mutation CitizenConfirmEngagement($input: EngagementActionInput!) {
    confirmEngagement(input: $input) {
      id
      status
    }
  }
`);

export const DECLINE_ENGAGEMENT = graphql(`
  mutation CitizenDeclineEngagement($input: EngagementActionInput!) {
    declineEngagement(input: $input) {
      id
      status
    }
  }
`);

export const CANCEL_ENGAGEMENT = graphql(`
  mutation CitizenCancelEngagement($input: EngagementActionInput!) {
    cancelEngagement(input: $input) {
      id
      status
    }
  }
`);

export const REPORT_NO_SHOW = graphql(`
  mutation CitizenReportNoShow($input: EngagementActionInput!) {
    reportNoShow(input: $input) {
      id
      status
    }
  }
`);

export const CARE_GROUPS = graphql(`
  query CitizenCareGroups($after: String) {
    myCareGroups(first: 20, after: $after) {
      items {
        id
        status
        householdCount
        weeklyMinutes
        createdAt
        confirmedAt
        sharedSchedule {
          dayOfWeek
          start
          end
        }
        offer {
          id
          title
          organisationName
        }
        myQuotes {
          needId
          status
          priceCentsPerHour
          individualPriceCentsPerHour
          savingCentsPerHour
          weeklyCents
          individualWeeklyCents
          weeklySavingCents
          confirmedAt
          leftAt
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const CONFIRM_CARE_GROUP = graphql(`
  mutation CitizenConfirmCareGroup($input: CareGroupMemberInput!) {
    confirmCareGroup(input: $input) {
      id
      status
    }
  }
`);

export const LEAVE_CARE_GROUP = graphql(`
  mutation CitizenLeaveCareGroup($input: LeaveCareGroupInput!) {
    leaveCareGroup(input: $input) {
      id
      status
    }
  }
`);

export const WRITE_REVIEW = graphql(`
  mutation CitizenWriteReview($input: WriteReviewInput!) {
    writeReview(input: $input) {
      id
      visibility
      overallStars
    }
  }
`);

export const REVIEW_FIELDS = graphql(`
  fragment CitizenReview on Review {
    id
    engagementId
    subjectType
    overallStars
    comment
    createdAt
    visibility
    scores {
      criterion
      stars
    }
    reply {
      body
      createdAt
    }
  }
`);

// Three lists in one query: ten reviews a page keeps it under the api's cost limit, which counts
// every field of every item, the __typename Apollo adds and pageInfo included.
export const REVIEWS = graphql(`
  query CitizenReviews($afterReceived: String, $afterWritten: String) {
    me {
      id
    }
    received: myReviews(direction: RECEIVED, first: 10, after: $afterReceived) {
      items {
        ...CitizenReview
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
    written: myReviews(direction: WRITTEN, first: 10, after: $afterWritten) {
      items {
        ...CitizenReview
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
    myEngagements(first: 20) {
      items {
        id
        needId
        status
        helperName
        helperUserId
        completedAt
      }
    }
  }
`);

export const NOTIFICATIONS = graphql(`
  query CitizenNotifications($after: String) {
    myNotifications(first: 20, after: $after) {
      unreadCount
      items {
        id
        event
        body
        createdAt
        readAt
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const MARK_NOTIFICATIONS_READ = graphql(`
  mutation CitizenMarkNotificationsRead($ids: [ID!]!) {
    markNotificationsRead(input: { ids: $ids })
  }
`);

export const NOTIFICATION_RECEIVED = graphql(`
  subscription CitizenNotificationReceived {
    notificationReceived {
      id
      event
      body
      createdAt
      readAt
    }
  }
`);

export const PREFERENCES_FIELDS = graphql(`
  fragment CitizenPreferences on NotificationPreferences {
    language
    quietHoursStart
    quietHoursEnd
    email
    channels {
      event
      channels
    }
    familyContact {
      name
      phone
      consentAt
    }
  }
`);

export const PREFERENCES = graphql(`
  query CitizenPreferences {
    myNotificationPreferences {
      ...CitizenPreferences
    }
  }
`);

export const UPDATE_PREFERENCES = graphql(`
  mutation CitizenUpdatePreferences($input: UpdateNotificationPreferencesInput!) {
    updateNotificationPreferences(input: $input) {
      ...CitizenPreferences
    }
  }
`);

export const PRIVACY_FIELDS = graphql(`
  fragment CitizenPrivacy on PrivacyStatus {
    acceptedNoticeVersion
    currentNoticeVersion
    noticeAcceptanceRequired
    healthDataConsent
    familyContactConsent
    consents {
      id
      kind
      grantedAt
      withdrawnAt
      noticeVersion
    }
  }
`);

export const MY_DATA = graphql(`
  query CitizenMyData {
    myPrivacy {
      ...CitizenPrivacy
    }
    myDataExports(first: 5) {
      items {
        id
        status
        requestedAt
        readyAt
        expiresAt
        sizeBytes
      }
    }
  }
`);

export const ACCEPT_NOTICE = graphql(`
  mutation CitizenAcceptNotice($version: String!) {
    acceptPrivacyNotice(input: { version: $version }) {
      ...CitizenPrivacy
    }
  }
`);

export const GIVE_CONSENT = graphql(`
  mutation CitizenGiveConsent($kind: ConsentKind!) {
    giveConsent(input: { kind: $kind }) {
      ...CitizenPrivacy
    }
  }
`);

export const WITHDRAW_CONSENT = graphql(`
  mutation CitizenWithdrawConsent($kind: ConsentKind!) {
    withdrawConsent(input: { kind: $kind }) {
      kind
      withdrawn
      sensitiveNotesPurged
      familyNotificationsCancelled
    }
  }
`);

export const REQUEST_DATA_EXPORT = graphql(`
  mutation CitizenRequestDataExport {
    requestDataExport {
      id
      status
      requestedAt
    }
  }
`);

export const DATA_EXPORT_CONTENT = graphql(`
  query CitizenDataExportContent($id: ID!) {
    dataExport(id: $id) {
      id
      status
      content
    }
  }
`);

export const DELETE_ACCOUNT = graphql(`
  mutation CitizenDeleteAccount {
    deleteMyAccount(input: { confirm: true }) {
      id
      needsCancelled
      engagementsCancelled
    }
  }
`);

export const ENGAGEMENT = graphql(`
  query CitizenEngagement($id: ID!) {
    engagement(id: $id) {
      id
      needId
      status
      helperName
      organisationId
      completedAt
    }
  }
`);
