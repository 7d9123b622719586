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

export const OFFERS = graphql(`
  query EtsOffers($organisationId: ID!, $after: String) {
    organisationServiceOffers(organisationId: $organisationId, first: 20, after: $after) {
      items {
        id
        title
        category
        status
        moderationStatus
        updatedAt
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const OFFER = graphql(`
  query EtsOffer($id: ID!) {
    serviceOffer(id: $id) {
      id
      organisationId
      title
      category
      targetGroups
      description
      area {
        comuneIstatCodes
        centre {
          lat
          lon
        }
        radiusKm
      }
      schedule {
        dayOfWeek
        start
        end
      }
      capacity
      languages
      accessibilityNotes
      price {
        model
        unit
        amountCents
        bands {
          people
          centsPerHourEach
        }
        vouchersAccepted
      }
      vehicle {
        seats
        wheelchairAccessible
      }
      status
      moderationStatus
    }
  }
`);

export const AREA_COMUNI = graphql(`
  query OfferAreaComuni($istat: String!) {
    territoriesOfComune(istat: $istat) {
      id
      comuni {
        istat
        name
      }
    }
  }
`);

export const CREATE_OFFER = graphql(`
  mutation CreateServiceOfferConsole($input: CreateServiceOfferInput!) {
    createServiceOffer(input: $input) {
      id
      title
      moderationStatus
    }
  }
`);

export const UPDATE_OFFER = graphql(`
  mutation EtsUpdateOffer($input: UpdateServiceOfferInput!) {
    updateServiceOffer(input: $input) {
      id
      title
      status
      moderationStatus
    }
  }
`);

export const PAUSE_OFFER = graphql(`
  mutation EtsPauseOffer($input: PauseServiceOfferInput!) {
    pauseServiceOffer(input: $input) {
      id
      status
    }
  }
`);

export const ARCHIVE_OFFER = graphql(`
  mutation EtsArchiveOffer($input: ArchiveServiceOfferInput!) {
    archiveServiceOffer(input: $input) {
      id
      status
    }
  }
`);

export const RESUME_OFFER = graphql(`
  mutation EtsResumeOffer($id: ID!) {
    resumeServiceOffer(input: { id: $id }) {
      id
      status
    }
  }
`);

export const ORGANISATION_PROPOSALS = graphql(`
  query EtsProposals($organisationId: ID!, $statuses: [ProposalStatus!], $after: String) {
    organisationProposals(organisationId: $organisationId, statuses: $statuses, first: 20, after: $after) {
      items {
        id
        needId
        status
        createdAt
        expiresAt
        decidedAt
        assignedByUserId
        ...ProposalWhy
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const ORGANISATION_ENGAGEMENTS = graphql(`
  query EtsEngagements($organisationId: ID!, $after: String) {
    organisationEngagements(organisationId: $organisationId, first: 20, after: $after) {
      items {
        id
        needId
        status
        hoursLogged
        completedAt
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const ORGANISATION_REVIEWS = graphql(`
  query EtsReviews($organisationId: ID!, $after: String) {
    organisationReviews(organisationId: $organisationId, first: 20, after: $after) {
      items {
        id
        subjectType
        subjectId
        overallStars
        comment
        createdAt
        scores {
          criterion
          stars
        }
        reply {
          id
          body
          visibility
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const OFFER_TITLES = graphql(`
  query EtsOfferTitles($organisationId: ID!) {
    organisationServiceOffers(organisationId: $organisationId, includeArchived: true, first: 100) {
      items {
        id
        title
      }
    }
  }
`);

export const REPLY_TO_REVIEW = graphql(`
  mutation EtsReplyToReview($input: ReplyToReviewInput!) {
    replyToReview(input: $input) {
      id
      reply {
        id
        body
        visibility
      }
    }
  }
`);

export const ORGANISATION_CALLS = graphql(`
  query EtsCalls($organisationId: ID!, $after: String) {
    organisationCallsToAction(organisationId: $organisationId, first: 20, after: $after) {
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

export const CARE_GROUPS = graphql(`
  query EtsCareGroups($organisationId: ID!, $status: CareGroupStatus, $after: String) {
    organisationCareGroups(organisationId: $organisationId, status: $status, first: 10, after: $after) {
      items {
        id
        status
        comuneIstat
        householdCount
        weeklyMinutes
        createdAt
        confirmedAt
        dissolvedAt
        sharedSchedule {
          dayOfWeek
          start
          end
        }
        offer {
          id
          title
        }
        members {
          needId
          status
          priceCentsPerHour
          individualPriceCentsPerHour
          weeklyCents
          individualWeeklyCents
          weeklySavingCents
          joinedAt
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
