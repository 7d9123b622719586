/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type AccessibilityNeed =
  | 'COGNITIVE_SUPPORT'
  | 'HEARING_IMPAIRMENT'
  | 'REDUCED_MOBILITY'
  | 'SERVICE_ANIMAL'
  | 'SIGN_LANGUAGE'
  | 'VISUAL_IMPAIRMENT'
  | 'WHEELCHAIR';

export type AnswerCallToActionInput = {
  callId: string;
  /** Areas of interest among the call’s Comuni (always-open calls); all when empty. */
  comuneIstats?: Array<string>;
  message?: string | null | undefined;
};

export type AvailabilityKind =
  | 'ONE_OFF'
  | 'RECURRING';

/** Exactly one of recurring or oneOff. */
export type AvailabilityWindowInput = {
  oneOff?: OneOffWindowInput | null | undefined;
  recurring?: RecurringWindowInput | null | undefined;
};

export type CallAnswerStatus =
  | 'ACCEPTED'
  | 'DECLINED'
  | 'PENDING';

export type EngagementStatus =
  | 'AWAITING_CONFIRMATION'
  | 'CANCELLED'
  | 'COMPLETED'
  | 'CONFIRMED'
  | 'IN_PROGRESS'
  | 'NO_SHOW';

/** What volunteers help with (trasporto sociale, compagnia, aiuto digitale, ...). */
export type HelpCategory =
  | 'CHILDCARE'
  | 'COMPANIONSHIP'
  | 'DIGITAL_HELP'
  | 'HOME_HELP'
  | 'HOUSING'
  | 'JOB_INCLUSION'
  | 'OTHER'
  | 'RIDES_AND_ACCOMPANIMENT'
  | 'SHARED_CAREGIVER'
  | 'SHOPPING_AND_DELIVERY';

export type ModerationStatus =
  | 'HIDDEN'
  | 'PENDING'
  | 'PUBLISHED'
  | 'REJECTED';

export type NeedCategory =
  | 'CHILDCARE'
  | 'COMPANIONSHIP'
  | 'DIGITAL_HELP'
  | 'HOME_HELP'
  | 'HOUSING'
  | 'JOB_INCLUSION'
  | 'OTHER'
  | 'RIDES_AND_ACCOMPANIMENT'
  | 'SHARED_CAREGIVER'
  | 'SHOPPING_AND_DELIVERY';

/** DRAFT → SUBMITTED (waiting for the Comune) → OPEN → MATCHED → IN_PROGRESS → COMPLETED; or CANCELLED, EXPIRED, REJECTED. */
export type NeedStatus =
  | 'CANCELLED'
  | 'COMPLETED'
  | 'DRAFT'
  | 'EXPIRED'
  | 'IN_PROGRESS'
  | 'MATCHED'
  | 'OPEN'
  | 'REJECTED'
  | 'SUBMITTED';

/** One stretch of time. */
export type OneOffWindowInput = {
  endsAt: string;
  startsAt: string;
};

export type ProposalStatus =
  | 'ACCEPTED'
  | 'DECLINED'
  | 'EXPIRED'
  | 'PENDING'
  | 'WITHDRAWN';

/** Every week on one day, between two local times (Europe/Rome). */
export type RecurringWindowInput = {
  /** 1 = Monday ... 7 = Sunday. */
  dayOfWeek: number;
  /** "HH:MM", local time, after start; "24:00" for midnight. */
  end: string;
  /** "HH:MM", local time. */
  start: string;
  /** First day, "YYYY-MM-DD"; today when absent. */
  validFrom?: string | null | undefined;
  /** Last day (included), "YYYY-MM-DD"; none when absent. */
  validUntil?: string | null | undefined;
};

export type RequestPhoneVerificationInput = {
  /** Language of the SMS: "it" (default) or "en". */
  language?: string | null | undefined;
  /** The phone number as the person types it; Italian numbers need no prefix. */
  phone: string;
};

/** People are rated on PUNCTUALITY, RESPECT (and kindness) and HELP_QUALITY; services on QUALITY, PRICE_CLARITY and RELIABILITY. */
export type ReviewCriterion =
  | 'HELP_QUALITY'
  | 'PRICE_CLARITY'
  | 'PUNCTUALITY'
  | 'QUALITY'
  | 'RELIABILITY'
  | 'RESPECT';

