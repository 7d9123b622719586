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
    "\n  query MyOrganisationsConsole {\n    myOrganisations {\n      id\n      name\n      kind\n      codiceFiscale\n      partitaIva\n      runtsSection\n      runtsNumber\n      homeComuneIstat\n      accreditations {\n        id\n        territoryId\n        status\n        reason\n        updatedAt\n      }\n    }\n  }\n": typeof types.MyOrganisationsConsoleDocument,
    "\n  mutation RegisterOrganisationConsole($input: RegisterOrganisationInput!) {\n    registerOrganisation(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.RegisterOrganisationConsoleDocument,
    "\n  query OrganisationComuni($search: String!) {\n    comuni(search: $search, first: 10) {\n      items {\n        istat\n        name\n        provinceCode\n      }\n    }\n  }\n": typeof types.OrganisationComuniDocument,
    "\n  query TerritoriesOfComune($istat: String!) {\n    territoriesOfComune(istat: $istat) {\n      id\n      name\n    }\n  }\n": typeof types.TerritoriesOfComuneDocument,
    "\n  mutation RequestAccreditationConsole($input: RequestAccreditationInput!) {\n    requestAccreditation(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.RequestAccreditationConsoleDocument,
    "\n  query OrganisationAccreditationHistory($organisationId: ID!) {\n    accreditationHistory(organisationId: $organisationId) {\n      accreditationId\n      territoryId\n      fromStatus\n      toStatus\n      reason\n      createdAt\n    }\n  }\n": typeof types.OrganisationAccreditationHistoryDocument,
    "\n  query ConsoleTerritories {\n    myTerritories {\n      id\n      name\n      comuni {\n        istat\n        name\n        lat\n        lon\n      }\n    }\n  }\n": typeof types.ConsoleTerritoriesDocument,
    "\n  fragment SessionUser on User {\n    id\n    displayName\n    language\n    phoneE164\n    roles {\n      id\n      role\n      territoryId\n      organisationId\n    }\n  }\n": typeof types.SessionUserFragmentDoc,
    "\n  mutation RefreshWebSession {\n    refreshSession {\n      accessToken\n      accessTokenExpiresAt\n      user {\n        ...SessionUser\n      }\n    }\n  }\n": typeof types.RefreshWebSessionDocument,
    "\n  mutation RequestPhoneCode($input: RequestPhoneVerificationInput!) {\n    requestPhoneVerification(input: $input) {\n      phone\n      expiresAt\n      resendAfterSeconds\n    }\n  }\n": typeof types.RequestPhoneCodeDocument,
    "\n  mutation VerifyPhoneCode($input: VerifyPhoneInput!) {\n    verifyPhone(input: $input) {\n      accessToken\n      accessTokenExpiresAt\n      user {\n        ...SessionUser\n      }\n    }\n  }\n": typeof types.VerifyPhoneCodeDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": typeof types.SignOutDocument,
    "\n  query PrivacyNotice($language: String) {\n    privacyNotice(language: $language) {\n      version\n      title\n      body\n      publishedAt\n    }\n  }\n": typeof types.PrivacyNoticeDocument,
};
const documents: Documents = {
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
    "\n  query MyOrganisationsConsole {\n    myOrganisations {\n      id\n      name\n      kind\n      codiceFiscale\n      partitaIva\n      runtsSection\n      runtsNumber\n      homeComuneIstat\n      accreditations {\n        id\n        territoryId\n        status\n        reason\n        updatedAt\n      }\n    }\n  }\n": types.MyOrganisationsConsoleDocument,
    "\n  mutation RegisterOrganisationConsole($input: RegisterOrganisationInput!) {\n    registerOrganisation(input: $input) {\n      id\n      name\n    }\n  }\n": types.RegisterOrganisationConsoleDocument,
    "\n  query OrganisationComuni($search: String!) {\n    comuni(search: $search, first: 10) {\n      items {\n        istat\n        name\n        provinceCode\n      }\n    }\n  }\n": types.OrganisationComuniDocument,
    "\n  query TerritoriesOfComune($istat: String!) {\n    territoriesOfComune(istat: $istat) {\n      id\n      name\n    }\n  }\n": types.TerritoriesOfComuneDocument,
    "\n  mutation RequestAccreditationConsole($input: RequestAccreditationInput!) {\n    requestAccreditation(input: $input) {\n      id\n      status\n    }\n  }\n": types.RequestAccreditationConsoleDocument,
    "\n  query OrganisationAccreditationHistory($organisationId: ID!) {\n    accreditationHistory(organisationId: $organisationId) {\n      accreditationId\n      territoryId\n      fromStatus\n      toStatus\n      reason\n      createdAt\n    }\n  }\n": types.OrganisationAccreditationHistoryDocument,
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
export function graphql(source: "\n  query MyOrganisationsConsole {\n    myOrganisations {\n      id\n      name\n      kind\n      codiceFiscale\n      partitaIva\n      runtsSection\n      runtsNumber\n      homeComuneIstat\n      accreditations {\n        id\n        territoryId\n        status\n        reason\n        updatedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyOrganisationsConsole {\n    myOrganisations {\n      id\n      name\n      kind\n      codiceFiscale\n      partitaIva\n      runtsSection\n      runtsNumber\n      homeComuneIstat\n      accreditations {\n        id\n        territoryId\n        status\n        reason\n        updatedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterOrganisationConsole($input: RegisterOrganisationInput!) {\n    registerOrganisation(input: $input) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation RegisterOrganisationConsole($input: RegisterOrganisationInput!) {\n    registerOrganisation(input: $input) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganisationComuni($search: String!) {\n    comuni(search: $search, first: 10) {\n      items {\n        istat\n        name\n        provinceCode\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrganisationComuni($search: String!) {\n    comuni(search: $search, first: 10) {\n      items {\n        istat\n        name\n        provinceCode\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TerritoriesOfComune($istat: String!) {\n    territoriesOfComune(istat: $istat) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query TerritoriesOfComune($istat: String!) {\n    territoriesOfComune(istat: $istat) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestAccreditationConsole($input: RequestAccreditationInput!) {\n    requestAccreditation(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation RequestAccreditationConsole($input: RequestAccreditationInput!) {\n    requestAccreditation(input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganisationAccreditationHistory($organisationId: ID!) {\n    accreditationHistory(organisationId: $organisationId) {\n      accreditationId\n      territoryId\n      fromStatus\n      toStatus\n      reason\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  query OrganisationAccreditationHistory($organisationId: ID!) {\n    accreditationHistory(organisationId: $organisationId) {\n      accreditationId\n      territoryId\n      fromStatus\n      toStatus\n      reason\n      createdAt\n    }\n  }\n"];
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