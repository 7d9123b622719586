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
    "\n  query VolunteerHome {\n    me {\n      id\n    }\n    myVolunteerProfile {\n      id\n      displayName\n      moderationStatus\n    }\n    myAvailability {\n      id\n    }\n    myProposals(first: 50) {\n      items {\n        id\n        status\n      }\n    }\n    myEngagements(first: 50) {\n      items {\n        id\n        status\n        helperUserId\n      }\n    }\n  }\n": typeof types.VolunteerHomeDocument,
    "\n  query MyVolunteerProfile {\n    myVolunteerProfile {\n      id\n      displayName\n      bio\n      categories\n      languages\n      skills\n      comuneIstat\n      comuneName\n      homeLat\n      homeLon\n      travelRadiusKm\n      weeklyHourLimit\n      moderationStatus\n      organisationId\n      vehicle {\n        seats\n        wheelchairAccessible\n      }\n    }\n  }\n": typeof types.MyVolunteerProfileDocument,
    "\n  mutation UpsertVolunteerProfile($input: UpsertVolunteerProfileInput!) {\n    upsertVolunteerProfile(input: $input) {\n      id\n      displayName\n      bio\n      categories\n      languages\n      skills\n      comuneIstat\n      comuneName\n      homeLat\n      homeLon\n      travelRadiusKm\n      weeklyHourLimit\n      moderationStatus\n      organisationId\n      vehicle {\n        seats\n        wheelchairAccessible\n      }\n    }\n  }\n": typeof types.UpsertVolunteerProfileDocument,
    "\n  query VolunteerSearchComuni($search: String!) {\n    comuni(search: $search, first: 8) {\n      items {\n        istat\n        name\n        provinceCode\n        lat\n        lon\n      }\n    }\n  }\n": typeof types.VolunteerSearchComuniDocument,
    "\n  query MyAvailability {\n    myAvailability {\n      id\n      kind\n      dayOfWeek\n      start\n      end\n      validFrom\n      validUntil\n      startsAt\n      endsAt\n    }\n    myVolunteerProfile {\n      id\n      weeklyHourLimit\n    }\n  }\n": typeof types.MyAvailabilityDocument,
    "\n  mutation AddAvailabilityWindow($input: AvailabilityWindowInput!) {\n    addAvailabilityWindow(input: $input) {\n      id\n    }\n  }\n": typeof types.AddAvailabilityWindowDocument,
    "\n  mutation RemoveAvailabilityWindow($id: ID!) {\n    removeAvailabilityWindow(id: $id)\n  }\n": typeof types.RemoveAvailabilityWindowDocument,
    "\n  query MyProposals {\n    myProposals(first: 20) {\n      items {\n        id\n        needId\n        status\n        createdAt\n        expiresAt\n        distanceKm\n        rank\n        whyThisHelper\n        reasons {\n          name\n          explanation\n          contribution\n        }\n      }\n    }\n  }\n": typeof types.MyProposalsDocument,
    "\n  query NeedForHelper($id: ID!) {\n    need(id: $id) {\n      id\n      category\n      description\n      status\n      address\n      windowStart\n      windowEnd\n      accessibilityNeeds\n      details {\n        ride {\n          appointmentAt\n          pickupPlace\n          destinationPlace\n          returnTripWanted\n          returnAt\n          wheelchair\n          escortWaits\n          passengers\n        }\n      }\n    }\n  }\n": typeof types.NeedForHelperDocument,
    "\n  mutation AcceptProposal($id: ID!) {\n    acceptProposal(input: { proposalId: $id }) {\n      id\n      status\n    }\n  }\n": typeof types.AcceptProposalDocument,
    "\n  mutation DeclineProposal($id: ID!) {\n    declineProposal(input: { proposalId: $id }) {\n      id\n      status\n    }\n  }\n": typeof types.DeclineProposalDocument,
    "\n  subscription VolunteerNotificationReceived {\n    notificationReceived {\n      id\n      event\n      body\n    }\n  }\n": typeof types.VolunteerNotificationReceivedDocument,
    "\n  query MyEngagements {\n    me {\n      id\n    }\n    myEngagements(first: 50) {\n      items {\n        id\n        needId\n        status\n        startsAt\n        endsAt\n        startedAt\n        completedAt\n        hoursLogged\n        helperUserId\n        helperName\n      }\n    }\n  }\n": typeof types.MyEngagementsDocument,
    "\n  query Engagement($id: ID!) {\n    me {\n      id\n    }\n    engagement(id: $id) {\n      id\n      needId\n      status\n      startsAt\n      endsAt\n      startedAt\n      completedAt\n      hoursLogged\n      helperUserId\n      helperName\n    }\n    myReviews(direction: WRITTEN, first: 100) {\n      items {\n        id\n        engagementId\n      }\n    }\n  }\n": typeof types.EngagementDocument,
    "\n  mutation StartEngagement($id: ID!) {\n    startEngagement(input: { engagementId: $id }) {\n      id\n      status\n      startedAt\n    }\n  }\n": typeof types.StartEngagementDocument,
    "\n  mutation CompleteEngagement($id: ID!, $hours: Float!) {\n    completeEngagement(input: { engagementId: $id, hoursLogged: $hours }) {\n      id\n      status\n      completedAt\n      hoursLogged\n    }\n  }\n": typeof types.CompleteEngagementDocument,
    "\n  mutation CancelEngagement($id: ID!, $reason: String!) {\n    cancelEngagement(input: { engagementId: $id, reason: $reason }) {\n      id\n      status\n    }\n  }\n": typeof types.CancelEngagementDocument,
    "\n  mutation VolunteerWriteReview($input: WriteReviewInput!) {\n    writeReview(input: $input) {\n      id\n      visibility\n      overallStars\n    }\n  }\n": typeof types.VolunteerWriteReviewDocument,
    "\n  query VolunteerReviews {\n    received: myReviews(direction: RECEIVED, first: 20) {\n      items {\n        id\n        createdAt\n        overallStars\n        comment\n        scores {\n          criterion\n          stars\n        }\n      }\n    }\n    written: myReviews(direction: WRITTEN, first: 20) {\n      items {\n        id\n        createdAt\n        overallStars\n        comment\n        visibility\n        subjectType\n        scores {\n          criterion\n          stars\n        }\n      }\n    }\n  }\n": typeof types.VolunteerReviewsDocument,
    "\n  query VolunteerCallsToAction {\n    callsToAction(first: 20) {\n      items {\n        id\n        title\n        description\n        categories\n        alwaysOpen\n        startsOn\n        endsOn\n        volunteersWanted\n        acceptedCount\n        places {\n          istat\n          name\n        }\n      }\n    }\n  }\n": typeof types.VolunteerCallsToActionDocument,
    "\n  mutation AnswerCallToAction($input: AnswerCallToActionInput!) {\n    answerCallToAction(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.AnswerCallToActionDocument,
};
const documents: Documents = {
    "\n  fragment SessionUser on User {\n    id\n    displayName\n    language\n    phoneE164\n    roles {\n      id\n      role\n      territoryId\n      organisationId\n    }\n  }\n": types.SessionUserFragmentDoc,
    "\n  mutation RefreshWebSession {\n    refreshSession {\n      accessToken\n      accessTokenExpiresAt\n      user {\n        ...SessionUser\n      }\n    }\n  }\n": types.RefreshWebSessionDocument,
    "\n  mutation RequestPhoneCode($input: RequestPhoneVerificationInput!) {\n    requestPhoneVerification(input: $input) {\n      phone\n      expiresAt\n      resendAfterSeconds\n    }\n  }\n": types.RequestPhoneCodeDocument,
    "\n  mutation VerifyPhoneCode($input: VerifyPhoneInput!) {\n    verifyPhone(input: $input) {\n      accessToken\n      accessTokenExpiresAt\n      user {\n        ...SessionUser\n      }\n    }\n  }\n": types.VerifyPhoneCodeDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
    "\n  query PrivacyNotice($language: String) {\n    privacyNotice(language: $language) {\n      version\n      title\n      body\n      publishedAt\n    }\n  }\n": types.PrivacyNoticeDocument,
    "\n  query VolunteerHome {\n    me {\n      id\n    }\n    myVolunteerProfile {\n      id\n      displayName\n      moderationStatus\n    }\n    myAvailability {\n      id\n    }\n    myProposals(first: 50) {\n      items {\n        id\n        status\n      }\n    }\n    myEngagements(first: 50) {\n      items {\n        id\n        status\n        helperUserId\n      }\n    }\n  }\n": types.VolunteerHomeDocument,
    "\n  query MyVolunteerProfile {\n    myVolunteerProfile {\n      id\n      displayName\n      bio\n      categories\n      languages\n      skills\n      comuneIstat\n      comuneName\n      homeLat\n      homeLon\n      travelRadiusKm\n      weeklyHourLimit\n      moderationStatus\n      organisationId\n      vehicle {\n        seats\n        wheelchairAccessible\n      }\n    }\n  }\n": types.MyVolunteerProfileDocument,
    "\n  mutation UpsertVolunteerProfile($input: UpsertVolunteerProfileInput!) {\n    upsertVolunteerProfile(input: $input) {\n      id\n      displayName\n      bio\n      categories\n      languages\n      skills\n      comuneIstat\n      comuneName\n      homeLat\n      homeLon\n      travelRadiusKm\n      weeklyHourLimit\n      moderationStatus\n      organisationId\n      vehicle {\n        seats\n        wheelchairAccessible\n      }\n    }\n  }\n": types.UpsertVolunteerProfileDocument,
    "\n  query VolunteerSearchComuni($search: String!) {\n    comuni(search: $search, first: 8) {\n      items {\n        istat\n        name\n        provinceCode\n        lat\n        lon\n      }\n    }\n  }\n": types.VolunteerSearchComuniDocument,
    "\n  query MyAvailability {\n    myAvailability {\n      id\n      kind\n      dayOfWeek\n      start\n      end\n      validFrom\n      validUntil\n      startsAt\n      endsAt\n    }\n    myVolunteerProfile {\n      id\n      weeklyHourLimit\n    }\n  }\n": types.MyAvailabilityDocument,
    "\n  mutation AddAvailabilityWindow($input: AvailabilityWindowInput!) {\n    addAvailabilityWindow(input: $input) {\n      id\n    }\n  }\n": types.AddAvailabilityWindowDocument,
    "\n  mutation RemoveAvailabilityWindow($id: ID!) {\n    removeAvailabilityWindow(id: $id)\n  }\n": types.RemoveAvailabilityWindowDocument,
    "\n  query MyProposals {\n    myProposals(first: 20) {\n      items {\n        id\n        needId\n        status\n        createdAt\n        expiresAt\n        distanceKm\n        rank\n        whyThisHelper\n        reasons {\n          name\n          explanation\n          contribution\n        }\n      }\n    }\n  }\n": types.MyProposalsDocument,
    "\n  query NeedForHelper($id: ID!) {\n    need(id: $id) {\n      id\n      category\n      description\n      status\n      address\n      windowStart\n      windowEnd\n      accessibilityNeeds\n      details {\n        ride {\n          appointmentAt\n          pickupPlace\n          destinationPlace\n          returnTripWanted\n          returnAt\n          wheelchair\n          escortWaits\n          passengers\n        }\n      }\n    }\n  }\n": types.NeedForHelperDocument,
    "\n  mutation AcceptProposal($id: ID!) {\n    acceptProposal(input: { proposalId: $id }) {\n      id\n      status\n    }\n  }\n": types.AcceptProposalDocument,
    "\n  mutation DeclineProposal($id: ID!) {\n    declineProposal(input: { proposalId: $id }) {\n      id\n      status\n    }\n  }\n": types.DeclineProposalDocument,
    "\n  subscription VolunteerNotificationReceived {\n    notificationReceived {\n      id\n      event\n      body\n    }\n  }\n": types.VolunteerNotificationReceivedDocument,
    "\n  query MyEngagements {\n    me {\n      id\n    }\n    myEngagements(first: 50) {\n      items {\n        id\n        needId\n        status\n        startsAt\n        endsAt\n        startedAt\n        completedAt\n        hoursLogged\n        helperUserId\n        helperName\n      }\n    }\n  }\n": types.MyEngagementsDocument,
    "\n  query Engagement($id: ID!) {\n    me {\n      id\n    }\n    engagement(id: $id) {\n      id\n      needId\n      status\n      startsAt\n      endsAt\n      startedAt\n      completedAt\n      hoursLogged\n      helperUserId\n      helperName\n    }\n    myReviews(direction: WRITTEN, first: 100) {\n      items {\n        id\n        engagementId\n      }\n    }\n  }\n": types.EngagementDocument,
    "\n  mutation StartEngagement($id: ID!) {\n    startEngagement(input: { engagementId: $id }) {\n      id\n      status\n      startedAt\n    }\n  }\n": types.StartEngagementDocument,
    "\n  mutation CompleteEngagement($id: ID!, $hours: Float!) {\n    completeEngagement(input: { engagementId: $id, hoursLogged: $hours }) {\n      id\n      status\n      completedAt\n      hoursLogged\n    }\n  }\n": types.CompleteEngagementDocument,
    "\n  mutation CancelEngagement($id: ID!, $reason: String!) {\n    cancelEngagement(input: { engagementId: $id, reason: $reason }) {\n      id\n      status\n    }\n  }\n": types.CancelEngagementDocument,
    "\n  mutation VolunteerWriteReview($input: WriteReviewInput!) {\n    writeReview(input: $input) {\n      id\n      visibility\n      overallStars\n    }\n  }\n": types.VolunteerWriteReviewDocument,
    "\n  query VolunteerReviews {\n    received: myReviews(direction: RECEIVED, first: 20) {\n      items {\n        id\n        createdAt\n        overallStars\n        comment\n        scores {\n          criterion\n          stars\n        }\n      }\n    }\n    written: myReviews(direction: WRITTEN, first: 20) {\n      items {\n        id\n        createdAt\n        overallStars\n        comment\n        visibility\n        subjectType\n        scores {\n          criterion\n          stars\n        }\n      }\n    }\n  }\n": types.VolunteerReviewsDocument,
    "\n  query VolunteerCallsToAction {\n    callsToAction(first: 20) {\n      items {\n        id\n        title\n        description\n        categories\n        alwaysOpen\n        startsOn\n        endsOn\n        volunteersWanted\n        acceptedCount\n        places {\n          istat\n          name\n        }\n      }\n    }\n  }\n": types.VolunteerCallsToActionDocument,
    "\n  mutation AnswerCallToAction($input: AnswerCallToActionInput!) {\n    answerCallToAction(input: $input) {\n      id\n      status\n    }\n  }\n": types.AnswerCallToActionDocument,
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
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VolunteerHome {\n    me {\n      id\n    }\n    myVolunteerProfile {\n      id\n      displayName\n      moderationStatus\n    }\n    myAvailability {\n      id\n    }\n    myProposals(first: 50) {\n      items {\n        id\n        status\n      }\n    }\n    myEngagements(first: 50) {\n      items {\n        id\n        status\n        helperUserId\n      }\n    }\n  }\n"): (typeof documents)["\n  query VolunteerHome {\n    me {\n      id\n    }\n    myVolunteerProfile {\n      id\n      displayName\n      moderationStatus\n    }\n    myAvailability {\n      id\n    }\n    myProposals(first: 50) {\n      items {\n        id\n        status\n      }\n    }\n    myEngagements(first: 50) {\n      items {\n        id\n        status\n        helperUserId\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyVolunteerProfile {\n    myVolunteerProfile {\n      id\n      displayName\n      bio\n      categories\n      languages\n      skills\n      comuneIstat\n      comuneName\n      homeLat\n      homeLon\n      travelRadiusKm\n      weeklyHourLimit\n      moderationStatus\n      organisationId\n      vehicle {\n        seats\n        wheelchairAccessible\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyVolunteerProfile {\n    myVolunteerProfile {\n      id\n      displayName\n      bio\n      categories\n      languages\n      skills\n      comuneIstat\n      comuneName\n      homeLat\n      homeLon\n      travelRadiusKm\n      weeklyHourLimit\n      moderationStatus\n      organisationId\n      vehicle {\n        seats\n        wheelchairAccessible\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpsertVolunteerProfile($input: UpsertVolunteerProfileInput!) {\n    upsertVolunteerProfile(input: $input) {\n      id\n      displayName\n      bio\n      categories\n      languages\n      skills\n      comuneIstat\n      comuneName\n      homeLat\n      homeLon\n      travelRadiusKm\n      weeklyHourLimit\n      moderationStatus\n      organisationId\n      vehicle {\n        seats\n        wheelchairAccessible\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpsertVolunteerProfile($input: UpsertVolunteerProfileInput!) {\n    upsertVolunteerProfile(input: $input) {\n      id\n      displayName\n      bio\n      categories\n      languages\n      skills\n      comuneIstat\n      comuneName\n      homeLat\n      homeLon\n      travelRadiusKm\n      weeklyHourLimit\n      moderationStatus\n      organisationId\n      vehicle {\n        seats\n        wheelchairAccessible\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VolunteerSearchComuni($search: String!) {\n    comuni(search: $search, first: 8) {\n      items {\n        istat\n        name\n        provinceCode\n        lat\n        lon\n      }\n    }\n  }\n"): (typeof documents)["\n  query VolunteerSearchComuni($search: String!) {\n    comuni(search: $search, first: 8) {\n      items {\n        istat\n        name\n        provinceCode\n        lat\n        lon\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyAvailability {\n    myAvailability {\n      id\n      kind\n      dayOfWeek\n      start\n      end\n      validFrom\n      validUntil\n      startsAt\n      endsAt\n    }\n    myVolunteerProfile {\n      id\n      weeklyHourLimit\n    }\n  }\n"): (typeof documents)["\n  query MyAvailability {\n    myAvailability {\n      id\n      kind\n      dayOfWeek\n      start\n      end\n      validFrom\n      validUntil\n      startsAt\n      endsAt\n    }\n    myVolunteerProfile {\n      id\n      weeklyHourLimit\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddAvailabilityWindow($input: AvailabilityWindowInput!) {\n    addAvailabilityWindow(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AddAvailabilityWindow($input: AvailabilityWindowInput!) {\n    addAvailabilityWindow(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveAvailabilityWindow($id: ID!) {\n    removeAvailabilityWindow(id: $id)\n  }\n"): (typeof documents)["\n  mutation RemoveAvailabilityWindow($id: ID!) {\n    removeAvailabilityWindow(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyProposals {\n    myProposals(first: 20) {\n      items {\n        id\n        needId\n        status\n        createdAt\n        expiresAt\n        distanceKm\n        rank\n        whyThisHelper\n        reasons {\n          name\n          explanation\n          contribution\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyProposals {\n    myProposals(first: 20) {\n      items {\n        id\n        needId\n        status\n        createdAt\n        expiresAt\n        distanceKm\n        rank\n        whyThisHelper\n        reasons {\n          name\n          explanation\n          contribution\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NeedForHelper($id: ID!) {\n    need(id: $id) {\n      id\n      category\n      description\n      status\n      address\n      windowStart\n      windowEnd\n      accessibilityNeeds\n      details {\n        ride {\n          appointmentAt\n          pickupPlace\n          destinationPlace\n          returnTripWanted\n          returnAt\n          wheelchair\n          escortWaits\n          passengers\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query NeedForHelper($id: ID!) {\n    need(id: $id) {\n      id\n      category\n      description\n      status\n      address\n      windowStart\n      windowEnd\n      accessibilityNeeds\n      details {\n        ride {\n          appointmentAt\n          pickupPlace\n          destinationPlace\n          returnTripWanted\n          returnAt\n          wheelchair\n          escortWaits\n          passengers\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptProposal($id: ID!) {\n    acceptProposal(input: { proposalId: $id }) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptProposal($id: ID!) {\n    acceptProposal(input: { proposalId: $id }) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeclineProposal($id: ID!) {\n    declineProposal(input: { proposalId: $id }) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation DeclineProposal($id: ID!) {\n    declineProposal(input: { proposalId: $id }) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription VolunteerNotificationReceived {\n    notificationReceived {\n      id\n      event\n      body\n    }\n  }\n"): (typeof documents)["\n  subscription VolunteerNotificationReceived {\n    notificationReceived {\n      id\n      event\n      body\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyEngagements {\n    me {\n      id\n    }\n    myEngagements(first: 50) {\n      items {\n        id\n        needId\n        status\n        startsAt\n        endsAt\n        startedAt\n        completedAt\n        hoursLogged\n        helperUserId\n        helperName\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyEngagements {\n    me {\n      id\n    }\n    myEngagements(first: 50) {\n      items {\n        id\n        needId\n        status\n        startsAt\n        endsAt\n        startedAt\n        completedAt\n        hoursLogged\n        helperUserId\n        helperName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Engagement($id: ID!) {\n    me {\n      id\n    }\n    engagement(id: $id) {\n      id\n      needId\n      status\n      startsAt\n      endsAt\n      startedAt\n      completedAt\n      hoursLogged\n      helperUserId\n      helperName\n    }\n    myReviews(direction: WRITTEN, first: 100) {\n      items {\n        id\n        engagementId\n      }\n    }\n  }\n"): (typeof documents)["\n  query Engagement($id: ID!) {\n    me {\n      id\n    }\n    engagement(id: $id) {\n      id\n      needId\n      status\n      startsAt\n      endsAt\n      startedAt\n      completedAt\n      hoursLogged\n      helperUserId\n      helperName\n    }\n    myReviews(direction: WRITTEN, first: 100) {\n      items {\n        id\n        engagementId\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartEngagement($id: ID!) {\n    startEngagement(input: { engagementId: $id }) {\n      id\n      status\n      startedAt\n    }\n  }\n"): (typeof documents)["\n  mutation StartEngagement($id: ID!) {\n    startEngagement(input: { engagementId: $id }) {\n      id\n      status\n      startedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteEngagement($id: ID!, $hours: Float!) {\n    completeEngagement(input: { engagementId: $id, hoursLogged: $hours }) {\n      id\n      status\n      completedAt\n      hoursLogged\n    }\n  }\n"): (typeof documents)["\n  mutation CompleteEngagement($id: ID!, $hours: Float!) {\n    completeEngagement(input: { engagementId: $id, hoursLogged: $hours }) {\n      id\n      status\n      completedAt\n      hoursLogged\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelEngagement($id: ID!, $reason: String!) {\n    cancelEngagement(input: { engagementId: $id, reason: $reason }) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation CancelEngagement($id: ID!, $reason: String!) {\n    cancelEngagement(input: { engagementId: $id, reason: $reason }) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VolunteerWriteReview($input: WriteReviewInput!) {\n    writeReview(input: $input) {\n      id\n      visibility\n      overallStars\n    }\n  }\n"): (typeof documents)["\n  mutation VolunteerWriteReview($input: WriteReviewInput!) {\n    writeReview(input: $input) {\n      id\n      visibility\n      overallStars\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VolunteerReviews {\n    received: myReviews(direction: RECEIVED, first: 20) {\n      items {\n        id\n        createdAt\n        overallStars\n        comment\n        scores {\n          criterion\n          stars\n        }\n      }\n    }\n    written: myReviews(direction: WRITTEN, first: 20) {\n      items {\n        id\n        createdAt\n        overallStars\n        comment\n        visibility\n        subjectType\n        scores {\n          criterion\n          stars\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query VolunteerReviews {\n    received: myReviews(direction: RECEIVED, first: 20) {\n      items {\n        id\n        createdAt\n        overallStars\n        comment\n        scores {\n          criterion\n          stars\n        }\n      }\n    }\n    written: myReviews(direction: WRITTEN, first: 20) {\n      items {\n        id\n        createdAt\n        overallStars\n        comment\n        visibility\n        subjectType\n        scores {\n          criterion\n          stars\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VolunteerCallsToAction {\n    callsToAction(first: 20) {\n      items {\n        id\n        title\n        description\n        categories\n        alwaysOpen\n        startsOn\n        endsOn\n        volunteersWanted\n        acceptedCount\n        places {\n          istat\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query VolunteerCallsToAction {\n    callsToAction(first: 20) {\n      items {\n        id\n        title\n        description\n        categories\n        alwaysOpen\n        startsOn\n        endsOn\n        volunteersWanted\n        acceptedCount\n        places {\n          istat\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AnswerCallToAction($input: AnswerCallToActionInput!) {\n    answerCallToAction(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation AnswerCallToAction($input: AnswerCallToActionInput!) {\n    answerCallToAction(input: $input) {\n      id\n      status\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;