/** Who a review is about: a volunteer, an organisation, one of its service offers, or a citizen. */
export type ReviewSubjectType =
  | 'CITIZEN'
  | 'OFFER'
  | 'ORGANISATION'
  | 'VOLUNTEER';

/** PENDING: waits for a moderator. Only PUBLISHED reviews are public and counted. */
export type ReviewVisibility =
  | 'HIDDEN'
  | 'PENDING'
  | 'PUBLISHED'
  | 'REJECTED';

/** What a person may do; staff roles are held per territory. */
export type Role =
  | 'CITIZEN'
  | 'COMUNE_MODERATOR'
  | 'COMUNE_OPERATOR'
  | 'ORGANISATION_ADMIN'
  | 'ORGANISATION_OPERATOR'
  | 'PLATFORM_ADMIN'
  | 'VOLUNTEER';

export type UpsertVolunteerProfileInput = {
  /** When given, replaces all availability windows (at most 50). */
  availability?: Array<AvailabilityWindowInput> | null | undefined;
  /** Public presentation, up to 2000 characters; moderated. */
  bio: string;
  categories?: Array<HelpCategory>;
  /** ISTAT code of the home Comune; the nearest when absent. */
  comuneIstat?: string | null | undefined;
  displayName: string;
  /** Home latitude: private, only the volunteer sees it. */
  homeLat: number;
  /** Home longitude: private, only the volunteer sees it. */
  homeLon: number;
  /** ISO 639-1 codes, e.g. "it", "en", "ar". */
  languages?: Array<string>;
  /** The organisation (ETS) the volunteer belongs to. */
  organisationId?: string | null | undefined;
  skills?: Array<string>;
  /** How far the volunteer travels, 1 to 100 km. */
  travelRadiusKm: number;
  /** Absent when the volunteer has no vehicle. */
  vehicle?: VolunteerVehicleInput | null | undefined;
  /** Most hours a week, 1 to 60. */
  weeklyHourLimit: number;
};

export type VerifyPhoneInput = {
  /** The 6-digit code received by SMS. */
  code: string;
  /** Preferred language for a new account: "it" or "en". */
  language?: string | null | undefined;
  phone: string;
  /** The version of the privacy notice the app showed and the person accepted (see privacyNotice). Recorded with the account; without it no acceptance is presumed and `myPrivacy` asks for one. */
  privacyNoticeVersion?: string | null | undefined;
};

export type VolunteerVehicleInput = {
  /** Passenger seats, 1 to 8. */
  seats: number;
  wheelchairAccessible?: boolean;
};

export type WriteReviewInput = {
  /** Up to 2000 characters. */
  comment?: string | null | undefined;
  engagementId: string;
  /** People: quality of the help. */
  helpQuality?: number | null | undefined;
  /** Services: clarity of the price. */
  priceClarity?: number | null | undefined;
  /** People: punctuality. */
  punctuality?: number | null | undefined;
  /** Services: quality. */
  quality?: number | null | undefined;
  /** Services: reliability. */
  reliability?: number | null | undefined;
  /** People: respect and kindness. */
  respect?: number | null | undefined;
};

export type SessionUserFragment = { id: string, displayName: string | null, language: string, phoneE164: string | null, roles: Array<{ id: string, role: Role, territoryId: string | null, organisationId: string | null }> };

export type RefreshWebSessionMutationVariables = Exact<{ [key: string]: never; }>;


export type RefreshWebSessionMutation = { refreshSession: { accessToken: string, accessTokenExpiresAt: string, user: { id: string, displayName: string | null, language: string, phoneE164: string | null, roles: Array<{ id: string, role: Role, territoryId: string | null, organisationId: string | null }> } } };

export type RequestPhoneCodeMutationVariables = Exact<{
  input: RequestPhoneVerificationInput;
}>;


export type RequestPhoneCodeMutation = { requestPhoneVerification: { phone: string, expiresAt: string, resendAfterSeconds: number } };

export type VerifyPhoneCodeMutationVariables = Exact<{
  input: VerifyPhoneInput;
}>;


export type VerifyPhoneCodeMutation = { verifyPhone: { accessToken: string, accessTokenExpiresAt: string, user: { id: string, displayName: string | null, language: string, phoneE164: string | null, roles: Array<{ id: string, role: Role, territoryId: string | null, organisationId: string | null }> } } };

export type SignOutMutationVariables = Exact<{ [key: string]: never; }>;


