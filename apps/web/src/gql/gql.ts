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
    "\n  query CitizenComuni($search: String!) {\n    comuni(search: $search, first: 10) {\n      items {\n        istat\n        name\n        province\n        provinceCode\n        lat\n        lon\n      }\n    }\n  }\n": typeof types.CitizenComuniDocument,
    "\n  query CitizenOfferContext($id: ID!) {\n    serviceOffer(id: $id) {\n      id\n      title\n      category\n      organisation {\n        id\n        name\n      }\n    }\n  }\n": typeof types.CitizenOfferContextDocument,
    "\n  query CitizenHealthConsent {\n    myPrivacy {\n      healthDataConsent\n    }\n  }\n": typeof types.CitizenHealthConsentDocument,
    "\n  mutation CitizenPostNeed($input: PostNeedInput!) {\n    postNeed(input: $input) {\n      id\n      status\n      category\n    }\n  }\n": typeof types.CitizenPostNeedDocument,
    "\n  fragment CitizenNeedSummary on Need {\n    id\n    category\n    description\n    status\n    createdAt\n    windowStart\n    windowEnd\n    beneficiary {\n      kind\n      fullName\n      relationship\n    }\n    details {\n      ride {\n        destinationPlace\n        appointmentAt\n        returnTripWanted\n        returnAt\n      }\n      sharedCaregiver {\n        weeklyHours\n        willingToShare\n      }\n    }\n    engagement {\n      id\n      status\n      helperName\n    }\n  }\n": typeof types.CitizenNeedSummaryFragmentDoc,
    "\n  query CitizenMyNeeds($after: String) {\n    myNeeds(first: 20, after: $after) {\n      items {\n        ...CitizenNeedSummary\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.CitizenMyNeedsDocument,
    "\n  query CitizenNeed($id: ID!) {\n    need(id: $id) {\n      ...CitizenNeedSummary\n      address\n      sensitiveNotes\n      comuneIstat\n      visibleToHelpers\n      details {\n        ride {\n          pickupPlace\n          destinationPlace\n          appointmentAt\n          returnTripWanted\n          returnAt\n          wheelchair\n          escortWaits\n          passengers\n        }\n        sharedCaregiver {\n          weeklyHours\n          willingToShare\n          maxPricePerHourCents\n          weeklySchedule {\n            dayOfWeek\n            start\n            end\n          }\n        }\n      }\n      engagement {\n        id\n        status\n        helperName\n        helperUserId\n        organisationId\n        startsAt\n        endsAt\n        completedAt\n      }\n    }\n    needHistory(needId: $id) {\n      from\n      to\n      reason\n      createdAt\n    }\n  }\n": typeof types.CitizenNeedDocument,
    "\n  mutation CitizenCancelNeed($input: CancelNeedInput!) {\n    cancelNeed(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.CitizenCancelNeedDocument,
    "\n  mutation CitizenConfirmEngagement($input: EngagementActionInput!) {\n    confirmEngagement(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.CitizenConfirmEngagementDocument,
    "\n  mutation CitizenDeclineEngagement($input: EngagementActionInput!) {\n    declineEngagement(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.CitizenDeclineEngagementDocument,
    "\n  mutation CitizenCancelEngagement($input: EngagementActionInput!) {\n    cancelEngagement(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.CitizenCancelEngagementDocument,
    "\n  mutation CitizenReportNoShow($input: EngagementActionInput!) {\n    reportNoShow(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.CitizenReportNoShowDocument,
    "\n  query CitizenCareGroups {\n    myCareGroups(first: 20) {\n      items {\n        id\n        status\n        householdCount\n        weeklyMinutes\n        createdAt\n        confirmedAt\n        sharedSchedule {\n          dayOfWeek\n          start\n          end\n        }\n        offer {\n          id\n          title\n          organisationName\n        }\n        myQuotes {\n          needId\n          status\n          priceCentsPerHour\n          individualPriceCentsPerHour\n          savingCentsPerHour\n          weeklyCents\n          individualWeeklyCents\n          weeklySavingCents\n          confirmedAt\n          leftAt\n        }\n      }\n    }\n  }\n": typeof types.CitizenCareGroupsDocument,
    "\n  mutation CitizenConfirmCareGroup($input: CareGroupMemberInput!) {\n    confirmCareGroup(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.CitizenConfirmCareGroupDocument,
    "\n  mutation CitizenLeaveCareGroup($input: LeaveCareGroupInput!) {\n    leaveCareGroup(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.CitizenLeaveCareGroupDocument,
    "\n  mutation CitizenWriteReview($input: WriteReviewInput!) {\n    writeReview(input: $input) {\n      id\n      visibility\n      overallStars\n    }\n  }\n": typeof types.CitizenWriteReviewDocument,
    "\n  fragment CitizenReview on Review {\n    id\n    engagementId\n    subjectType\n    overallStars\n    comment\n    createdAt\n    visibility\n    scores {\n      criterion\n      stars\n    }\n    reply {\n      body\n      createdAt\n    }\n  }\n": typeof types.CitizenReviewFragmentDoc,
    "\n  query CitizenReviews {\n    me {\n      id\n    }\n    received: myReviews(direction: RECEIVED, first: 20) {\n      items {\n        ...CitizenReview\n      }\n    }\n    written: myReviews(direction: WRITTEN, first: 20) {\n      items {\n        ...CitizenReview\n      }\n    }\n    myEngagements(first: 20) {\n      items {\n        id\n        needId\n        status\n        helperName\n        helperUserId\n        completedAt\n      }\n    }\n  }\n": typeof types.CitizenReviewsDocument,
    "\n  query CitizenNotifications($after: String) {\n    myNotifications(first: 20, after: $after) {\n      unreadCount\n      items {\n        id\n        event\n        body\n        createdAt\n        readAt\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.CitizenNotificationsDocument,
    "\n  mutation CitizenMarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(input: { ids: $ids })\n  }\n": typeof types.CitizenMarkNotificationsReadDocument,
    "\n  subscription CitizenNotificationReceived {\n    notificationReceived {\n      id\n      event\n      body\n      createdAt\n      readAt\n    }\n  }\n": typeof types.CitizenNotificationReceivedDocument,
    "\n  fragment CitizenPreferences on NotificationPreferences {\n    language\n    quietHoursStart\n    quietHoursEnd\n    email\n    channels {\n      event\n      channels\n    }\n    familyContact {\n      name\n      phone\n      consentAt\n    }\n  }\n": typeof types.CitizenPreferencesFragmentDoc,
    "\n  query CitizenPreferences {\n    myNotificationPreferences {\n      ...CitizenPreferences\n    }\n  }\n": typeof types.CitizenPreferencesDocument,
    "\n  mutation CitizenUpdatePreferences($input: UpdateNotificationPreferencesInput!) {\n    updateNotificationPreferences(input: $input) {\n      ...CitizenPreferences\n    }\n  }\n": typeof types.CitizenUpdatePreferencesDocument,
    "\n  fragment CitizenPrivacy on PrivacyStatus {\n    acceptedNoticeVersion\n    currentNoticeVersion\n    noticeAcceptanceRequired\n    healthDataConsent\n    familyContactConsent\n    consents {\n      id\n      kind\n      grantedAt\n      withdrawnAt\n      noticeVersion\n    }\n  }\n": typeof types.CitizenPrivacyFragmentDoc,
    "\n  query CitizenMyData {\n    myPrivacy {\n      ...CitizenPrivacy\n    }\n    myDataExports(first: 5) {\n      items {\n        id\n        status\n        requestedAt\n        readyAt\n        expiresAt\n        sizeBytes\n      }\n    }\n  }\n": typeof types.CitizenMyDataDocument,
    "\n  mutation CitizenAcceptNotice($version: String!) {\n    acceptPrivacyNotice(input: { version: $version }) {\n      ...CitizenPrivacy\n    }\n  }\n": typeof types.CitizenAcceptNoticeDocument,
    "\n  mutation CitizenGiveConsent($kind: ConsentKind!) {\n    giveConsent(input: { kind: $kind }) {\n      ...CitizenPrivacy\n    }\n  }\n": typeof types.CitizenGiveConsentDocument,
    "\n  mutation CitizenWithdrawConsent($kind: ConsentKind!) {\n    withdrawConsent(input: { kind: $kind }) {\n      kind\n      withdrawn\n      sensitiveNotesPurged\n      familyNotificationsCancelled\n    }\n  }\n": typeof types.CitizenWithdrawConsentDocument,
    "\n  mutation CitizenRequestDataExport {\n    requestDataExport {\n      id\n      status\n      requestedAt\n    }\n  }\n": typeof types.CitizenRequestDataExportDocument,
    "\n  query CitizenDataExportContent($id: ID!) {\n    dataExport(id: $id) {\n      id\n      status\n      content\n    }\n  }\n": typeof types.CitizenDataExportContentDocument,
    "\n  mutation CitizenDeleteAccount {\n    deleteMyAccount(input: { confirm: true }) {\n      id\n      needsCancelled\n      engagementsCancelled\n    }\n  }\n": typeof types.CitizenDeleteAccountDocument,
    "\n  query CitizenEngagement($id: ID!) {\n    engagement(id: $id) {\n      id\n      needId\n      status\n      helperName\n      organisationId\n      completedAt\n    }\n  }\n": typeof types.CitizenEngagementDocument,
    "\n  query AccreditationRequestsPage(\n    $status: AccreditationStatus\n    $territoryId: ID\n    $first: Int!\n    $after: String\n  ) {\n    accreditationRequests(status: $status, territoryId: $territoryId, first: $first, after: $after) {\n      items {\n        id\n        organisationId\n        organisationName\n        status\n        reason\n        createdAt\n        updatedAt\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.AccreditationRequestsPageDocument,
    "\n  query AccreditationOrganisation($organisationId: ID!) {\n    organisation(id: $organisationId) {\n      id\n      name\n      kind\n      codiceFiscale\n      partitaIva\n      runtsSection\n      runtsNumber\n      description\n    }\n    accreditationHistory(organisationId: $organisationId) {\n      accreditationId\n      territoryId\n      fromStatus\n      toStatus\n      reason\n      createdAt\n    }\n  }\n": typeof types.AccreditationOrganisationDocument,
    "\n  mutation StartAccreditationReviewAction($id: ID!) {\n    startAccreditationReview(input: { accreditationId: $id }) {\n      id\n      status\n    }\n  }\n": typeof types.StartAccreditationReviewActionDocument,
    "\n  mutation DecideAccreditationAction($input: DecideAccreditationInput!) {\n    decideAccreditation(input: $input) {\n      id\n      status\n      reason\n    }\n  }\n": typeof types.DecideAccreditationActionDocument,
    "\n  mutation DeskPostNeed($input: PostNeedAtDeskInput!) {\n    postNeedAtDesk(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.DeskPostNeedDocument,
    "\n  query FollowUpOpenNeeds($hours: Int, $comuneIstat: String, $first: Int!, $after: String) {\n    territoryNeeds(\n      status: OPEN\n      unmatchedForHours: $hours\n      comuneIstat: $comuneIstat\n      first: $first\n      after: $after\n    ) {\n      items {\n        id\n        category\n        description\n        comuneIstat\n        status\n        source\n        openedAt\n        createdAt\n        windowStart\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.FollowUpOpenNeedsDocument,
    "\n  query FollowUpUnmatchedNeeds($comuneIstat: String, $first: Int!, $after: String) {\n    unmatchedNeeds(comuneIstat: $comuneIstat, first: $first, after: $after) {\n      items {\n        needId\n        category\n        description\n        comuneIstat\n        reason\n        reasonText\n        unmatchedAt\n        windowStart\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.FollowUpUnmatchedNeedsDocument,
    "\n  query TerritoryIndicators($period: IndicatorFilterInput!, $monthly: IndicatorFilterInput!) {\n    period: impactIndicators(filter: $period) {\n      asOf\n      from\n      to\n      demand {\n        needsReceived\n        needsMatched\n        needsServed\n        coverageRate\n        medianHoursToMatch\n        p90HoursToMatch\n      }\n      reach {\n        citizensReached\n      }\n      unmatched {\n        reason\n        needs\n        people\n      }\n      activity {\n        volunteerHours\n      }\n    }\n    monthly: impactIndicators(filter: $monthly) {\n      asOf\n      demand {\n        periodStart\n        needsReceived\n        coverageRate\n        medianHoursToMatch\n        p90HoursToMatch\n      }\n      reach {\n        periodStart\n        citizensReached\n      }\n      activity {\n        periodStart\n        volunteerHours\n      }\n    }\n  }\n": typeof types.TerritoryIndicatorsDocument,
    "\n  mutation ExportIndicatorsCsvFile($input: IndicatorExportInput!) {\n    exportIndicatorsCsv(input: $input) {\n      csv\n      fileName\n      rowCount\n    }\n  }\n": typeof types.ExportIndicatorsCsvFileDocument,
    "\n  query ModerationQueuePage(\n    $status: ModerationStatus\n    $contentType: ContentType\n    $first: Int!\n    $after: String\n  ) {\n    moderationQueue(status: $status, contentType: $contentType, first: $first, after: $after) {\n      items {\n        contentId\n        contentType\n        comuneIstat\n        createdAt\n        needsReview\n        reportCount\n        status\n        summary\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.ModerationQueuePageDocument,
    "\n  mutation ModerateContentItem($input: ModerateContentInput!) {\n    moderateContent(input: $input) {\n      contentId\n      contentType\n      status\n      needsReview\n    }\n  }\n": typeof types.ModerateContentItemDocument,
    "\n  query ConsoleNeed($id: ID!) {\n    need(id: $id) {\n      id\n      category\n      description\n      status\n      source\n      comuneIstat\n      windowStart\n      windowEnd\n      address\n      beneficiary {\n        id\n        kind\n        fullName\n        phone\n        consentRecordedAt\n      }\n      details {\n        ride {\n          pickupPlace\n          destinationPlace\n          appointmentAt\n          returnAt\n          wheelchair\n        }\n      }\n    }\n  }\n": typeof types.ConsoleNeedDocument,
    "\n  query ConsoleNeedCandidates($needId: ID!) {\n    needCandidates(needId: $needId, first: 20) {\n      kind\n      helperUserId\n      organisationId\n      helperName\n      rank\n      distanceKm\n      whyThisHelper\n    }\n    needProposals(needId: $needId, first: 50) {\n      items {\n        id\n        helperName\n        status\n        rank\n        assignedByUserId\n        createdAt\n        whyThisHelper\n      }\n    }\n  }\n": typeof types.ConsoleNeedCandidatesDocument,
    "\n  mutation ConsoleAssignHelper($input: AssignHelperInput!) {\n    assignHelper(input: $input) {\n      id\n      helperName\n      status\n    }\n  }\n": typeof types.ConsoleAssignHelperDocument,
    "\n  query ConsoleTerritories {\n    myTerritories {\n      id\n      name\n      comuni {\n        istat\n        name\n        lat\n        lon\n      }\n    }\n  }\n": typeof types.ConsoleTerritoriesDocument,
    "\n  fragment SessionUser on User {\n    id\n    displayName\n    language\n    phoneE164\n    roles {\n      id\n      role\n      territoryId\n      organisationId\n    }\n  }\n": typeof types.SessionUserFragmentDoc,
    "\n  mutation RefreshWebSession {\n    refreshSession {\n      accessToken\n      accessTokenExpiresAt\n      user {\n        ...SessionUser\n      }\n    }\n  }\n": typeof types.RefreshWebSessionDocument,
    "\n  mutation RequestPhoneCode($input: RequestPhoneVerificationInput!) {\n    requestPhoneVerification(input: $input) {\n      phone\n      expiresAt\n      resendAfterSeconds\n    }\n  }\n": typeof types.RequestPhoneCodeDocument,
    "\n  mutation VerifyPhoneCode($input: VerifyPhoneInput!) {\n    verifyPhone(input: $input) {\n      accessToken\n      accessTokenExpiresAt\n      user {\n        ...SessionUser\n      }\n    }\n  }\n": typeof types.VerifyPhoneCodeDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": typeof types.SignOutDocument,
    "\n  query PrivacyNotice($language: String) {\n    privacyNotice(language: $language) {\n      version\n      title\n      body\n      publishedAt\n    }\n  }\n": typeof types.PrivacyNoticeDocument,
};
const documents: Documents = {
    "\n  query CitizenComuni($search: String!) {\n    comuni(search: $search, first: 10) {\n      items {\n        istat\n        name\n        province\n        provinceCode\n        lat\n        lon\n      }\n    }\n  }\n": types.CitizenComuniDocument,
    "\n  query CitizenOfferContext($id: ID!) {\n    serviceOffer(id: $id) {\n      id\n      title\n      category\n      organisation {\n        id\n        name\n      }\n    }\n  }\n": types.CitizenOfferContextDocument,
    "\n  query CitizenHealthConsent {\n    myPrivacy {\n      healthDataConsent\n    }\n  }\n": types.CitizenHealthConsentDocument,
    "\n  mutation CitizenPostNeed($input: PostNeedInput!) {\n    postNeed(input: $input) {\n      id\n      status\n      category\n    }\n  }\n": types.CitizenPostNeedDocument,
    "\n  fragment CitizenNeedSummary on Need {\n    id\n    category\n    description\n    status\n    createdAt\n    windowStart\n    windowEnd\n    beneficiary {\n      kind\n      fullName\n      relationship\n    }\n    details {\n      ride {\n        destinationPlace\n        appointmentAt\n        returnTripWanted\n        returnAt\n      }\n      sharedCaregiver {\n        weeklyHours\n        willingToShare\n      }\n    }\n    engagement {\n      id\n      status\n      helperName\n    }\n  }\n": types.CitizenNeedSummaryFragmentDoc,
    "\n  query CitizenMyNeeds($after: String) {\n    myNeeds(first: 20, after: $after) {\n      items {\n        ...CitizenNeedSummary\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.CitizenMyNeedsDocument,
    "\n  query CitizenNeed($id: ID!) {\n    need(id: $id) {\n      ...CitizenNeedSummary\n      address\n      sensitiveNotes\n      comuneIstat\n      visibleToHelpers\n      details {\n        ride {\n          pickupPlace\n          destinationPlace\n          appointmentAt\n          returnTripWanted\n          returnAt\n          wheelchair\n          escortWaits\n          passengers\n        }\n        sharedCaregiver {\n          weeklyHours\n          willingToShare\n          maxPricePerHourCents\n          weeklySchedule {\n            dayOfWeek\n            start\n            end\n          }\n        }\n      }\n      engagement {\n        id\n        status\n        helperName\n        helperUserId\n        organisationId\n        startsAt\n        endsAt\n        completedAt\n      }\n    }\n    needHistory(needId: $id) {\n      from\n      to\n      reason\n      createdAt\n    }\n  }\n": types.CitizenNeedDocument,
    "\n  mutation CitizenCancelNeed($input: CancelNeedInput!) {\n    cancelNeed(input: $input) {\n      id\n      status\n    }\n  }\n": types.CitizenCancelNeedDocument,
    "\n  mutation CitizenConfirmEngagement($input: EngagementActionInput!) {\n    confirmEngagement(input: $input) {\n      id\n      status\n    }\n  }\n": types.CitizenConfirmEngagementDocument,
    "\n  mutation CitizenDeclineEngagement($input: EngagementActionInput!) {\n    declineEngagement(input: $input) {\n      id\n      status\n    }\n  }\n": types.CitizenDeclineEngagementDocument,
    "\n  mutation CitizenCancelEngagement($input: EngagementActionInput!) {\n    cancelEngagement(input: $input) {\n      id\n      status\n    }\n  }\n": types.CitizenCancelEngagementDocument,
    "\n  mutation CitizenReportNoShow($input: EngagementActionInput!) {\n    reportNoShow(input: $input) {\n      id\n      status\n    }\n  }\n": types.CitizenReportNoShowDocument,
    "\n  query CitizenCareGroups {\n    myCareGroups(first: 20) {\n      items {\n        id\n        status\n        householdCount\n        weeklyMinutes\n        createdAt\n        confirmedAt\n        sharedSchedule {\n          dayOfWeek\n          start\n          end\n        }\n        offer {\n          id\n          title\n          organisationName\n        }\n        myQuotes {\n          needId\n          status\n          priceCentsPerHour\n          individualPriceCentsPerHour\n          savingCentsPerHour\n          weeklyCents\n          individualWeeklyCents\n          weeklySavingCents\n          confirmedAt\n          leftAt\n        }\n      }\n    }\n  }\n": types.CitizenCareGroupsDocument,
    "\n  mutation CitizenConfirmCareGroup($input: CareGroupMemberInput!) {\n    confirmCareGroup(input: $input) {\n      id\n      status\n    }\n  }\n": types.CitizenConfirmCareGroupDocument,
    "\n  mutation CitizenLeaveCareGroup($input: LeaveCareGroupInput!) {\n    leaveCareGroup(input: $input) {\n      id\n      status\n    }\n  }\n": types.CitizenLeaveCareGroupDocument,
    "\n  mutation CitizenWriteReview($input: WriteReviewInput!) {\n    writeReview(input: $input) {\n      id\n      visibility\n      overallStars\n    }\n  }\n": types.CitizenWriteReviewDocument,
    "\n  fragment CitizenReview on Review {\n    id\n    engagementId\n    subjectType\n    overallStars\n    comment\n    createdAt\n    visibility\n    scores {\n      criterion\n      stars\n    }\n    reply {\n      body\n      createdAt\n    }\n  }\n": types.CitizenReviewFragmentDoc,
    "\n  query CitizenReviews {\n    me {\n      id\n    }\n    received: myReviews(direction: RECEIVED, first: 20) {\n      items {\n        ...CitizenReview\n      }\n    }\n    written: myReviews(direction: WRITTEN, first: 20) {\n      items {\n        ...CitizenReview\n      }\n    }\n    myEngagements(first: 20) {\n      items {\n        id\n        needId\n        status\n        helperName\n        helperUserId\n        completedAt\n      }\n    }\n  }\n": types.CitizenReviewsDocument,
    "\n  query CitizenNotifications($after: String) {\n    myNotifications(first: 20, after: $after) {\n      unreadCount\n      items {\n        id\n        event\n        body\n        createdAt\n        readAt\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.CitizenNotificationsDocument,
    "\n  mutation CitizenMarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(input: { ids: $ids })\n  }\n": types.CitizenMarkNotificationsReadDocument,
    "\n  subscription CitizenNotificationReceived {\n    notificationReceived {\n      id\n      event\n      body\n      createdAt\n      readAt\n    }\n  }\n": types.CitizenNotificationReceivedDocument,
    "\n  fragment CitizenPreferences on NotificationPreferences {\n    language\n    quietHoursStart\n    quietHoursEnd\n    email\n    channels {\n      event\n      channels\n    }\n    familyContact {\n      name\n      phone\n      consentAt\n    }\n  }\n": types.CitizenPreferencesFragmentDoc,
    "\n  query CitizenPreferences {\n    myNotificationPreferences {\n      ...CitizenPreferences\n    }\n  }\n": types.CitizenPreferencesDocument,
    "\n  mutation CitizenUpdatePreferences($input: UpdateNotificationPreferencesInput!) {\n    updateNotificationPreferences(input: $input) {\n      ...CitizenPreferences\n    }\n  }\n": types.CitizenUpdatePreferencesDocument,
    "\n  fragment CitizenPrivacy on PrivacyStatus {\n    acceptedNoticeVersion\n    currentNoticeVersion\n    noticeAcceptanceRequired\n    healthDataConsent\n    familyContactConsent\n    consents {\n      id\n      kind\n      grantedAt\n      withdrawnAt\n      noticeVersion\n    }\n  }\n": types.CitizenPrivacyFragmentDoc,
    "\n  query CitizenMyData {\n    myPrivacy {\n      ...CitizenPrivacy\n    }\n    myDataExports(first: 5) {\n      items {\n        id\n        status\n        requestedAt\n        readyAt\n        expiresAt\n        sizeBytes\n      }\n    }\n  }\n": types.CitizenMyDataDocument,
    "\n  mutation CitizenAcceptNotice($version: String!) {\n    acceptPrivacyNotice(input: { version: $version }) {\n      ...CitizenPrivacy\n    }\n  }\n": types.CitizenAcceptNoticeDocument,
    "\n  mutation CitizenGiveConsent($kind: ConsentKind!) {\n    giveConsent(input: { kind: $kind }) {\n      ...CitizenPrivacy\n    }\n  }\n": types.CitizenGiveConsentDocument,
    "\n  mutation CitizenWithdrawConsent($kind: ConsentKind!) {\n    withdrawConsent(input: { kind: $kind }) {\n      kind\n      withdrawn\n      sensitiveNotesPurged\n      familyNotificationsCancelled\n    }\n  }\n": types.CitizenWithdrawConsentDocument,
    "\n  mutation CitizenRequestDataExport {\n    requestDataExport {\n      id\n      status\n      requestedAt\n    }\n  }\n": types.CitizenRequestDataExportDocument,
    "\n  query CitizenDataExportContent($id: ID!) {\n    dataExport(id: $id) {\n      id\n      status\n      content\n    }\n  }\n": types.CitizenDataExportContentDocument,
    "\n  mutation CitizenDeleteAccount {\n    deleteMyAccount(input: { confirm: true }) {\n      id\n      needsCancelled\n      engagementsCancelled\n    }\n  }\n": types.CitizenDeleteAccountDocument,
    "\n  query CitizenEngagement($id: ID!) {\n    engagement(id: $id) {\n      id\n      needId\n      status\n      helperName\n      organisationId\n      completedAt\n    }\n  }\n": types.CitizenEngagementDocument,
    "\n  query AccreditationRequestsPage(\n    $status: AccreditationStatus\n    $territoryId: ID\n    $first: Int!\n    $after: String\n  ) {\n    accreditationRequests(status: $status, territoryId: $territoryId, first: $first, after: $after) {\n      items {\n        id\n        organisationId\n        organisationName\n        status\n        reason\n        createdAt\n        updatedAt\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.AccreditationRequestsPageDocument,
    "\n  query AccreditationOrganisation($organisationId: ID!) {\n    organisation(id: $organisationId) {\n      id\n      name\n      kind\n      codiceFiscale\n      partitaIva\n      runtsSection\n      runtsNumber\n      description\n    }\n    accreditationHistory(organisationId: $organisationId) {\n      accreditationId\n      territoryId\n      fromStatus\n      toStatus\n      reason\n      createdAt\n    }\n  }\n": types.AccreditationOrganisationDocument,
    "\n  mutation StartAccreditationReviewAction($id: ID!) {\n    startAccreditationReview(input: { accreditationId: $id }) {\n      id\n      status\n    }\n  }\n": types.StartAccreditationReviewActionDocument,
    "\n  mutation DecideAccreditationAction($input: DecideAccreditationInput!) {\n    decideAccreditation(input: $input) {\n      id\n      status\n      reason\n    }\n  }\n": types.DecideAccreditationActionDocument,
    "\n  mutation DeskPostNeed($input: PostNeedAtDeskInput!) {\n    postNeedAtDesk(input: $input) {\n      id\n      status\n    }\n  }\n": types.DeskPostNeedDocument,
    "\n  query FollowUpOpenNeeds($hours: Int, $comuneIstat: String, $first: Int!, $after: String) {\n    territoryNeeds(\n      status: OPEN\n      unmatchedForHours: $hours\n      comuneIstat: $comuneIstat\n      first: $first\n      after: $after\n    ) {\n      items {\n        id\n        category\n        description\n        comuneIstat\n        status\n        source\n        openedAt\n        createdAt\n        windowStart\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.FollowUpOpenNeedsDocument,
    "\n  query FollowUpUnmatchedNeeds($comuneIstat: String, $first: Int!, $after: String) {\n    unmatchedNeeds(comuneIstat: $comuneIstat, first: $first, after: $after) {\n      items {\n        needId\n        category\n        description\n        comuneIstat\n        reason\n        reasonText\n        unmatchedAt\n        windowStart\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.FollowUpUnmatchedNeedsDocument,
    "\n  query TerritoryIndicators($period: IndicatorFilterInput!, $monthly: IndicatorFilterInput!) {\n    period: impactIndicators(filter: $period) {\n      asOf\n      from\n      to\n      demand {\n        needsReceived\n        needsMatched\n        needsServed\n        coverageRate\n        medianHoursToMatch\n        p90HoursToMatch\n      }\n      reach {\n        citizensReached\n      }\n      unmatched {\n        reason\n        needs\n        people\n      }\n      activity {\n        volunteerHours\n      }\n    }\n    monthly: impactIndicators(filter: $monthly) {\n      asOf\n      demand {\n        periodStart\n        needsReceived\n        coverageRate\n        medianHoursToMatch\n        p90HoursToMatch\n      }\n      reach {\n        periodStart\n        citizensReached\n      }\n      activity {\n        periodStart\n        volunteerHours\n      }\n    }\n  }\n": types.TerritoryIndicatorsDocument,
    "\n  mutation ExportIndicatorsCsvFile($input: IndicatorExportInput!) {\n    exportIndicatorsCsv(input: $input) {\n      csv\n      fileName\n      rowCount\n    }\n  }\n": types.ExportIndicatorsCsvFileDocument,
    "\n  query ModerationQueuePage(\n    $status: ModerationStatus\n    $contentType: ContentType\n    $first: Int!\n    $after: String\n  ) {\n    moderationQueue(status: $status, contentType: $contentType, first: $first, after: $after) {\n      items {\n        contentId\n        contentType\n        comuneIstat\n        createdAt\n        needsReview\n        reportCount\n        status\n        summary\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.ModerationQueuePageDocument,
    "\n  mutation ModerateContentItem($input: ModerateContentInput!) {\n    moderateContent(input: $input) {\n      contentId\n      contentType\n      status\n      needsReview\n    }\n  }\n": types.ModerateContentItemDocument,
    "\n  query ConsoleNeed($id: ID!) {\n    need(id: $id) {\n      id\n      category\n      description\n      status\n      source\n      comuneIstat\n      windowStart\n      windowEnd\n      address\n      beneficiary {\n        id\n        kind\n        fullName\n        phone\n        consentRecordedAt\n      }\n      details {\n        ride {\n          pickupPlace\n          destinationPlace\n          appointmentAt\n          returnAt\n          wheelchair\n        }\n      }\n    }\n  }\n": types.ConsoleNeedDocument,
    "\n  query ConsoleNeedCandidates($needId: ID!) {\n    needCandidates(needId: $needId, first: 20) {\n      kind\n      helperUserId\n      organisationId\n      helperName\n      rank\n      distanceKm\n      whyThisHelper\n    }\n    needProposals(needId: $needId, first: 50) {\n      items {\n        id\n        helperName\n        status\n        rank\n        assignedByUserId\n        createdAt\n        whyThisHelper\n      }\n    }\n  }\n": types.ConsoleNeedCandidatesDocument,
    "\n  mutation ConsoleAssignHelper($input: AssignHelperInput!) {\n    assignHelper(input: $input) {\n      id\n      helperName\n      status\n    }\n  }\n": types.ConsoleAssignHelperDocument,
    "\n  query ConsoleTerritories {\n    myTerritories {\n      id\n      name\n      comuni {\n        istat\n        name\n        lat\n        lon\n      }\n    }\n  }\n": types.ConsoleTerritoriesDocument,
    "\n  fragment SessionUser on User {\n    id\n    displayName\n    language\n    phoneE164\n    roles {\n      id\n      role\n      territoryId\n      organisationId\n    }\n  }\n": types.SessionUserFragmentDoc,
    "\n  mutation RefreshWebSession {\n    refreshSession {\n      accessToken\n      accessTokenExpiresAt\n      user {\n        ...SessionUser\n      }\n    }\n  }\n": types.RefreshWebSessionDocument,
    "\n  mutation RequestPhoneCode($input: RequestPhoneVerificationInput!) {\n    requestPhoneVerification(input: $input) {\n      phone\n      expiresAt\n      resendAfterSeconds\n    }\n  }\n": types.RequestPhoneCodeDocument,
    "\n  mutation VerifyPhoneCode($input: VerifyPhoneInput!) {\n    verifyPhone(input: $input) {\n      accessToken\n      accessTokenExpiresAt\n      user {\n        ...SessionUser\n      }\n    }\n  }\n": types.VerifyPhoneCodeDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
    "\n  query PrivacyNotice($language: String) {\n    privacyNotice(language: $language) {\n      version\n      title\n      body\n      publishedAt\n    }\n  }\n": types.PrivacyNoticeDocument,
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
export function graphql(source: "\n  query CitizenComuni($search: String!) {\n    comuni(search: $search, first: 10) {\n      items {\n        istat\n        name\n        province\n        provinceCode\n        lat\n        lon\n      }\n    }\n  }\n"): (typeof documents)["\n  query CitizenComuni($search: String!) {\n    comuni(search: $search, first: 10) {\n      items {\n        istat\n        name\n        province\n        provinceCode\n        lat\n        lon\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CitizenOfferContext($id: ID!) {\n    serviceOffer(id: $id) {\n      id\n      title\n      category\n      organisation {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query CitizenOfferContext($id: ID!) {\n    serviceOffer(id: $id) {\n      id\n      title\n      category\n      organisation {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CitizenHealthConsent {\n    myPrivacy {\n      healthDataConsent\n    }\n  }\n"): (typeof documents)["\n  query CitizenHealthConsent {\n    myPrivacy {\n      healthDataConsent\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CitizenPostNeed($input: PostNeedInput!) {\n    postNeed(input: $input) {\n      id\n      status\n      category\n    }\n  }\n"): (typeof documents)["\n  mutation CitizenPostNeed($input: PostNeedInput!) {\n    postNeed(input: $input) {\n      id\n      status\n      category\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CitizenNeedSummary on Need {\n    id\n    category\n    description\n    status\n    createdAt\n    windowStart\n    windowEnd\n    beneficiary {\n      kind\n      fullName\n      relationship\n    }\n    details {\n      ride {\n        destinationPlace\n        appointmentAt\n        returnTripWanted\n        returnAt\n      }\n      sharedCaregiver {\n        weeklyHours\n        willingToShare\n      }\n    }\n    engagement {\n      id\n      status\n      helperName\n    }\n  }\n"): (typeof documents)["\n  fragment CitizenNeedSummary on Need {\n    id\n    category\n    description\n    status\n    createdAt\n    windowStart\n    windowEnd\n    beneficiary {\n      kind\n      fullName\n      relationship\n    }\n    details {\n      ride {\n        destinationPlace\n        appointmentAt\n        returnTripWanted\n        returnAt\n      }\n      sharedCaregiver {\n        weeklyHours\n        willingToShare\n      }\n    }\n    engagement {\n      id\n      status\n      helperName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CitizenMyNeeds($after: String) {\n    myNeeds(first: 20, after: $after) {\n      items {\n        ...CitizenNeedSummary\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query CitizenMyNeeds($after: String) {\n    myNeeds(first: 20, after: $after) {\n      items {\n        ...CitizenNeedSummary\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CitizenNeed($id: ID!) {\n    need(id: $id) {\n      ...CitizenNeedSummary\n      address\n      sensitiveNotes\n      comuneIstat\n      visibleToHelpers\n      details {\n        ride {\n          pickupPlace\n          destinationPlace\n          appointmentAt\n          returnTripWanted\n          returnAt\n          wheelchair\n          escortWaits\n          passengers\n        }\n        sharedCaregiver {\n          weeklyHours\n          willingToShare\n          maxPricePerHourCents\n          weeklySchedule {\n            dayOfWeek\n            start\n            end\n          }\n        }\n      }\n      engagement {\n        id\n        status\n        helperName\n        helperUserId\n        organisationId\n        startsAt\n        endsAt\n        completedAt\n      }\n    }\n    needHistory(needId: $id) {\n      from\n      to\n      reason\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  query CitizenNeed($id: ID!) {\n    need(id: $id) {\n      ...CitizenNeedSummary\n      address\n      sensitiveNotes\n      comuneIstat\n      visibleToHelpers\n      details {\n        ride {\n          pickupPlace\n          destinationPlace\n          appointmentAt\n          returnTripWanted\n          returnAt\n          wheelchair\n          escortWaits\n          passengers\n        }\n        sharedCaregiver {\n          weeklyHours\n          willingToShare\n          maxPricePerHourCents\n          weeklySchedule {\n            dayOfWeek\n            start\n            end\n          }\n        }\n      }\n      engagement {\n        id\n        status\n        helperName\n        helperUserId\n        organisationId\n        startsAt\n        endsAt\n        completedAt\n      }\n    }\n    needHistory(needId: $id) {\n      from\n      to\n      reason\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CitizenCancelNeed($input: CancelNeedInput!) {\n    cancelNeed(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation CitizenCancelNeed($input: CancelNeedInput!) {\n    cancelNeed(input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CitizenConfirmEngagement($input: EngagementActionInput!) {\n    confirmEngagement(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation CitizenConfirmEngagement($input: EngagementActionInput!) {\n    confirmEngagement(input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CitizenDeclineEngagement($input: EngagementActionInput!) {\n    declineEngagement(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation CitizenDeclineEngagement($input: EngagementActionInput!) {\n    declineEngagement(input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CitizenCancelEngagement($input: EngagementActionInput!) {\n    cancelEngagement(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation CitizenCancelEngagement($input: EngagementActionInput!) {\n    cancelEngagement(input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CitizenReportNoShow($input: EngagementActionInput!) {\n    reportNoShow(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation CitizenReportNoShow($input: EngagementActionInput!) {\n    reportNoShow(input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CitizenCareGroups {\n    myCareGroups(first: 20) {\n      items {\n        id\n        status\n        householdCount\n        weeklyMinutes\n        createdAt\n        confirmedAt\n        sharedSchedule {\n          dayOfWeek\n          start\n          end\n        }\n        offer {\n          id\n          title\n          organisationName\n        }\n        myQuotes {\n          needId\n          status\n          priceCentsPerHour\n          individualPriceCentsPerHour\n          savingCentsPerHour\n          weeklyCents\n          individualWeeklyCents\n          weeklySavingCents\n          confirmedAt\n          leftAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CitizenCareGroups {\n    myCareGroups(first: 20) {\n      items {\n        id\n        status\n        householdCount\n        weeklyMinutes\n        createdAt\n        confirmedAt\n        sharedSchedule {\n          dayOfWeek\n          start\n          end\n        }\n        offer {\n          id\n          title\n          organisationName\n        }\n        myQuotes {\n          needId\n          status\n          priceCentsPerHour\n          individualPriceCentsPerHour\n          savingCentsPerHour\n          weeklyCents\n          individualWeeklyCents\n          weeklySavingCents\n          confirmedAt\n          leftAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CitizenConfirmCareGroup($input: CareGroupMemberInput!) {\n    confirmCareGroup(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation CitizenConfirmCareGroup($input: CareGroupMemberInput!) {\n    confirmCareGroup(input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CitizenLeaveCareGroup($input: LeaveCareGroupInput!) {\n    leaveCareGroup(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation CitizenLeaveCareGroup($input: LeaveCareGroupInput!) {\n    leaveCareGroup(input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CitizenWriteReview($input: WriteReviewInput!) {\n    writeReview(input: $input) {\n      id\n      visibility\n      overallStars\n    }\n  }\n"): (typeof documents)["\n  mutation CitizenWriteReview($input: WriteReviewInput!) {\n    writeReview(input: $input) {\n      id\n      visibility\n      overallStars\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CitizenReview on Review {\n    id\n    engagementId\n    subjectType\n    overallStars\n    comment\n    createdAt\n    visibility\n    scores {\n      criterion\n      stars\n    }\n    reply {\n      body\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  fragment CitizenReview on Review {\n    id\n    engagementId\n    subjectType\n    overallStars\n    comment\n    createdAt\n    visibility\n    scores {\n      criterion\n      stars\n    }\n    reply {\n      body\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CitizenReviews {\n    me {\n      id\n    }\n    received: myReviews(direction: RECEIVED, first: 20) {\n      items {\n        ...CitizenReview\n      }\n    }\n    written: myReviews(direction: WRITTEN, first: 20) {\n      items {\n        ...CitizenReview\n      }\n    }\n    myEngagements(first: 20) {\n      items {\n        id\n        needId\n        status\n        helperName\n        helperUserId\n        completedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query CitizenReviews {\n    me {\n      id\n    }\n    received: myReviews(direction: RECEIVED, first: 20) {\n      items {\n        ...CitizenReview\n      }\n    }\n    written: myReviews(direction: WRITTEN, first: 20) {\n      items {\n        ...CitizenReview\n      }\n    }\n    myEngagements(first: 20) {\n      items {\n        id\n        needId\n        status\n        helperName\n        helperUserId\n        completedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CitizenNotifications($after: String) {\n    myNotifications(first: 20, after: $after) {\n      unreadCount\n      items {\n        id\n        event\n        body\n        createdAt\n        readAt\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query CitizenNotifications($after: String) {\n    myNotifications(first: 20, after: $after) {\n      unreadCount\n      items {\n        id\n        event\n        body\n        createdAt\n        readAt\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CitizenMarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(input: { ids: $ids })\n  }\n"): (typeof documents)["\n  mutation CitizenMarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(input: { ids: $ids })\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CitizenNotificationReceived {\n    notificationReceived {\n      id\n      event\n      body\n      createdAt\n      readAt\n    }\n  }\n"): (typeof documents)["\n  subscription CitizenNotificationReceived {\n    notificationReceived {\n      id\n      event\n      body\n      createdAt\n      readAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CitizenPreferences on NotificationPreferences {\n    language\n    quietHoursStart\n    quietHoursEnd\n    email\n    channels {\n      event\n      channels\n    }\n    familyContact {\n      name\n      phone\n      consentAt\n    }\n  }\n"): (typeof documents)["\n  fragment CitizenPreferences on NotificationPreferences {\n    language\n    quietHoursStart\n    quietHoursEnd\n    email\n    channels {\n      event\n      channels\n    }\n    familyContact {\n      name\n      phone\n      consentAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CitizenPreferences {\n    myNotificationPreferences {\n      ...CitizenPreferences\n    }\n  }\n"): (typeof documents)["\n  query CitizenPreferences {\n    myNotificationPreferences {\n      ...CitizenPreferences\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CitizenUpdatePreferences($input: UpdateNotificationPreferencesInput!) {\n    updateNotificationPreferences(input: $input) {\n      ...CitizenPreferences\n    }\n  }\n"): (typeof documents)["\n  mutation CitizenUpdatePreferences($input: UpdateNotificationPreferencesInput!) {\n    updateNotificationPreferences(input: $input) {\n      ...CitizenPreferences\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CitizenPrivacy on PrivacyStatus {\n    acceptedNoticeVersion\n    currentNoticeVersion\n    noticeAcceptanceRequired\n    healthDataConsent\n    familyContactConsent\n    consents {\n      id\n      kind\n      grantedAt\n      withdrawnAt\n      noticeVersion\n    }\n  }\n"): (typeof documents)["\n  fragment CitizenPrivacy on PrivacyStatus {\n    acceptedNoticeVersion\n    currentNoticeVersion\n    noticeAcceptanceRequired\n    healthDataConsent\n    familyContactConsent\n    consents {\n      id\n      kind\n      grantedAt\n      withdrawnAt\n      noticeVersion\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CitizenMyData {\n    myPrivacy {\n      ...CitizenPrivacy\n    }\n    myDataExports(first: 5) {\n      items {\n        id\n        status\n        requestedAt\n        readyAt\n        expiresAt\n        sizeBytes\n      }\n    }\n  }\n"): (typeof documents)["\n  query CitizenMyData {\n    myPrivacy {\n      ...CitizenPrivacy\n    }\n    myDataExports(first: 5) {\n      items {\n        id\n        status\n        requestedAt\n        readyAt\n        expiresAt\n        sizeBytes\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CitizenAcceptNotice($version: String!) {\n    acceptPrivacyNotice(input: { version: $version }) {\n      ...CitizenPrivacy\n    }\n  }\n"): (typeof documents)["\n  mutation CitizenAcceptNotice($version: String!) {\n    acceptPrivacyNotice(input: { version: $version }) {\n      ...CitizenPrivacy\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CitizenGiveConsent($kind: ConsentKind!) {\n    giveConsent(input: { kind: $kind }) {\n      ...CitizenPrivacy\n    }\n  }\n"): (typeof documents)["\n  mutation CitizenGiveConsent($kind: ConsentKind!) {\n    giveConsent(input: { kind: $kind }) {\n      ...CitizenPrivacy\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CitizenWithdrawConsent($kind: ConsentKind!) {\n    withdrawConsent(input: { kind: $kind }) {\n      kind\n      withdrawn\n      sensitiveNotesPurged\n      familyNotificationsCancelled\n    }\n  }\n"): (typeof documents)["\n  mutation CitizenWithdrawConsent($kind: ConsentKind!) {\n    withdrawConsent(input: { kind: $kind }) {\n      kind\n      withdrawn\n      sensitiveNotesPurged\n      familyNotificationsCancelled\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CitizenRequestDataExport {\n    requestDataExport {\n      id\n      status\n      requestedAt\n    }\n  }\n"): (typeof documents)["\n  mutation CitizenRequestDataExport {\n    requestDataExport {\n      id\n      status\n      requestedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CitizenDataExportContent($id: ID!) {\n    dataExport(id: $id) {\n      id\n      status\n      content\n    }\n  }\n"): (typeof documents)["\n  query CitizenDataExportContent($id: ID!) {\n    dataExport(id: $id) {\n      id\n      status\n      content\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CitizenDeleteAccount {\n    deleteMyAccount(input: { confirm: true }) {\n      id\n      needsCancelled\n      engagementsCancelled\n    }\n  }\n"): (typeof documents)["\n  mutation CitizenDeleteAccount {\n    deleteMyAccount(input: { confirm: true }) {\n      id\n      needsCancelled\n      engagementsCancelled\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CitizenEngagement($id: ID!) {\n    engagement(id: $id) {\n      id\n      needId\n      status\n      helperName\n      organisationId\n      completedAt\n    }\n  }\n"): (typeof documents)["\n  query CitizenEngagement($id: ID!) {\n    engagement(id: $id) {\n      id\n      needId\n      status\n      helperName\n      organisationId\n      completedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccreditationRequestsPage(\n    $status: AccreditationStatus\n    $territoryId: ID\n    $first: Int!\n    $after: String\n  ) {\n    accreditationRequests(status: $status, territoryId: $territoryId, first: $first, after: $after) {\n      items {\n        id\n        organisationId\n        organisationName\n        status\n        reason\n        createdAt\n        updatedAt\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query AccreditationRequestsPage(\n    $status: AccreditationStatus\n    $territoryId: ID\n    $first: Int!\n    $after: String\n  ) {\n    accreditationRequests(status: $status, territoryId: $territoryId, first: $first, after: $after) {\n      items {\n        id\n        organisationId\n        organisationName\n        status\n        reason\n        createdAt\n        updatedAt\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccreditationOrganisation($organisationId: ID!) {\n    organisation(id: $organisationId) {\n      id\n      name\n      kind\n      codiceFiscale\n      partitaIva\n      runtsSection\n      runtsNumber\n      description\n    }\n    accreditationHistory(organisationId: $organisationId) {\n      accreditationId\n      territoryId\n      fromStatus\n      toStatus\n      reason\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  query AccreditationOrganisation($organisationId: ID!) {\n    organisation(id: $organisationId) {\n      id\n      name\n      kind\n      codiceFiscale\n      partitaIva\n      runtsSection\n      runtsNumber\n      description\n    }\n    accreditationHistory(organisationId: $organisationId) {\n      accreditationId\n      territoryId\n      fromStatus\n      toStatus\n      reason\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartAccreditationReviewAction($id: ID!) {\n    startAccreditationReview(input: { accreditationId: $id }) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation StartAccreditationReviewAction($id: ID!) {\n    startAccreditationReview(input: { accreditationId: $id }) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DecideAccreditationAction($input: DecideAccreditationInput!) {\n    decideAccreditation(input: $input) {\n      id\n      status\n      reason\n    }\n  }\n"): (typeof documents)["\n  mutation DecideAccreditationAction($input: DecideAccreditationInput!) {\n    decideAccreditation(input: $input) {\n      id\n      status\n      reason\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeskPostNeed($input: PostNeedAtDeskInput!) {\n    postNeedAtDesk(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation DeskPostNeed($input: PostNeedAtDeskInput!) {\n    postNeedAtDesk(input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FollowUpOpenNeeds($hours: Int, $comuneIstat: String, $first: Int!, $after: String) {\n    territoryNeeds(\n      status: OPEN\n      unmatchedForHours: $hours\n      comuneIstat: $comuneIstat\n      first: $first\n      after: $after\n    ) {\n      items {\n        id\n        category\n        description\n        comuneIstat\n        status\n        source\n        openedAt\n        createdAt\n        windowStart\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query FollowUpOpenNeeds($hours: Int, $comuneIstat: String, $first: Int!, $after: String) {\n    territoryNeeds(\n      status: OPEN\n      unmatchedForHours: $hours\n      comuneIstat: $comuneIstat\n      first: $first\n      after: $after\n    ) {\n      items {\n        id\n        category\n        description\n        comuneIstat\n        status\n        source\n        openedAt\n        createdAt\n        windowStart\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FollowUpUnmatchedNeeds($comuneIstat: String, $first: Int!, $after: String) {\n    unmatchedNeeds(comuneIstat: $comuneIstat, first: $first, after: $after) {\n      items {\n        needId\n        category\n        description\n        comuneIstat\n        reason\n        reasonText\n        unmatchedAt\n        windowStart\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query FollowUpUnmatchedNeeds($comuneIstat: String, $first: Int!, $after: String) {\n    unmatchedNeeds(comuneIstat: $comuneIstat, first: $first, after: $after) {\n      items {\n        needId\n        category\n        description\n        comuneIstat\n        reason\n        reasonText\n        unmatchedAt\n        windowStart\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TerritoryIndicators($period: IndicatorFilterInput!, $monthly: IndicatorFilterInput!) {\n    period: impactIndicators(filter: $period) {\n      asOf\n      from\n      to\n      demand {\n        needsReceived\n        needsMatched\n        needsServed\n        coverageRate\n        medianHoursToMatch\n        p90HoursToMatch\n      }\n      reach {\n        citizensReached\n      }\n      unmatched {\n        reason\n        needs\n        people\n      }\n      activity {\n        volunteerHours\n      }\n    }\n    monthly: impactIndicators(filter: $monthly) {\n      asOf\n      demand {\n        periodStart\n        needsReceived\n        coverageRate\n        medianHoursToMatch\n        p90HoursToMatch\n      }\n      reach {\n        periodStart\n        citizensReached\n      }\n      activity {\n        periodStart\n        volunteerHours\n      }\n    }\n  }\n"): (typeof documents)["\n  query TerritoryIndicators($period: IndicatorFilterInput!, $monthly: IndicatorFilterInput!) {\n    period: impactIndicators(filter: $period) {\n      asOf\n      from\n      to\n      demand {\n        needsReceived\n        needsMatched\n        needsServed\n        coverageRate\n        medianHoursToMatch\n        p90HoursToMatch\n      }\n      reach {\n        citizensReached\n      }\n      unmatched {\n        reason\n        needs\n        people\n      }\n      activity {\n        volunteerHours\n      }\n    }\n    monthly: impactIndicators(filter: $monthly) {\n      asOf\n      demand {\n        periodStart\n        needsReceived\n        coverageRate\n        medianHoursToMatch\n        p90HoursToMatch\n      }\n      reach {\n        periodStart\n        citizensReached\n      }\n      activity {\n        periodStart\n        volunteerHours\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExportIndicatorsCsvFile($input: IndicatorExportInput!) {\n    exportIndicatorsCsv(input: $input) {\n      csv\n      fileName\n      rowCount\n    }\n  }\n"): (typeof documents)["\n  mutation ExportIndicatorsCsvFile($input: IndicatorExportInput!) {\n    exportIndicatorsCsv(input: $input) {\n      csv\n      fileName\n      rowCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ModerationQueuePage(\n    $status: ModerationStatus\n    $contentType: ContentType\n    $first: Int!\n    $after: String\n  ) {\n    moderationQueue(status: $status, contentType: $contentType, first: $first, after: $after) {\n      items {\n        contentId\n        contentType\n        comuneIstat\n        createdAt\n        needsReview\n        reportCount\n        status\n        summary\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query ModerationQueuePage(\n    $status: ModerationStatus\n    $contentType: ContentType\n    $first: Int!\n    $after: String\n  ) {\n    moderationQueue(status: $status, contentType: $contentType, first: $first, after: $after) {\n      items {\n        contentId\n        contentType\n        comuneIstat\n        createdAt\n        needsReview\n        reportCount\n        status\n        summary\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ModerateContentItem($input: ModerateContentInput!) {\n    moderateContent(input: $input) {\n      contentId\n      contentType\n      status\n      needsReview\n    }\n  }\n"): (typeof documents)["\n  mutation ModerateContentItem($input: ModerateContentInput!) {\n    moderateContent(input: $input) {\n      contentId\n      contentType\n      status\n      needsReview\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleNeed($id: ID!) {\n    need(id: $id) {\n      id\n      category\n      description\n      status\n      source\n      comuneIstat\n      windowStart\n      windowEnd\n      address\n      beneficiary {\n        id\n        kind\n        fullName\n        phone\n        consentRecordedAt\n      }\n      details {\n        ride {\n          pickupPlace\n          destinationPlace\n          appointmentAt\n          returnAt\n          wheelchair\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleNeed($id: ID!) {\n    need(id: $id) {\n      id\n      category\n      description\n      status\n      source\n      comuneIstat\n      windowStart\n      windowEnd\n      address\n      beneficiary {\n        id\n        kind\n        fullName\n        phone\n        consentRecordedAt\n      }\n      details {\n        ride {\n          pickupPlace\n          destinationPlace\n          appointmentAt\n          returnAt\n          wheelchair\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleNeedCandidates($needId: ID!) {\n    needCandidates(needId: $needId, first: 20) {\n      kind\n      helperUserId\n      organisationId\n      helperName\n      rank\n      distanceKm\n      whyThisHelper\n    }\n    needProposals(needId: $needId, first: 50) {\n      items {\n        id\n        helperName\n        status\n        rank\n        assignedByUserId\n        createdAt\n        whyThisHelper\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleNeedCandidates($needId: ID!) {\n    needCandidates(needId: $needId, first: 20) {\n      kind\n      helperUserId\n      organisationId\n      helperName\n      rank\n      distanceKm\n      whyThisHelper\n    }\n    needProposals(needId: $needId, first: 50) {\n      items {\n        id\n        helperName\n        status\n        rank\n        assignedByUserId\n        createdAt\n        whyThisHelper\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleAssignHelper($input: AssignHelperInput!) {\n    assignHelper(input: $input) {\n      id\n      helperName\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleAssignHelper($input: AssignHelperInput!) {\n    assignHelper(input: $input) {\n      id\n      helperName\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleTerritories {\n    myTerritories {\n      id\n      name\n      comuni {\n        istat\n        name\n        lat\n        lon\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleTerritories {\n    myTerritories {\n      id\n      name\n      comuni {\n        istat\n        name\n        lat\n        lon\n      }\n    }\n  }\n"];
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

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;