export type SignOutMutation = { signOut: boolean };

export type PrivacyNoticeQueryVariables = Exact<{
  language?: string | null | undefined;
}>;


export type PrivacyNoticeQuery = { privacyNotice: { version: string, title: string, body: string, publishedAt: string } };

export type VolunteerHomeQueryVariables = Exact<{ [key: string]: never; }>;


export type VolunteerHomeQuery = { me: { id: string }, myVolunteerProfile: { id: string, displayName: string, moderationStatus: ModerationStatus } | null, myAvailability: Array<{ id: string }>, myProposals: { items: Array<{ id: string, status: ProposalStatus }> }, myEngagements: { items: Array<{ id: string, status: EngagementStatus, helperUserId: string }> } };

export type MyVolunteerProfileQueryVariables = Exact<{ [key: string]: never; }>;


export type MyVolunteerProfileQuery = { myVolunteerProfile: { id: string, displayName: string, bio: string, categories: Array<HelpCategory>, languages: Array<string>, skills: Array<string>, comuneIstat: string, comuneName: string, homeLat: number, homeLon: number, travelRadiusKm: number, weeklyHourLimit: number, moderationStatus: ModerationStatus, organisationId: string | null, vehicle: { seats: number, wheelchairAccessible: boolean } | null } | null };

export type UpsertVolunteerProfileMutationVariables = Exact<{
  input: UpsertVolunteerProfileInput;
}>;


export type UpsertVolunteerProfileMutation = { upsertVolunteerProfile: { id: string, displayName: string, bio: string, categories: Array<HelpCategory>, languages: Array<string>, skills: Array<string>, comuneIstat: string, comuneName: string, homeLat: number, homeLon: number, travelRadiusKm: number, weeklyHourLimit: number, moderationStatus: ModerationStatus, organisationId: string | null, vehicle: { seats: number, wheelchairAccessible: boolean } | null } };

export type VolunteerSearchComuniQueryVariables = Exact<{
  search: string;
}>;


export type VolunteerSearchComuniQuery = { comuni: { items: Array<{ istat: string, name: string, provinceCode: string, lat: number, lon: number }> } };

export type MyAvailabilityQueryVariables = Exact<{ [key: string]: never; }>;


export type MyAvailabilityQuery = { myAvailability: Array<{ id: string, kind: AvailabilityKind, dayOfWeek: number | null, start: string | null, end: string | null, validFrom: string | null, validUntil: string | null, startsAt: string | null, endsAt: string | null }>, myVolunteerProfile: { id: string, weeklyHourLimit: number } | null };

export type AddAvailabilityWindowMutationVariables = Exact<{
  input: AvailabilityWindowInput;
}>;


export type AddAvailabilityWindowMutation = { addAvailabilityWindow: { id: string } };

export type RemoveAvailabilityWindowMutationVariables = Exact<{
  id: string;
}>;


export type RemoveAvailabilityWindowMutation = { removeAvailabilityWindow: boolean };

export type MyProposalsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyProposalsQuery = { myProposals: { items: Array<{ id: string, needId: string, status: ProposalStatus, createdAt: string, expiresAt: string, distanceKm: number, rank: number, whyThisHelper: string, reasons: Array<{ name: string, explanation: string, contribution: number }> }> } };

export type NeedForHelperQueryVariables = Exact<{
  id: string;
}>;


export type NeedForHelperQuery = { need: { id: string, category: NeedCategory, description: string, status: NeedStatus, address: string | null, windowStart: string | null, windowEnd: string | null, accessibilityNeeds: Array<AccessibilityNeed>, details: { ride: { appointmentAt: string, pickupPlace: string | null, destinationPlace: string, returnTripWanted: boolean, returnAt: string | null, wheelchair: boolean, escortWaits: boolean, passengers: number } | null } } };

export type AcceptProposalMutationVariables = Exact<{
  id: string;
}>;


export type AcceptProposalMutation = { acceptProposal: { id: string, status: EngagementStatus } };

export type DeclineProposalMutationVariables = Exact<{
  id: string;
}>;


export type DeclineProposalMutation = { declineProposal: { id: string, status: ProposalStatus } };

export type VolunteerNotificationReceivedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type VolunteerNotificationReceivedSubscription = { notificationReceived: { id: string, event: string, body: string } };

export type MyEngagementsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyEngagementsQuery = { me: { id: string }, myEngagements: { items: Array<{ id: string, needId: string, status: EngagementStatus, startsAt: string, endsAt: string, startedAt: string | null, completedAt: string | null, hoursLogged: number | null, helperUserId: string, helperName: string }> } };

export type EngagementQueryVariables = Exact<{
  id: string;
}>;


export type EngagementQuery = { me: { id: string }, engagement: { id: string, needId: string, status: EngagementStatus, startsAt: string, endsAt: string, startedAt: string | null, completedAt: string | null, hoursLogged: number | null, helperUserId: string, helperName: string }, myReviews: { items: Array<{ id: string, engagementId: string }> } };

export type StartEngagementMutationVariables = Exact<{
  id: string;
}>;


export type StartEngagementMutation = { startEngagement: { id: string, status: EngagementStatus, startedAt: string | null } };

export type CompleteEngagementMutationVariables = Exact<{
  id: string;
  hours: number;
}>;


export type CompleteEngagementMutation = { completeEngagement: { id: string, status: EngagementStatus, completedAt: string | null, hoursLogged: number | null } };

export type CancelEngagementMutationVariables = Exact<{
  id: string;
  reason: string;
}>;


export type CancelEngagementMutation = { cancelEngagement: { id: string, status: EngagementStatus } };

export type VolunteerWriteReviewMutationVariables = Exact<{
  input: WriteReviewInput;
}>;


export type VolunteerWriteReviewMutation = { writeReview: { id: string, visibility: ReviewVisibility, overallStars: number } };

export type VolunteerReviewsQueryVariables = Exact<{ [key: string]: never; }>;


export type VolunteerReviewsQuery = { received: { items: Array<{ id: string, createdAt: string, overallStars: number, comment: string | null, scores: Array<{ criterion: ReviewCriterion, stars: number }> }> }, written: { items: Array<{ id: string, createdAt: string, overallStars: number, comment: string | null, visibility: ReviewVisibility, subjectType: ReviewSubjectType, scores: Array<{ criterion: ReviewCriterion, stars: number }> }> } };

export type VolunteerCallsToActionQueryVariables = Exact<{ [key: string]: never; }>;


export type VolunteerCallsToActionQuery = { callsToAction: { items: Array<{ id: string, title: string, description: string, categories: Array<HelpCategory>, alwaysOpen: boolean, startsOn: string, endsOn: string | null, volunteersWanted: number | null, acceptedCount: number, places: Array<{ istat: string, name: string }> }> } };

export type AnswerCallToActionMutationVariables = Exact<{
  input: AnswerCallToActionInput;
}>;


export type AnswerCallToActionMutation = { answerCallToAction: { id: string, status: CallAnswerStatus } };

export const SessionUserFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SessionUser"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"phoneE164"}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"territoryId"}},{"kind":"Field","name":{"kind":"Name","value":"organisationId"}}]}}]}}]} as unknown as DocumentNode<SessionUserFragment, unknown>;
export const RefreshWebSessionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RefreshWebSession"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refreshSession"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokenExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SessionUser"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SessionUser"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"phoneE164"}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"territoryId"}},{"kind":"Field","name":{"kind":"Name","value":"organisationId"}}]}}]}}]} as unknown as DocumentNode<RefreshWebSessionMutation, RefreshWebSessionMutationVariables>;
export const RequestPhoneCodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestPhoneCode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RequestPhoneVerificationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestPhoneVerification"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"resendAfterSeconds"}}]}}]}}]} as unknown as DocumentNode<RequestPhoneCodeMutation, RequestPhoneCodeMutationVariables>;
export const VerifyPhoneCodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"VerifyPhoneCode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"VerifyPhoneInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verifyPhone"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokenExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SessionUser"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SessionUser"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"phoneE164"}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"territoryId"}},{"kind":"Field","name":{"kind":"Name","value":"organisationId"}}]}}]}}]} as unknown as DocumentNode<VerifyPhoneCodeMutation, VerifyPhoneCodeMutationVariables>;
export const SignOutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignOut"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signOut"}}]}}]} as unknown as DocumentNode<SignOutMutation, SignOutMutationVariables>;
export const PrivacyNoticeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PrivacyNotice"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"language"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"privacyNotice"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"language"},"value":{"kind":"Variable","name":{"kind":"Name","value":"language"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}}]}}]}}]} as unknown as DocumentNode<PrivacyNoticeQuery, PrivacyNoticeQueryVariables>;
export const VolunteerHomeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VolunteerHome"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"myVolunteerProfile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"moderationStatus"}}]}},{"kind":"Field","name":{"kind":"Name","value":"myAvailability"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"myProposals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"myEngagements"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"helperUserId"}}]}}]}}]}}]} as unknown as DocumentNode<VolunteerHomeQuery, VolunteerHomeQueryVariables>;
export const MyVolunteerProfileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyVolunteerProfile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myVolunteerProfile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"bio"}},{"kind":"Field","name":{"kind":"Name","value":"categories"}},{"kind":"Field","name":{"kind":"Name","value":"languages"}},{"kind":"Field","name":{"kind":"Name","value":"skills"}},{"kind":"Field","name":{"kind":"Name","value":"comuneIstat"}},{"kind":"Field","name":{"kind":"Name","value":"comuneName"}},{"kind":"Field","name":{"kind":"Name","value":"homeLat"}},{"kind":"Field","name":{"kind":"Name","value":"homeLon"}},{"kind":"Field","name":{"kind":"Name","value":"travelRadiusKm"}},{"kind":"Field","name":{"kind":"Name","value":"weeklyHourLimit"}},{"kind":"Field","name":{"kind":"Name","value":"moderationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"organisationId"}},{"kind":"Field","name":{"kind":"Name","value":"vehicle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seats"}},{"kind":"Field","name":{"kind":"Name","value":"wheelchairAccessible"}}]}}]}}]}}]} as unknown as DocumentNode<MyVolunteerProfileQuery, MyVolunteerProfileQueryVariables>;
export const UpsertVolunteerProfileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpsertVolunteerProfile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpsertVolunteerProfileInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upsertVolunteerProfile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"bio"}},{"kind":"Field","name":{"kind":"Name","value":"categories"}},{"kind":"Field","name":{"kind":"Name","value":"languages"}},{"kind":"Field","name":{"kind":"Name","value":"skills"}},{"kind":"Field","name":{"kind":"Name","value":"comuneIstat"}},{"kind":"Field","name":{"kind":"Name","value":"comuneName"}},{"kind":"Field","name":{"kind":"Name","value":"homeLat"}},{"kind":"Field","name":{"kind":"Name","value":"homeLon"}},{"kind":"Field","name":{"kind":"Name","value":"travelRadiusKm"}},{"kind":"Field","name":{"kind":"Name","value":"weeklyHourLimit"}},{"kind":"Field","name":{"kind":"Name","value":"moderationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"organisationId"}},{"kind":"Field","name":{"kind":"Name","value":"vehicle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seats"}},{"kind":"Field","name":{"kind":"Name","value":"wheelchairAccessible"}}]}}]}}]}}]} as unknown as DocumentNode<UpsertVolunteerProfileMutation, UpsertVolunteerProfileMutationVariables>;
export const VolunteerSearchComuniDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VolunteerSearchComuni"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"comuni"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"8"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"istat"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"provinceCode"}},{"kind":"Field","name":{"kind":"Name","value":"lat"}},{"kind":"Field","name":{"kind":"Name","value":"lon"}}]}}]}}]}}]} as unknown as DocumentNode<VolunteerSearchComuniQuery, VolunteerSearchComuniQueryVariables>;
export const MyAvailabilityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyAvailability"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myAvailability"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"dayOfWeek"}},{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"myVolunteerProfile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"weeklyHourLimit"}}]}}]}}]} as unknown as DocumentNode<MyAvailabilityQuery, MyAvailabilityQueryVariables>;
export const AddAvailabilityWindowDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddAvailabilityWindow"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AvailabilityWindowInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addAvailabilityWindow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<AddAvailabilityWindowMutation, AddAvailabilityWindowMutationVariables>;
export const RemoveAvailabilityWindowDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveAvailabilityWindow"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeAvailabilityWindow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<RemoveAvailabilityWindowMutation, RemoveAvailabilityWindowMutationVariables>;
export const MyProposalsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyProposals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myProposals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"needId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"distanceKm"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"whyThisHelper"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"}},{"kind":"Field","name":{"kind":"Name","value":"contribution"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MyProposalsQuery, MyProposalsQueryVariables>;
export const NeedForHelperDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NeedForHelper"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"need"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"windowStart"}},{"kind":"Field","name":{"kind":"Name","value":"windowEnd"}},{"kind":"Field","name":{"kind":"Name","value":"accessibilityNeeds"}},{"kind":"Field","name":{"kind":"Name","value":"details"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ride"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appointmentAt"}},{"kind":"Field","name":{"kind":"Name","value":"pickupPlace"}},{"kind":"Field","name":{"kind":"Name","value":"destinationPlace"}},{"kind":"Field","name":{"kind":"Name","value":"returnTripWanted"}},{"kind":"Field","name":{"kind":"Name","value":"returnAt"}},{"kind":"Field","name":{"kind":"Name","value":"wheelchair"}},{"kind":"Field","name":{"kind":"Name","value":"escortWaits"}},{"kind":"Field","name":{"kind":"Name","value":"passengers"}}]}}]}}]}}]}}]} as unknown as DocumentNode<NeedForHelperQuery, NeedForHelperQueryVariables>;
export const AcceptProposalDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AcceptProposal"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptProposal"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"proposalId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<AcceptProposalMutation, AcceptProposalMutationVariables>;
export const DeclineProposalDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeclineProposal"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"declineProposal"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"proposalId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<DeclineProposalMutation, DeclineProposalMutationVariables>;
export const VolunteerNotificationReceivedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"VolunteerNotificationReceived"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"notificationReceived"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"body"}}]}}]}}]} as unknown as DocumentNode<VolunteerNotificationReceivedSubscription, VolunteerNotificationReceivedSubscriptionVariables>;
export const MyEngagementsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyEngagements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"myEngagements"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"needId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"hoursLogged"}},{"kind":"Field","name":{"kind":"Name","value":"helperUserId"}},{"kind":"Field","name":{"kind":"Name","value":"helperName"}}]}}]}}]}}]} as unknown as DocumentNode<MyEngagementsQuery, MyEngagementsQueryVariables>;
export const EngagementDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Engagement"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"engagement"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"needId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"hoursLogged"}},{"kind":"Field","name":{"kind":"Name","value":"helperUserId"}},{"kind":"Field","name":{"kind":"Name","value":"helperName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"myReviews"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"WRITTEN"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"engagementId"}}]}}]}}]}}]} as unknown as DocumentNode<EngagementQuery, EngagementQueryVariables>;
export const StartEngagementDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartEngagement"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startEngagement"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"engagementId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}}]}}]}}]} as unknown as DocumentNode<StartEngagementMutation, StartEngagementMutationVariables>;
export const CompleteEngagementDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CompleteEngagement"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"hours"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Float"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"completeEngagement"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"engagementId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"hoursLogged"},"value":{"kind":"Variable","name":{"kind":"Name","value":"hours"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"hoursLogged"}}]}}]}}]} as unknown as DocumentNode<CompleteEngagementMutation, CompleteEngagementMutationVariables>;
export const CancelEngagementDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelEngagement"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelEngagement"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"engagementId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<CancelEngagementMutation, CancelEngagementMutationVariables>;
export const VolunteerWriteReviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"VolunteerWriteReview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WriteReviewInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"writeReview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"overallStars"}}]}}]}}]} as unknown as DocumentNode<VolunteerWriteReviewMutation, VolunteerWriteReviewMutationVariables>;
export const VolunteerReviewsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VolunteerReviews"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"received"},"name":{"kind":"Name","value":"myReviews"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"RECEIVED"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"overallStars"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"scores"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"criterion"}},{"kind":"Field","name":{"kind":"Name","value":"stars"}}]}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"written"},"name":{"kind":"Name","value":"myReviews"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"WRITTEN"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"overallStars"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"subjectType"}},{"kind":"Field","name":{"kind":"Name","value":"scores"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"criterion"}},{"kind":"Field","name":{"kind":"Name","value":"stars"}}]}}]}}]}}]}}]} as unknown as DocumentNode<VolunteerReviewsQuery, VolunteerReviewsQueryVariables>;
export const VolunteerCallsToActionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VolunteerCallsToAction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"callsToAction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"categories"}},{"kind":"Field","name":{"kind":"Name","value":"alwaysOpen"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"volunteersWanted"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedCount"}},{"kind":"Field","name":{"kind":"Name","value":"places"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"istat"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<VolunteerCallsToActionQuery, VolunteerCallsToActionQueryVariables>;
export const AnswerCallToActionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AnswerCallToAction"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AnswerCallToActionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"answerCallToAction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<AnswerCallToActionMutation, AnswerCallToActionMutationVariables>;