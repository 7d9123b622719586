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

/** ACCREDITED or REJECTED after review; SUSPENDED an accredited one; ACCREDITED again lifts it. */
export type AccreditationDecision =
  | 'ACCREDITED'
  | 'REJECTED'
  | 'SUSPENDED';

export type AccreditationStatus =
  | 'ACCREDITED'
  | 'REJECTED'
  | 'SUBMITTED'
  | 'SUSPENDED'
  | 'UNDER_REVIEW';

export type AnswerCallToActionInput = {
  callId: string;
  /** Areas of interest among the call’s Comuni (always-open calls); all when empty. */
  comuneIstats?: Array<string>;
  message?: string | null | undefined;
};

export type ArchiveServiceOfferInput = {
  id: string;
  reason?: string | null | undefined;
};

/** Give exactly one: a volunteer (helperUserId) or an organisation (organisationId). */
export type AssignHelperInput = {
  helperUserId?: string | null | undefined;
  needId: string;
  organisationId?: string | null | undefined;
};

/** The SPID or CIE level this session was signed in at (absent for a phone sign-in). */
export type AuthLevel =
  | 'CIE_L1'
  | 'CIE_L2'
  | 'CIE_L3'
  | 'SPID_L1'
  | 'SPID_L2'
  | 'SPID_L3';

export type AvailabilityKind =
  | 'ONE_OFF'
  | 'RECURRING';

/** Exactly one of recurring or oneOff. */
export type AvailabilityWindowInput = {
  oneOff?: OneOffWindowInput | null | undefined;
  recurring?: RecurringWindowInput | null | undefined;
};

/** QUEUED and RUNNING: being planned. PLANNED: the plan waits to be published (see batchAssignmentPlan). PUBLISHING: its proposals are being sent. COMPLETED, FAILED: done. */
export type BatchAssignmentStatus =
  | 'COMPLETED'
  | 'FAILED'
  | 'PLANNED'
  | 'PUBLISHING'
  | 'QUEUED'
  | 'RUNNING';

export type BatchHelperKind =
  | 'ORGANISATION'
  | 'VOLUNTEER';

/** SELF: the author. RELATIVE: a family member. DESK: a person recorded at a Comune desk. */
export type BeneficiaryKind =
  | 'DESK'
  | 'RELATIVE'
  | 'SELF';

export type CallAnswerStatus =
  | 'ACCEPTED'
  | 'DECLINED'
  | 'PENDING';

export type CallPublisherKind =
  | 'COMUNE'
  | 'ORGANISATION';

export type CallToActionStatus =
  | 'CLOSED'
  | 'OPEN';

export type CancelNeedInput = {
  needId: string;
  reason: string;
};

export type CandidateKind =
  | 'ORGANISATION'
  | 'VOLUNTEER';

export type CareGroupMemberInput = {
  groupId: string;
  /** The household’s need in the group. */
  needId: string;
};

export type CareGroupMemberStatus =
  | 'CONFIRMED'
  | 'INVITED'
  | 'LEFT';

/** PROPOSED: waiting for every household; CONFIRMED: the shared carer starts; DISSOLVED. */
export type CareGroupStatus =
  | 'CONFIRMED'
  | 'DISSOLVED'
  | 'PROPOSED';

export type CloseCallToActionInput = {
  callId: string;
  /** Why, for the status history (not shown to volunteers). */
  reason?: string | null | undefined;
};

/** PRIVACY_NOTICE: a version of the notice accepted. HEALTH_DATA: explicit consent to process health notes (GDPR art. 9). FAMILY_CONTACT: a family member receives updates (given with updateNotificationPreferences). */
export type ConsentKind =
  | 'FAMILY_CONTACT'
  | 'HEALTH_DATA'
  | 'PRIVACY_NOTICE';

export type ContentType =
  | 'CALL_TO_ACTION'
  | 'ENGAGEMENT_MESSAGE'
  | 'NEED'
  | 'ORGANISATION'
  | 'REVIEW'
  | 'REVIEW_REPLY'
  | 'SERVICE_OFFER'
  | 'VOLUNTEER_OFFER'
  | 'VOLUNTEER_PROFILE';

export type CreateServiceOfferInput = {
  accessibilityNotes?: string | null | undefined;
  area: ServiceAreaInput;
  /** How many people it can serve at once. */
  capacity?: number | null | undefined;
  category: ServiceCategory;
  description: string;
  /** ISO 639-1 codes, e.g. ["it", "en"]. */
  languages?: Array<string>;
  organisationId: string;
  price: PriceInput;
  schedule?: Array<ScheduleSlotInput>;
  targetGroups?: Array<TargetGroup>;
  title: string;
  /** For rides: seats and wheelchair transport (unset: seats not declared, no wheelchair). */
  vehicle?: ServiceVehicleInput | null | undefined;
};

export type CreateTerritoryInput = {
  /** ISTAT codes of the Comuni it covers. */
  comuneIstatCodes: Array<string>;
  kind: TerritoryKind;
  name: string;
};

export type DataExportStatus =
  | 'EXPIRED'
  | 'FAILED'
  | 'PENDING'
  | 'READY';

export type DecideAccreditationInput = {
  accreditationId: string;
  decision: AccreditationDecision;
  reason: string;
};

export type DeskBeneficiaryInput = {
  /** The person's codice fiscale, if they give it (16 characters): FIELD_INVALID on beneficiary.codiceFiscale if its format or check character is wrong. Stored encrypted. */
  codiceFiscale?: string | null | undefined;
  /** When consent was given; required with consentRecorded. */
  consentDate?: string | null | undefined;
  /** How consent was given (the desk form asks it; older clients may leave it out). */
  consentMethod?: DeskConsentMethod | null | undefined;
  /** The person consented to the processing of their data; must be true. */
  consentRecorded?: boolean | null | undefined;
  /** VERBAL_WITH_WITNESS: the witness (name and role); stored encrypted. */
  consentWitness?: string | null | undefined;
  fullName: string;
  /** The person also gave the separate consent to process health data; required with sensitiveNotes. */
  healthDataConsent?: boolean | null | undefined;
  phone?: string | null | undefined;
};

/** How a person gave consent at the desk: a signed paper form, out loud before a witness, on a phone call, or a form signed digitally. */
export type DeskConsentMethod =
  | 'DIGITAL_FORM'
  | 'PHONE_CALL'
  | 'SIGNED_FORM'
  | 'VERBAL_WITH_WITNESS';

/** A person the desk registered before (found with deskPeople). */
export type DeskKnownPersonInput = {
  /** The person gave the separate consent to process health data today (if not recorded before). */
  healthDataConsent?: boolean | null | undefined;
  id: string;
};

/** A change to a plan that waits (PLANNED): without helperUserId and organisationId the need is taken out of the plan (it stays open, nobody new is asked for it); with one of them, the need goes to that helper. */
export type EditBatchPlanEntryInput = {
  helperUserId?: string | null | undefined;
  needId: string;
  organisationId?: string | null | undefined;
  runId: string;
};

export type EngagementActionInput = {
  engagementId: string;
  /** Why (cancellations and no-shows), up to 500 characters. */
  reason?: string | null | undefined;
};

/** Who wrote: the helper (or their organisation), the person helped (or who asked), Comune staff. */
export type EngagementMessageSide =
  | 'CITIZEN'
  | 'HELPER'
  | 'STAFF';

export type EngagementStatus =
  | 'AWAITING_CONFIRMATION'
  | 'CANCELLED'
  | 'COMPLETED'
  | 'CONFIRMED'
  | 'IN_PROGRESS'
  | 'NO_SHOW';

export type EventChannelsInput = {
  channels: Array<NotificationChannelOption>;
  event: string;
};

export type FamilyContactInput = {
  /** Must be true: the user confirms the family contact agreed to receive updates. */
  consent: boolean;
  name: string;
  phone: string;
};

export type GeoPointInput = {
  lat: number;
  lon: number;
};

export type GrantStaffRoleInput = {
  /** Phone number of the person; they must have signed up. */
  phone: string;
  /** COMUNE_OPERATOR or COMUNE_MODERATOR. */
  role: Role;
  territoryId: string;
};

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

export type IdentityProviderKind =
  | 'CIE'
  | 'SPID';

export type IndicatorExportInput = {
  filter: IndicatorFilterInput;
  table: IndicatorTable;
};

export type IndicatorFilterInput = {
  /** One row per category of need. */
  byCategory?: boolean;
  /** One row per Comune. */
  byComune?: boolean;
  category?: NeedCategory | null | undefined;
  /** One Comune (ISTAT code) of your territories. */
  comuneIstat?: string | null | undefined;
  /** First day included, YYYY-MM-DD (Europe/Rome). */
  from: string;
  granularity?: IndicatorGranularity;
  /** Compute from the live data even when a snapshot answers (a whole ambito or everywhere, calendar-aligned periods): up to date, but seconds for a region. */
  live?: boolean;
  /** One territory; omit for all the territories you work in (platform admins: everywhere). */
  territoryId?: string | null | undefined;
  /** Last day included, YYYY-MM-DD (Europe/Rome); at most 731 days after `from`. */
  to: string;
};

/** Rows per ISO week (Monday to Sunday) or per calendar month in Europe/Rome, or one row for the whole period. */
export type IndicatorGranularity =
  | 'MONTH'
  | 'PERIOD'
  | 'WEEK';

/** One table of indicators. */
export type IndicatorTable =
  | 'ACTIVITY'
  | 'DEMAND'
  | 'LATENT_NEEDS'
  | 'REACH'
  | 'SATISFACTION'
  | 'SHARED_CARE'
  | 'UNMATCHED';

export type InviteOrganisationMemberInput = {
  organisationId: string;
  /** Phone number of the person. They are asked to accept (a number that has not signed up gets an SMS). */
  phone: string;
  role: OrganisationMemberRole;
};

export type LeaveCareGroupInput = {
  groupId: string;
  /** The household’s need in the group. */
  needId: string;
  /** Why the household leaves (kept in the status history). */
  reason?: string | null | undefined;
};

export type ModerateContentInput = {
  contentId: string;
  contentType: ContentType;
  decision: ModerationDecision;
  reason: string;
  /** With REDACT (reviews and replies): the parts of the text to remove, each shown as "[…]". */
  redactions?: Array<RedactionSpanInput> | null | undefined;
};

export type ModerationDecision =
  | 'APPROVE'
  | 'HIDE'
  | 'REDACT'
  | 'REJECT'
  | 'RESTORE';

/** PRE: nothing is public before approval. POST: public at once, reviewed afterwards. */
export type ModerationMode =
  | 'POST'
  | 'PRE';

export type ModerationStatus =
  | 'HIDDEN'
  | 'PENDING'
  | 'PUBLISHED'
  | 'REJECTED';

export type NearInput = {
  lat: number;
  lon: number;
  radiusKm: number;
};

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

/** Details of the category: ride for RIDES_AND_ACCOMPANIMENT, sharedCaregiver for SHARED_CAREGIVER. */
export type NeedDetailsInput = {
  ride?: RideDetailsInput | null | undefined;
  sharedCaregiver?: SharedCaregiverDetailsInput | null | undefined;
};

/** Who brought the need: the citizen in the app, a Comune desk, or a community sentinel. */
export type NeedSource =
  | 'CITIZEN'
  | 'DESK'
  | 'SENTINEL';

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

export type NeedUrgency =
  | 'HIGH'
  | 'LOW'
  | 'NORMAL'
  | 'URGENT';

export type NotificationChannelOption =
  | 'EMAIL'
  | 'IN_APP'
  | 'IO'
  | 'SMS';

/** One stretch of time. */
export type OneOffWindowInput = {
  endsAt: string;
  startsAt: string;
};

/** ETS (Third Sector body), social cooperative, company, or public body. */
export type OrganisationKind =
  | 'COMPANY'
  | 'ETS'
  | 'PUBLIC_BODY'
  | 'SOCIAL_COOPERATIVE';

export type OrganisationMemberRole =
  | 'ADMIN'
  | 'OPERATOR';

export type OrganisationMemberStatus =
  | 'ACTIVE'
  | 'INVITED';

export type PauseServiceOfferInput = {
  id: string;
  /** Why, for the offer’s history (up to 1000 characters). */
  reason?: string | null | undefined;
};

export type PostNeedAtDeskInput = {
  accessibilityNeeds?: Array<AccessibilityNeed>;
  /** Exact address: shown only to the people the need is for, the Comune, and the confirmed helper. */
  address?: string | null | undefined;
  /** A person met for the first time; or give knownPerson. */
  beneficiary?: DeskBeneficiaryInput | null | undefined;
  category: NeedCategory;
  /** ISTAT code; the nearest Comune to the location if omitted. */
  comuneIstat?: string | null | undefined;
  description: string;
  details?: NeedDetailsInput | null | undefined;
  /** A person the desk registered before, with the consent recorded then. */
  knownPerson?: DeskKnownPersonInput | null | undefined;
  /** Language the person speaks (ISO 639-1). */
  language?: string;
  /** Where the help is needed (for a ride: usually the pickup). */
  location: GeoPointInput;
  /** Only helpers within this distance. */
  maxDistanceKm?: number | null | undefined;
  /** Health and personal details; stored encrypted, never shown in lists to helpers. */
  sensitiveNotes?: string | null | undefined;
  urgency?: NeedUrgency;
  /** After windowStart and in the future; the need expires when it ends. */
  windowEnd: string;
  windowStart: string;
};

export type PostNeedInput = {
  accessibilityNeeds?: Array<AccessibilityNeed>;
  /** Exact address: shown only to the people the need is for, the Comune, and the confirmed helper. */
  address?: string | null | undefined;
  category: NeedCategory;
  /** ISTAT code; the nearest Comune to the location if omitted. */
  comuneIstat?: string | null | undefined;
  description: string;
  details?: NeedDetailsInput | null | undefined;
  /** The explicit, separate consent to process health data, given in this form: true records it (see myConsents). sensitiveNotes are refused without it or an earlier consent still in force. */
  healthDataConsent?: boolean | null | undefined;
  /** Language the person speaks (ISO 639-1). */
  language?: string;
  /** Where the help is needed (for a ride: usually the pickup). */
  location: GeoPointInput;
  /** Only helpers within this distance. */
  maxDistanceKm?: number | null | undefined;
  /** The relative the need is for; omit for yourself. */
  relative?: RelativeInput | null | undefined;
  /** Health and personal details; stored encrypted, never shown in lists to helpers. */
  sensitiveNotes?: string | null | undefined;
  urgency?: NeedUrgency;
  /** After windowStart and in the future; the need expires when it ends. */
  windowEnd: string;
  windowStart: string;
};

export type PriceBandInput = {
  /** What each person pays per hour in such a group, in cents. */
  centsPerHourEach: number;
  /** The band applies to groups of at least this many people. */
  people: number;
};

export type PriceInput = {
  amountCents?: number | null | undefined;
  bands?: Array<PriceBandInput> | null | undefined;
  model: PriceModel;
  unit?: PriceUnit | null | undefined;
  vouchersAccepted?: boolean;
};

/** FREE; FIXED per hour or per service; SHARED with bands by number of people sharing. */
export type PriceModel =
  | 'FIXED'
  | 'FREE'
  | 'SHARED';

export type PriceUnit =
  | 'HOUR'
  | 'SERVICE';

export type ProposalStatus =
  | 'ACCEPTED'
  | 'DECLINED'
  | 'EXPIRED'
  | 'PENDING'
  | 'WITHDRAWN';

export type PublishBatchAssignmentInput = {
  runId: string;
};

export type PublishCallToActionInput = {
  /** Level 1: an always-open call where people register interest by area, with no limit. */
  alwaysOpen?: boolean;
  categories?: Array<HelpCategory>;
  /** ISTAT codes of the Comuni where it takes place. */
  comuneIstats: Array<string>;
  /** The initiative: what volunteers will do, where and when. */
  description: string;
  /** "YYYY-MM-DD", included; none for an always-open call. */
  endsOn?: string | null | undefined;
  /** Publish for this organisation (its admins only). */
  organisationId?: string | null | undefined;
  /** "YYYY-MM-DD"; today when absent. */
  startsOn?: string | null | undefined;
  title: string;
  /** How many volunteers are wanted; required unless alwaysOpen. */
  volunteersWanted?: number | null | undefined;
};

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

/** A part of a text, in characters from 0: start included, end excluded. */
export type RedactionSpanInput = {
  end: number;
  start: number;
};

export type RegisterOrganisationInput = {
  /** 11 digits for bodies, 16 characters for a sole trader; check digit verified. */
  codiceFiscale: string;
  contactEmail?: string | null | undefined;
  contactPhone?: string | null | undefined;
  description: string;
  /** ISTAT code of the home Comune. */
  homeComuneIstat: string;
  kind: OrganisationKind;
  name: string;
  /** 11 digits; check digit verified. */
  partitaIva?: string | null | undefined;
  runtsNumber?: string | null | undefined;
  /** Required for ETS. */
  runtsSection?: RuntsSection | null | undefined;
};

export type RelativeInput = {
  fullName: string;
  phone?: string | null | undefined;
  /** E.g. "madre", "nonno". */
  relationship: string;
};

export type RemoveOrganisationMemberInput = {
  organisationId: string;
  /** Only this role; both when omitted. */
  role?: OrganisationMemberRole | null | undefined;
  userId: string;
};

export type ReplyToReviewInput = {
  /** Up to 2000 characters. */
  body: string;
  reviewId: string;
};

export type ReportContentInput = {
  contentId: string;
  contentType: ContentType;
  /** Why it is reported. */
  reason: string;
};

export type RequestAccreditationInput = {
  organisationId: string;
  territoryId: string;
};

export type RequestBatchAssignmentInput = {
  category?: NeedCategory;
  /** Needs whose time window overlaps [from, to); at most 7 days. */
  from: string;
  /** false: only plan, and wait (status PLANNED) for publishBatchAssignment after looking at the plan; true: send the proposals as soon as it is planned. */
  publish?: boolean;
  territoryId: string;
  to: string;
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

export type RideDetailsInput = {
  /** Time of the appointment at the destination; inside the time window. */
  appointmentAt: string;
  destinationLocation: GeoPointInput;
  /** Where to go: a hospital, a clinic, an office. */
  destinationPlace: string;
  /** The escort waits during the appointment. */
  escortWaits?: boolean;
  passengers?: number;
  pickupLocation: GeoPointInput;
  /** Where to pick the person up, as they would say it. */
  pickupPlace: string;
  /** Required when a return trip is wanted. */
  returnAt?: string | null | undefined;
  returnTripWanted?: boolean;
  wheelchair?: boolean;
};

/** What a person may do; staff roles are held per territory. */
export type Role =
  | 'CITIZEN'
  | 'COMUNE_MODERATOR'
  | 'COMUNE_OPERATOR'
  | 'ORGANISATION_ADMIN'
  | 'ORGANISATION_OPERATOR'
  | 'PLATFORM_ADMIN'
  | 'VOLUNTEER';

/** RUNTS section: A ODV, B APS, C enti filantropici, D imprese sociali (incl. cooperative sociali), E reti associative, F società di mutuo soccorso, G altri ETS. */
export type RuntsSection =
  | 'A'
  | 'B'
  | 'C'
  | 'D'
  | 'E'
  | 'F'
  | 'G';

export type ScheduleSlotInput = {
  /** 1 Monday ... 7 Sunday. */
  dayOfWeek: number;
  /** HH:MM, after start ("24:00" for midnight). */
  end: string;
  /** HH:MM */
  start: string;
};

export type SendCallMessageInput = {
  /** Where to meet, what to bring: it reaches the accepted volunteers in the app and by SMS. */
  body: string;
  callId: string;
};

export type SendEngagementMessageInput = {
  /** At most 280 characters (it may go by SMS). */
  body: string;
  engagementId: string;
};

export type ServiceAreaCentreInput = {
  lat: number;
  lon: number;
};

/** Either comuneIstatCodes (the first is the home Comune), or centre and radiusKm. */
export type ServiceAreaInput = {
  centre?: ServiceAreaCentreInput | null | undefined;
  comuneIstatCodes?: Array<string> | null | undefined;
  radiusKm?: number | null | undefined;
};

/** Category of a need or an offer (trasporto sociale, badante condivisa, ...). */
export type ServiceCategory =
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

export type ServiceOfferFilter = {
  category?: ServiceCategory | null | undefined;
  /** Offers whose area covers this Comune. */
  comuneIstat?: string | null | undefined;
  freeOnly?: boolean | null | undefined;
  /** Free offers, fixed hourly prices up to this, and shared offers whose cheapest band is up to this. */
  maxPriceCentsPerHour?: number | null | undefined;
  near?: NearInput | null | undefined;
  /** Words in the title or description, in Italian: other forms of a word match too ("visita medica" finds "visite mediche"), as do parts of words and small typos; accents and case ignored. Quotes ask for a phrase, a leading minus excludes a word. */
  text?: string | null | undefined;
  timeOfWeek?: TimeOfWeekInput | null | undefined;
  vouchersAccepted?: boolean | null | undefined;
};

/** DISTANCE needs `near`. RATING: best Bayesian average of published reviews first (the offer’s own, else its organisation’s; below the minimum number of reviews, the prior). RELEVANCE needs `text`: best match of the words first (Italian stems, title above description). */
export type ServiceOfferOrder =
  | 'DISTANCE'
  | 'NEWEST'
  | 'RATING'
  | 'RELEVANCE';

/** ACTIVE (in the catalogue once published), PAUSED by the organisation (out of the catalogue and matching until resumed), ARCHIVED for good. */
export type ServiceOfferStatus =
  | 'ACTIVE'
  | 'ARCHIVED'
  | 'PAUSED';

export type ServiceVehicleInput = {
  /** Passenger seats, 1 to 60; unset: not declared. */
  seats?: number | null | undefined;
  wheelchairAccessible?: boolean;
};

export type SetModerationModeInput = {
  contentType: ContentType;
  mode: ModerationMode;
  territoryId: string;
};

export type SetTerritoryComuniInput = {
  /** ISTAT codes of every Comune it covers from now on (replaces the list). */
  comuneIstatCodes: Array<string>;
  territoryId: string;
};

/** The desk people call to change or cancel; null fields clear it. */
export type SetTerritoryDeskInput = {
  /** When it answers, up to 40 characters. */
  hours?: string | null | undefined;
  /** A phone number (landline or mobile), e.g. 0173 316000. */
  phone?: string | null | undefined;
  territoryId: string;
};

export type SetTerritoryMatchingSettingsInput = {
  citizenConfirmationRequired: boolean;
  /** Left out: unchanged (off for a new territory). */
  scheduledBatchAssignment?: boolean | null | undefined;
  territoryId: string;
};

export type SetTerritoryStaffStepUpInput = {
  /** On or off; null: follow the platform default. */
  required?: boolean | null | undefined;
  territoryId: string;
};

export type SharedCaregiverDetailsInput = {
  /** Most the household would pay per hour, in euro cents. */
  maxPricePerHourCents?: number | null | undefined;
  weeklyHours: number;
  weeklySchedule: Array<WeeklySlotInput>;
  /** Willing to share the carer with neighbours (badante condivisa). */
  willingToShare: boolean;
};

export type StartIdentityProviderSignInInput = {
  /** The level asked for: 1, 2 (default) or 3 (SPID L1/L2/L3). */
  level?: number | null | undefined;
  provider: IdentityProviderKind;
  /** Which SPID provider (an entityId from identityProviders); unset: the first offered. */
  providerEntityId?: string | null | undefined;
  /** A path of the web app to come back to (default /area). */
  returnPath?: string | null | undefined;
};

export type TargetGroup =
  | 'CAREGIVERS'
  | 'CHILDREN'
  | 'ELDERLY'
  | 'EVERYONE'
  | 'FAMILIES'
  | 'MIGRANTS'
  | 'PEOPLE_WITH_DISABILITIES'
  | 'UNEMPLOYED'
  | 'YOUNG_PEOPLE';

export type TerritoryKind =
  | 'AMBITO'
  | 'COMUNE';

/** A moment of the week: the offer has a schedule slot covering it. */
export type TimeOfWeekInput = {
  /** 1 Monday ... 7 Sunday. */
  dayOfWeek: number;
  /** HH:MM */
  time: string;
};

/** Why matching found nobody: nobody in range, nobody free then, a requirement not met, or all declined. */
export type UnmatchedReason =
  | 'ALL_DECLINED'
  | 'NONE_AVAILABLE'
  | 'NO_HELPER_IN_RANGE'
  | 'REQUIREMENT_NOT_MET';

export type UpdateNotificationPreferencesInput = {
  /** Replaces the channels of these events. */
  channels?: Array<EventChannelsInput> | null | undefined;
  /** E-mail address for the EMAIL channel (checked for form). */
  email?: string | null | undefined;
  familyContact?: FamilyContactInput | null | undefined;
  language?: string | null | undefined;
  quietHoursEnd?: string | null | undefined;
  quietHoursStart?: string | null | undefined;
  /** Removes the e-mail address (no event may still use EMAIL). */
  removeEmail?: boolean | null | undefined;
  /** Removes the family contact (and the consent). */
  removeFamilyContact?: boolean | null | undefined;
};

export type UpdateServiceOfferInput = {
  accessibilityNotes?: string | null | undefined;
  area: ServiceAreaInput;
  /** How many people it can serve at once. */
  capacity?: number | null | undefined;
  category: ServiceCategory;
  description: string;
  id: string;
  /** ISO 639-1 codes, e.g. ["it", "en"]. */
  languages?: Array<string>;
  price: PriceInput;
  schedule?: Array<ScheduleSlotInput>;
  targetGroups?: Array<TargetGroup>;
  title: string;
  /** For rides: seats and wheelchair transport (unset: seats not declared, no wheelchair). */
  vehicle?: ServiceVehicleInput | null | undefined;
};

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

export type WeeklySlotInput = {
  /** ISO day of week: 1 Monday … 7 Sunday. */
  dayOfWeek: number;
  /** HH:MM, local time; after start. */
  end: string;
  /** HH:MM, local time. */
  start: string;
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

export type CallMessagesQueryVariables = Exact<{
  callId: string;
  after?: string | null | undefined;
}>;


export type CallMessagesQuery = { callMessages: { items: Array<{ id: string, body: string, recipientCount: number, createdAt: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type SendCallMessageMutationVariables = Exact<{
  input: SendCallMessageInput;
}>;


export type SendCallMessageMutation = { sendCallMessage: { id: string, recipientCount: number } };

export type ComunePlaceFragment = { istat: string, name: string, provinceCode: string, lat: number, lon: number };

export type FindComuniQueryVariables = Exact<{
  search: string;
}>;


export type FindComuniQuery = { comuni: { items: Array<{ istat: string, name: string, provinceCode: string, lat: number, lon: number }> } };

export type OfferPriceFragment = { model: PriceModel, amountCents: number | null, unit: PriceUnit | null, vouchersAccepted: boolean, bands: Array<{ people: number, centsPerHourEach: number }> | null };

export type SearchOffersQueryVariables = Exact<{
  filter?: ServiceOfferFilter | null | undefined;
  order?: ServiceOfferOrder | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type SearchOffersQuery = { searchServiceOffers: { items: Array<{ id: string, title: string, category: ServiceCategory, distanceKm: number | null, organisation: { id: string, name: string }, price: { model: PriceModel, amountCents: number | null, unit: PriceUnit | null, vouchersAccepted: boolean, bands: Array<{ people: number, centsPerHourEach: number }> | null } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type OfferPageQueryVariables = Exact<{
  id: string;
  afterReviews?: string | null | undefined;
}>;


export type OfferPageQuery = { serviceOffer: { id: string, title: string, description: string, category: ServiceCategory, languages: Array<string>, accessibilityNotes: string | null, price: { model: PriceModel, amountCents: number | null, unit: PriceUnit | null, vouchersAccepted: boolean, bands: Array<{ people: number, centsPerHourEach: number }> | null }, schedule: Array<{ dayOfWeek: number, start: string, end: string }>, area: { radiusKm: number | null, comuneIstatCodes: Array<string> | null }, vehicle: { seats: number | null, wheelchairAccessible: boolean }, organisation: { id: string, name: string, description: string, kind: OrganisationKind } }, reputation: { shown: boolean, average: number | null, reviewCount: number | null }, reviewsOf: { items: Array<{ id: string, overallStars: number, comment: string | null, createdAt: string, reply: { body: string } | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ReportReviewMutationVariables = Exact<{
  input: ReportContentInput;
}>;


export type ReportReviewMutation = { reportContent: { contentId: string, status: ModerationStatus } };

export type CitizenComuniQueryVariables = Exact<{
  search: string;
}>;


export type CitizenComuniQuery = { comuni: { items: Array<{ province: string, istat: string, name: string, provinceCode: string, lat: number, lon: number }> } };

export type CitizenOfferContextQueryVariables = Exact<{
  id: string;
}>;


export type CitizenOfferContextQuery = { serviceOffer: { id: string, title: string, category: ServiceCategory, organisation: { id: string, name: string } } };

export type CitizenHealthConsentQueryVariables = Exact<{ [key: string]: never; }>;


export type CitizenHealthConsentQuery = { myPrivacy: { healthDataConsent: boolean } };

export type CitizenPostNeedMutationVariables = Exact<{
  input: PostNeedInput;
}>;


export type CitizenPostNeedMutation = { postNeed: { id: string, status: NeedStatus, category: NeedCategory } };

export type CitizenNeedSummaryFragment = { id: string, category: NeedCategory, description: string, status: NeedStatus, createdAt: string, windowStart: string | null, windowEnd: string | null, beneficiary: { kind: BeneficiaryKind, fullName: string | null, relationship: string | null } | null, details: { ride: { destinationPlace: string, appointmentAt: string, returnTripWanted: boolean, returnAt: string | null } | null, sharedCaregiver: { weeklyHours: number, willingToShare: boolean } | null }, engagement: { id: string, status: EngagementStatus, helperName: string } | null };

export type CitizenMyNeedsQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type CitizenMyNeedsQuery = { myNeeds: { items: Array<{ id: string, category: NeedCategory, description: string, status: NeedStatus, createdAt: string, windowStart: string | null, windowEnd: string | null, beneficiary: { kind: BeneficiaryKind, fullName: string | null, relationship: string | null } | null, details: { ride: { destinationPlace: string, appointmentAt: string, returnTripWanted: boolean, returnAt: string | null } | null, sharedCaregiver: { weeklyHours: number, willingToShare: boolean } | null }, engagement: { id: string, status: EngagementStatus, helperName: string } | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CitizenNeedQueryVariables = Exact<{
  id: string;
}>;


export type CitizenNeedQuery = { need: { address: string | null, sensitiveNotes: string | null, comuneIstat: string, visibleToHelpers: boolean, id: string, category: NeedCategory, description: string, status: NeedStatus, createdAt: string, windowStart: string | null, windowEnd: string | null, details: { ride: { pickupPlace: string | null, destinationPlace: string, appointmentAt: string, pickupAt: string, returnTripWanted: boolean, returnAt: string | null, wheelchair: boolean, escortWaits: boolean, passengers: number } | null, sharedCaregiver: { weeklyHours: number, willingToShare: boolean, maxPricePerHourCents: number | null, weeklySchedule: Array<{ dayOfWeek: number, start: string, end: string }> } | null }, engagement: { id: string, status: EngagementStatus, helperName: string, helperUserId: string, organisationId: string | null, startsAt: string, endsAt: string, completedAt: string | null } | null, beneficiary: { kind: BeneficiaryKind, fullName: string | null, relationship: string | null } | null }, needHistory: Array<{ from: NeedStatus | null, to: NeedStatus, reason: string | null, createdAt: string }> };

export type CitizenCancelNeedMutationVariables = Exact<{
  input: CancelNeedInput;
}>;


export type CitizenCancelNeedMutation = { cancelNeed: { id: string, status: NeedStatus } };

export type CitizenConfirmEngagementMutationVariables = Exact<{
  input: EngagementActionInput;
}>;


export type CitizenConfirmEngagementMutation = { confirmEngagement: { id: string, status: EngagementStatus } };

export type CitizenDeclineEngagementMutationVariables = Exact<{
  input: EngagementActionInput;
}>;


export type CitizenDeclineEngagementMutation = { declineEngagement: { id: string, status: EngagementStatus } };

export type CitizenCancelEngagementMutationVariables = Exact<{
  input: EngagementActionInput;
}>;


export type CitizenCancelEngagementMutation = { cancelEngagement: { id: string, status: EngagementStatus } };

export type CitizenReportNoShowMutationVariables = Exact<{
  input: EngagementActionInput;
}>;


export type CitizenReportNoShowMutation = { reportNoShow: { id: string, status: EngagementStatus } };

export type CitizenCareGroupsQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type CitizenCareGroupsQuery = { myCareGroups: { items: Array<{ id: string, status: CareGroupStatus, householdCount: number, weeklyMinutes: number, createdAt: string, confirmedAt: string | null, sharedSchedule: Array<{ dayOfWeek: number, start: string, end: string }>, offer: { id: string, title: string, organisationName: string }, myQuotes: Array<{ needId: string, status: CareGroupMemberStatus, priceCentsPerHour: number, individualPriceCentsPerHour: number, savingCentsPerHour: number, weeklyCents: number, individualWeeklyCents: number, weeklySavingCents: number, confirmedAt: string | null, leftAt: string | null }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CitizenConfirmCareGroupMutationVariables = Exact<{
  input: CareGroupMemberInput;
}>;


export type CitizenConfirmCareGroupMutation = { confirmCareGroup: { id: string, status: CareGroupStatus } };

export type CitizenLeaveCareGroupMutationVariables = Exact<{
  input: LeaveCareGroupInput;
}>;


export type CitizenLeaveCareGroupMutation = { leaveCareGroup: { id: string, status: CareGroupStatus } };

export type CitizenWriteReviewMutationVariables = Exact<{
  input: WriteReviewInput;
}>;


export type CitizenWriteReviewMutation = { writeReview: { id: string, visibility: ReviewVisibility, overallStars: number } };

export type CitizenReviewFragment = { id: string, engagementId: string, subjectType: ReviewSubjectType, overallStars: number, comment: string | null, createdAt: string, visibility: ReviewVisibility, scores: Array<{ criterion: ReviewCriterion, stars: number }>, reply: { body: string, createdAt: string } | null };

export type CitizenReviewsQueryVariables = Exact<{
  afterReceived?: string | null | undefined;
  afterWritten?: string | null | undefined;
}>;


export type CitizenReviewsQuery = { me: { id: string }, received: { items: Array<{ id: string, engagementId: string, subjectType: ReviewSubjectType, overallStars: number, comment: string | null, createdAt: string, visibility: ReviewVisibility, scores: Array<{ criterion: ReviewCriterion, stars: number }>, reply: { body: string, createdAt: string } | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } }, written: { items: Array<{ id: string, engagementId: string, subjectType: ReviewSubjectType, overallStars: number, comment: string | null, createdAt: string, visibility: ReviewVisibility, scores: Array<{ criterion: ReviewCriterion, stars: number }>, reply: { body: string, createdAt: string } | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } }, myEngagements: { items: Array<{ id: string, needId: string, status: EngagementStatus, helperName: string, helperUserId: string, completedAt: string | null }> } };

export type CitizenNotificationsQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type CitizenNotificationsQuery = { myNotifications: { unreadCount: number, items: Array<{ id: string, event: string, body: string, createdAt: string, readAt: string | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CitizenMarkNotificationsReadMutationVariables = Exact<{
  ids: Array<string> | string;
}>;


export type CitizenMarkNotificationsReadMutation = { markNotificationsRead: number };

export type CitizenNotificationReceivedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type CitizenNotificationReceivedSubscription = { notificationReceived: { id: string, event: string, body: string, createdAt: string, readAt: string | null } };

export type CitizenPreferencesFragment = { language: string, quietHoursStart: string, quietHoursEnd: string, email: string | null, channels: Array<{ event: string, channels: Array<NotificationChannelOption> }>, familyContact: { name: string, phone: string, consentAt: string } | null };

export type CitizenPreferencesQueryVariables = Exact<{ [key: string]: never; }>;


export type CitizenPreferencesQuery = { myNotificationPreferences: { language: string, quietHoursStart: string, quietHoursEnd: string, email: string | null, channels: Array<{ event: string, channels: Array<NotificationChannelOption> }>, familyContact: { name: string, phone: string, consentAt: string } | null } };

export type CitizenUpdatePreferencesMutationVariables = Exact<{
  input: UpdateNotificationPreferencesInput;
}>;


export type CitizenUpdatePreferencesMutation = { updateNotificationPreferences: { language: string, quietHoursStart: string, quietHoursEnd: string, email: string | null, channels: Array<{ event: string, channels: Array<NotificationChannelOption> }>, familyContact: { name: string, phone: string, consentAt: string } | null } };

export type CitizenPrivacyFragment = { acceptedNoticeVersion: string | null, currentNoticeVersion: string, noticeAcceptanceRequired: boolean, healthDataConsent: boolean, familyContactConsent: boolean, consents: Array<{ id: string, kind: ConsentKind, grantedAt: string, withdrawnAt: string | null, noticeVersion: string | null }> };

export type CitizenMyDataQueryVariables = Exact<{ [key: string]: never; }>;


export type CitizenMyDataQuery = { myPrivacy: { acceptedNoticeVersion: string | null, currentNoticeVersion: string, noticeAcceptanceRequired: boolean, healthDataConsent: boolean, familyContactConsent: boolean, consents: Array<{ id: string, kind: ConsentKind, grantedAt: string, withdrawnAt: string | null, noticeVersion: string | null }> }, myDataExports: { items: Array<{ id: string, status: DataExportStatus, requestedAt: string, readyAt: string | null, expiresAt: string | null, sizeBytes: number | null }> } };

export type CitizenAcceptNoticeMutationVariables = Exact<{
  version: string;
}>;


export type CitizenAcceptNoticeMutation = { acceptPrivacyNotice: { acceptedNoticeVersion: string | null, currentNoticeVersion: string, noticeAcceptanceRequired: boolean, healthDataConsent: boolean, familyContactConsent: boolean, consents: Array<{ id: string, kind: ConsentKind, grantedAt: string, withdrawnAt: string | null, noticeVersion: string | null }> } };

export type CitizenGiveConsentMutationVariables = Exact<{
  kind: ConsentKind;
}>;


export type CitizenGiveConsentMutation = { giveConsent: { acceptedNoticeVersion: string | null, currentNoticeVersion: string, noticeAcceptanceRequired: boolean, healthDataConsent: boolean, familyContactConsent: boolean, consents: Array<{ id: string, kind: ConsentKind, grantedAt: string, withdrawnAt: string | null, noticeVersion: string | null }> } };

export type CitizenWithdrawConsentMutationVariables = Exact<{
  kind: ConsentKind;
}>;


export type CitizenWithdrawConsentMutation = { withdrawConsent: { kind: ConsentKind, withdrawn: boolean, sensitiveNotesPurged: number, familyNotificationsCancelled: number } };

export type CitizenRequestDataExportMutationVariables = Exact<{ [key: string]: never; }>;


export type CitizenRequestDataExportMutation = { requestDataExport: { id: string, status: DataExportStatus, requestedAt: string } };

export type CitizenDataExportContentQueryVariables = Exact<{
  id: string;
}>;


export type CitizenDataExportContentQuery = { dataExport: { id: string, status: DataExportStatus, content: string | null } };

export type CitizenDeleteAccountMutationVariables = Exact<{ [key: string]: never; }>;


export type CitizenDeleteAccountMutation = { deleteMyAccount: { id: string, needsCancelled: number, engagementsCancelled: number } };

export type CitizenEngagementQueryVariables = Exact<{
  id: string;
}>;


export type CitizenEngagementQuery = { engagement: { id: string, needId: string, status: EngagementStatus, helperName: string, organisationId: string | null, completedAt: string | null } };

export type AccreditationHistoryFieldsFragment = { accreditationId: string, territoryId: string, fromStatus: AccreditationStatus | null, toStatus: AccreditationStatus, reason: string | null, createdAt: string };

export type BatchPlanCandidatesQueryVariables = Exact<{
  runId: string;
  needId: string;
}>;


export type BatchPlanCandidatesQuery = { batchPlanCandidates: Array<{ helperKind: BatchHelperKind, helperUserId: string, organisationId: string | null, helperName: string, meters: number, alreadyAsked: boolean, current: boolean, otherNeeds: number }> };

export type EditBatchPlanEntryMutationVariables = Exact<{
  input: EditBatchPlanEntryInput;
}>;


export type EditBatchPlanEntryMutation = { editBatchPlanEntry: { run: { id: string, territoryId: string, category: NeedCategory, status: BatchAssignmentStatus, scheduled: boolean, windowStart: string, windowEnd: string, needsCount: number | null, helpersCount: number | null, served: number | null, totalMeters: number | null, greedyServed: number | null, greedyMeters: number | null, proposalsSent: number | null, createdAt: string, plannedAt: string | null, publishedAt: string | null, edits: number }, entry: { needId: string, category: NeedCategory, description: string, comuneIstat: string, windowStart: string, helperKind: BatchHelperKind | null, helperName: string | null, helperUserId: string | null, organisationId: string | null, meters: number | null, alreadyAsked: boolean } } };

export type OrganisationFactsFragment = { kind: OrganisationKind, codiceFiscale: string | null, partitaIva: string | null, runtsSection: RuntsSection | null, runtsNumber: string | null };

export type ConsoleTerritorySearchQueryVariables = Exact<{
  search?: string | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type ConsoleTerritorySearchQuery = { territories: { items: Array<{ id: string, name: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type AdminFailedNotificationsQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type AdminFailedNotificationsQuery = { failedNotifications: { items: Array<{ id: string, channel: string, event: string, recipient: string, status: string, attempts: number, lastError: string | null, gateway: string | null, updatedAt: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type AdminReplayNotificationMutationVariables = Exact<{
  id: string;
}>;


export type AdminReplayNotificationMutation = { replayNotification: { id: string, status: string, attempts: number, lastError: string | null, updatedAt: string } };

export type AdminOpenQueueDashboardMutationVariables = Exact<{ [key: string]: never; }>;


export type AdminOpenQueueDashboardMutation = { openQueueDashboard: { url: string, expiresAt: string } };

export type AdminTerritoryStaffQueryVariables = Exact<{
  territoryId: string;
  after?: string | null | undefined;
}>;


export type AdminTerritoryStaffQuery = { territoryStaffPage: { items: Array<{ displayName: string | null, phoneE164: string | null, roles: Array<Role>, id: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type AdminGrantStaffRoleMutationVariables = Exact<{
  input: GrantStaffRoleInput;
}>;


export type AdminGrantStaffRoleMutation = { grantStaffRole: { userId: string, role: Role, territoryId: string } };

export type AdminRevokeStaffRoleMutationVariables = Exact<{
  input: GrantStaffRoleInput;
}>;


export type AdminRevokeStaffRoleMutation = { revokeStaffRole: boolean };

export type AdminTerritoriesQueryVariables = Exact<{
  search?: string | null | undefined;
  after?: string | null | undefined;
}>;


export type AdminTerritoriesQuery = { territories: { items: Array<{ id: string, name: string, kind: TerritoryKind, comuni: Array<{ istat: string, name: string }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type AdminTerritoryQueryVariables = Exact<{
  id: string;
}>;


export type AdminTerritoryQuery = { territory: { id: string, name: string, kind: TerritoryKind, comuni: Array<{ istat: string, name: string, provinceCode: string }> } };

export type AdminCreateTerritoryMutationVariables = Exact<{
  input: CreateTerritoryInput;
}>;


export type AdminCreateTerritoryMutation = { createTerritory: { id: string, name: string } };

export type AdminSetTerritoryComuniMutationVariables = Exact<{
  input: SetTerritoryComuniInput;
}>;


export type AdminSetTerritoryComuniMutation = { setTerritoryComuni: { id: string, comuni: Array<{ istat: string, name: string, provinceCode: string }> } };

export type BatchRunFieldsFragment = { id: string, territoryId: string, category: NeedCategory, status: BatchAssignmentStatus, scheduled: boolean, windowStart: string, windowEnd: string, needsCount: number | null, helpersCount: number | null, served: number | null, totalMeters: number | null, greedyServed: number | null, greedyMeters: number | null, proposalsSent: number | null, createdAt: string, plannedAt: string | null, publishedAt: string | null, edits: number };

export type BatchAssignmentRunPageQueryVariables = Exact<{
  id: string;
}>;


export type BatchAssignmentRunPageQuery = { batchAssignmentRun: { id: string, territoryId: string, category: NeedCategory, status: BatchAssignmentStatus, scheduled: boolean, windowStart: string, windowEnd: string, needsCount: number | null, helpersCount: number | null, served: number | null, totalMeters: number | null, greedyServed: number | null, greedyMeters: number | null, proposalsSent: number | null, createdAt: string, plannedAt: string | null, publishedAt: string | null, edits: number } };

export type BatchPlanEntryFieldsFragment = { needId: string, category: NeedCategory, description: string, comuneIstat: string, windowStart: string, helperKind: BatchHelperKind | null, helperName: string | null, helperUserId: string | null, organisationId: string | null, meters: number | null, alreadyAsked: boolean };

export type PublisherCallFieldsFragment = { status: CallToActionStatus, closedAt: string | null, moderationStatus: ModerationStatus | null, pendingAnswerCount: number | null, createdAt: string, id: string, title: string, description: string, categories: Array<HelpCategory>, alwaysOpen: boolean, startsOn: string, endsOn: string | null, volunteersWanted: number | null, acceptedCount: number, places: Array<{ istat: string, name: string }>, publisher: { kind: CallPublisherKind, name: string } };

export type ComuneCallsQueryVariables = Exact<{
  territoryId: string;
  after?: string | null | undefined;
}>;


export type ComuneCallsQuery = { comuneCallsToAction: { items: Array<{ status: CallToActionStatus, closedAt: string | null, moderationStatus: ModerationStatus | null, pendingAnswerCount: number | null, createdAt: string, id: string, title: string, description: string, categories: Array<HelpCategory>, alwaysOpen: boolean, startsOn: string, endsOn: string | null, volunteersWanted: number | null, acceptedCount: number, places: Array<{ istat: string, name: string }>, publisher: { kind: CallPublisherKind, name: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CloseCallMutationVariables = Exact<{
  input: CloseCallToActionInput;
}>;


export type CloseCallMutation = { closeCallToAction: { id: string, status: CallToActionStatus, closedAt: string | null } };

export type PublishCallMutationVariables = Exact<{
  input: PublishCallToActionInput;
}>;


export type PublishCallMutation = { publishCallToAction: { id: string, title: string } };

export type CallAnswersQueryVariables = Exact<{
  callId: string;
  after?: string | null | undefined;
}>;


export type CallAnswersQuery = { callAnswers: { items: Array<{ id: string, status: CallAnswerStatus, message: string | null, createdAt: string, comuneIstats: Array<string>, volunteer: { id: string, displayName: string, comuneName: string, skills: Array<string> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type AcceptCallAnswerMutationVariables = Exact<{
  id: string;
}>;


export type AcceptCallAnswerMutation = { acceptCallAnswer: { id: string, status: CallAnswerStatus } };

export type DeclineCallAnswerMutationVariables = Exact<{
  id: string;
}>;


export type DeclineCallAnswerMutation = { declineCallAnswer: { id: string, status: CallAnswerStatus } };

export type ConsoleFindComuniQueryVariables = Exact<{
  search: string;
}>;


export type ConsoleFindComuniQuery = { comuni: { items: Array<{ istat: string, name: string, provinceCode: string }> } };

export type EtsOrganisationNamesQueryVariables = Exact<{ [key: string]: never; }>;


export type EtsOrganisationNamesQuery = { myOrganisations: Array<{ id: string, name: string, homeComuneIstat: string }> };

export type EtsMyInvitationsQueryVariables = Exact<{ [key: string]: never; }>;


export type EtsMyInvitationsQuery = { myOrganisationInvitations: Array<{ id: string, organisationId: string, organisationName: string, role: OrganisationMemberRole, expiresAt: string }> };

export type EtsAcceptInvitationMutationVariables = Exact<{
  id: string;
}>;


export type EtsAcceptInvitationMutation = { acceptOrganisationInvitation: { organisationId: string, role: OrganisationMemberRole, status: OrganisationMemberStatus } };

export type EtsDeclineInvitationMutationVariables = Exact<{
  id: string;
}>;


export type EtsDeclineInvitationMutation = { declineOrganisationInvitation: boolean };

export type EtsMembersQueryVariables = Exact<{
  organisationId: string;
  after?: string | null | undefined;
}>;


export type EtsMembersQuery = { organisationMembers: { items: Array<{ id: string, userId: string, role: OrganisationMemberRole, name: string | null, phone: string | null, since: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type EtsSentInvitationsQueryVariables = Exact<{
  organisationId: string;
  after?: string | null | undefined;
}>;


export type EtsSentInvitationsQuery = { organisationInvitations: { items: Array<{ id: string, role: OrganisationMemberRole, phone: string | null, sentAt: string, expiresAt: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type EtsInviteMemberMutationVariables = Exact<{
  input: InviteOrganisationMemberInput;
}>;


export type EtsInviteMemberMutation = { inviteOrganisationMember: { status: OrganisationMemberStatus, invitationExpiresAt: string | null } };

export type EtsRevokeInvitationMutationVariables = Exact<{
  id: string;
}>;


export type EtsRevokeInvitationMutation = { revokeOrganisationInvitation: boolean };

export type EtsRemoveMemberMutationVariables = Exact<{
  input: RemoveOrganisationMemberInput;
}>;


export type EtsRemoveMemberMutation = { removeOrganisationMember: boolean };

export type EtsOffersQueryVariables = Exact<{
  organisationId: string;
  after?: string | null | undefined;
}>;


export type EtsOffersQuery = { organisationServiceOffers: { items: Array<{ id: string, title: string, category: ServiceCategory, status: ServiceOfferStatus, moderationStatus: ModerationStatus | null, updatedAt: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type EtsOfferQueryVariables = Exact<{
  id: string;
}>;


export type EtsOfferQuery = { serviceOffer: { id: string, organisationId: string, title: string, category: ServiceCategory, targetGroups: Array<TargetGroup>, description: string, capacity: number | null, languages: Array<string>, accessibilityNotes: string | null, status: ServiceOfferStatus, moderationStatus: ModerationStatus | null, area: { comuneIstatCodes: Array<string> | null, radiusKm: number | null, centre: { lat: number, lon: number } | null }, schedule: Array<{ dayOfWeek: number, start: string, end: string }>, price: { model: PriceModel, unit: PriceUnit | null, amountCents: number | null, vouchersAccepted: boolean, bands: Array<{ people: number, centsPerHourEach: number }> | null }, vehicle: { seats: number | null, wheelchairAccessible: boolean } } };

export type OfferAreaComuniQueryVariables = Exact<{
  istat: string;
}>;


export type OfferAreaComuniQuery = { territoriesOfComune: Array<{ id: string, comuni: Array<{ istat: string, name: string }> }> };

export type CreateServiceOfferConsoleMutationVariables = Exact<{
  input: CreateServiceOfferInput;
}>;


export type CreateServiceOfferConsoleMutation = { createServiceOffer: { id: string, title: string, moderationStatus: ModerationStatus | null } };

export type EtsUpdateOfferMutationVariables = Exact<{
  input: UpdateServiceOfferInput;
}>;


export type EtsUpdateOfferMutation = { updateServiceOffer: { id: string, title: string, status: ServiceOfferStatus, moderationStatus: ModerationStatus | null } };

export type EtsPauseOfferMutationVariables = Exact<{
  input: PauseServiceOfferInput;
}>;


export type EtsPauseOfferMutation = { pauseServiceOffer: { id: string, status: ServiceOfferStatus } };

export type EtsArchiveOfferMutationVariables = Exact<{
  input: ArchiveServiceOfferInput;
}>;


export type EtsArchiveOfferMutation = { archiveServiceOffer: { id: string, status: ServiceOfferStatus } };

export type EtsResumeOfferMutationVariables = Exact<{
  id: string;
}>;


export type EtsResumeOfferMutation = { resumeServiceOffer: { id: string, status: ServiceOfferStatus } };

export type EtsProposalsQueryVariables = Exact<{
  organisationId: string;
  statuses?: Array<ProposalStatus> | ProposalStatus | null | undefined;
  after?: string | null | undefined;
}>;


export type EtsProposalsQuery = { organisationProposals: { items: Array<{ id: string, needId: string, status: ProposalStatus, createdAt: string, expiresAt: string, decidedAt: string | null, assignedByUserId: string | null, whyThisHelper: string, reasons: Array<{ name: string, explanation: string, contribution: number }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type EtsEngagementsQueryVariables = Exact<{
  organisationId: string;
  after?: string | null | undefined;
}>;


export type EtsEngagementsQuery = { organisationEngagements: { items: Array<{ id: string, needId: string, status: EngagementStatus, hoursLogged: number | null, completedAt: string | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type EtsReviewsQueryVariables = Exact<{
  organisationId: string;
  after?: string | null | undefined;
}>;


export type EtsReviewsQuery = { organisationReviews: { items: Array<{ id: string, subjectType: ReviewSubjectType, subjectId: string, overallStars: number, comment: string | null, createdAt: string, scores: Array<{ criterion: ReviewCriterion, stars: number }>, reply: { id: string, body: string, visibility: ReviewVisibility } | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type EtsOfferTitlesQueryVariables = Exact<{
  organisationId: string;
}>;


export type EtsOfferTitlesQuery = { organisationServiceOffers: { items: Array<{ id: string, title: string }> } };

export type EtsReplyToReviewMutationVariables = Exact<{
  input: ReplyToReviewInput;
}>;


export type EtsReplyToReviewMutation = { replyToReview: { id: string, reply: { id: string, body: string, visibility: ReviewVisibility } | null } };

export type EtsCallsQueryVariables = Exact<{
  organisationId: string;
  after?: string | null | undefined;
}>;


export type EtsCallsQuery = { organisationCallsToAction: { items: Array<{ status: CallToActionStatus, closedAt: string | null, moderationStatus: ModerationStatus | null, pendingAnswerCount: number | null, createdAt: string, id: string, title: string, description: string, categories: Array<HelpCategory>, alwaysOpen: boolean, startsOn: string, endsOn: string | null, volunteersWanted: number | null, acceptedCount: number, places: Array<{ istat: string, name: string }>, publisher: { kind: CallPublisherKind, name: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type EtsCareGroupsQueryVariables = Exact<{
  organisationId: string;
  status?: CareGroupStatus | null | undefined;
  after?: string | null | undefined;
}>;


export type EtsCareGroupsQuery = { organisationCareGroups: { items: Array<{ id: string, status: CareGroupStatus, comuneIstat: string, householdCount: number, weeklyMinutes: number, createdAt: string, confirmedAt: string | null, dissolvedAt: string | null, sharedSchedule: Array<{ dayOfWeek: number, start: string, end: string }>, offer: { id: string, title: string }, members: Array<{ needId: string, status: CareGroupMemberStatus, priceCentsPerHour: number, individualPriceCentsPerHour: number, weeklyCents: number, individualWeeklyCents: number, weeklySavingCents: number, joinedAt: string, confirmedAt: string | null, leftAt: string | null }> | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type AccreditationRequestsPageQueryVariables = Exact<{
  status?: AccreditationStatus | null | undefined;
  territoryId?: string | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type AccreditationRequestsPageQuery = { accreditationRequests: { items: Array<{ id: string, organisationId: string, organisationName: string, status: AccreditationStatus, reason: string | null, createdAt: string, updatedAt: string }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type AccreditationOrganisationQueryVariables = Exact<{
  organisationId: string;
}>;


export type AccreditationOrganisationQuery = { organisation: { id: string, name: string, description: string, kind: OrganisationKind, codiceFiscale: string | null, partitaIva: string | null, runtsSection: RuntsSection | null, runtsNumber: string | null }, accreditationHistory: Array<{ accreditationId: string, territoryId: string, fromStatus: AccreditationStatus | null, toStatus: AccreditationStatus, reason: string | null, createdAt: string }> };

export type StartAccreditationReviewActionMutationVariables = Exact<{
  id: string;
}>;


export type StartAccreditationReviewActionMutation = { startAccreditationReview: { id: string, status: AccreditationStatus } };

export type DecideAccreditationActionMutationVariables = Exact<{
  input: DecideAccreditationInput;
}>;


export type DecideAccreditationActionMutation = { decideAccreditation: { id: string, status: AccreditationStatus, reason: string | null } };

export type AuditTrailPageQueryVariables = Exact<{
  territoryId: string;
  first: number;
  after?: string | null | undefined;
  actions?: Array<string> | string | null | undefined;
  actorUserId?: string | null | undefined;
  entityId?: string | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
}>;


export type AuditTrailPageQuery = { auditTrail: { items: Array<{ id: string, action: string, entityType: string, entityId: string | null, actorUserId: string | null, actorName: string | null, actorRoles: Array<Role>, details: string, createdAt: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type AuditTrailCsvFileQueryVariables = Exact<{
  territoryId: string;
  actions?: Array<string> | string | null | undefined;
  actorUserId?: string | null | undefined;
  entityId?: string | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
}>;


export type AuditTrailCsvFileQuery = { auditTrailCsv: { csv: string, fileName: string, rowCount: number } };

export type AuditTerritoryStaffQueryVariables = Exact<{
  territoryId: string;
}>;


export type AuditTerritoryStaffQuery = { territoryStaff: Array<{ userId: string, displayName: string | null, phoneE164: string | null, roles: Array<Role> }> };

export type BatchAssignmentRunsPageQueryVariables = Exact<{
  territoryId?: string | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type BatchAssignmentRunsPageQuery = { batchAssignmentRuns: { items: Array<{ id: string, territoryId: string, category: NeedCategory, status: BatchAssignmentStatus, scheduled: boolean, windowStart: string, windowEnd: string, needsCount: number | null, helpersCount: number | null, served: number | null, totalMeters: number | null, greedyServed: number | null, greedyMeters: number | null, proposalsSent: number | null, createdAt: string, plannedAt: string | null, publishedAt: string | null, edits: number }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type RequestBatchPlanMutationVariables = Exact<{
  input: RequestBatchAssignmentInput;
}>;


export type RequestBatchPlanMutation = { requestBatchAssignment: { id: string, territoryId: string, category: NeedCategory, status: BatchAssignmentStatus, scheduled: boolean, windowStart: string, windowEnd: string, needsCount: number | null, helpersCount: number | null, served: number | null, totalMeters: number | null, greedyServed: number | null, greedyMeters: number | null, proposalsSent: number | null, createdAt: string, plannedAt: string | null, publishedAt: string | null, edits: number } };

export type BatchAssignmentPlanPageQueryVariables = Exact<{
  runId: string;
  first: number;
  after?: string | null | undefined;
}>;


export type BatchAssignmentPlanPageQuery = { batchAssignmentPlan: { items: Array<{ needId: string, category: NeedCategory, description: string, comuneIstat: string, windowStart: string, helperKind: BatchHelperKind | null, helperName: string | null, helperUserId: string | null, organisationId: string | null, meters: number | null, alreadyAsked: boolean }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type PublishBatchPlanMutationVariables = Exact<{
  input: PublishBatchAssignmentInput;
}>;


export type PublishBatchPlanMutation = { publishBatchAssignment: { id: string, territoryId: string, category: NeedCategory, status: BatchAssignmentStatus, scheduled: boolean, windowStart: string, windowEnd: string, needsCount: number | null, helpersCount: number | null, served: number | null, totalMeters: number | null, greedyServed: number | null, greedyMeters: number | null, proposalsSent: number | null, createdAt: string, plannedAt: string | null, publishedAt: string | null, edits: number } };

export type DeskPostNeedMutationVariables = Exact<{
  input: PostNeedAtDeskInput;
}>;


export type DeskPostNeedMutation = { postNeedAtDesk: { id: string, status: NeedStatus } };

export type DeskKnownPersonQueryVariables = Exact<{
  id: string;
}>;


export type DeskKnownPersonQuery = { deskPerson: { id: string, kind: BeneficiaryKind, fullName: string, comuneIstat: string | null, consent: { recordedAt: string | null, method: DeskConsentMethod | null, healthDataAt: string | null } | null } };

export type DeskPeopleQueryVariables = Exact<{
  territoryId: string;
  phone?: string | null | undefined;
  name?: string | null | undefined;
}>;


export type DeskPeopleQuery = { deskPeople: Array<{ id: string, kind: BeneficiaryKind, fullName: string, phone: string | null, comuneName: string | null, needs: Array<{ id: string, createdAt: string }> }> };

export type DeskPersonQueryVariables = Exact<{
  id: string;
}>;


export type DeskPersonQuery = { deskPerson: { id: string, kind: BeneficiaryKind, fullName: string, phone: string | null, comuneName: string | null, registeredAt: string, consent: { recordedAt: string | null, recordedBy: string | null, method: DeskConsentMethod | null, witness: string | null, healthDataAt: string | null } | null, needs: Array<{ id: string, category: NeedCategory, status: NeedStatus, description: string, windowStart: string | null, windowEnd: string | null, createdAt: string }> } };

export type FollowUpOpenNeedsQueryVariables = Exact<{
  hours?: number | null | undefined;
  comuneIstat?: string | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type FollowUpOpenNeedsQuery = { territoryNeeds: { items: Array<{ id: string, category: NeedCategory, description: string, comuneIstat: string, status: NeedStatus, source: NeedSource, openedAt: string | null, createdAt: string, windowStart: string | null }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type FollowUpUnmatchedNeedsQueryVariables = Exact<{
  comuneIstat?: string | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type FollowUpUnmatchedNeedsQuery = { unmatchedNeeds: { items: Array<{ needId: string, category: string, description: string, comuneIstat: string, reason: UnmatchedReason, reasonText: string, unmatchedAt: string, windowStart: string | null }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type TerritoryIndicatorsQueryVariables = Exact<{
  period: IndicatorFilterInput;
  monthly: IndicatorFilterInput;
}>;


export type TerritoryIndicatorsQuery = { period: { asOf: string | null, from: string, to: string, demand: Array<{ needsReceived: number, needsMatched: number, needsServed: number, coverageRate: number | null, medianHoursToMatch: number | null, p90HoursToMatch: number | null }>, reach: Array<{ citizensReached: number }>, unmatched: Array<{ reason: UnmatchedReason, needs: number, people: number }>, activity: Array<{ volunteerHours: number }> }, monthly: { asOf: string | null, demand: Array<{ periodStart: string, needsReceived: number, coverageRate: number | null, medianHoursToMatch: number | null, p90HoursToMatch: number | null }>, reach: Array<{ periodStart: string, citizensReached: number }>, activity: Array<{ periodStart: string, volunteerHours: number }> } };

export type ExportIndicatorsCsvFileMutationVariables = Exact<{
  input: IndicatorExportInput;
}>;


export type ExportIndicatorsCsvFileMutation = { exportIndicatorsCsv: { csv: string, fileName: string, rowCount: number } };

export type ExportIndicatorsOpenDataFileMutationVariables = Exact<{
  input: IndicatorExportInput;
}>;


export type ExportIndicatorsOpenDataFileMutation = { exportOpenDataCsv: { csv: string, fileName: string, rowCount: number, suppressedCells: number } };

export type ModerationQueuePageQueryVariables = Exact<{
  status?: ModerationStatus | null | undefined;
  contentType?: ContentType | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type ModerationQueuePageQuery = { moderationQueue: { items: Array<{ contentId: string, contentType: ContentType, comuneIstat: string, createdAt: string, needsReview: boolean, reportCount: number, status: ModerationStatus, summary: string, category: NeedCategory | null }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type ModerateContentItemMutationVariables = Exact<{
  input: ModerateContentInput;
}>;


export type ModerateContentItemMutation = { moderateContent: { contentId: string, contentType: ContentType, status: ModerationStatus, needsReview: boolean } };

export type ConsoleNeedQueryVariables = Exact<{
  id: string;
}>;


export type ConsoleNeedQuery = { need: { id: string, category: NeedCategory, description: string, status: NeedStatus, source: NeedSource, comuneIstat: string, windowStart: string | null, windowEnd: string | null, address: string | null, hasSensitiveNotes: boolean, beneficiary: { id: string, kind: BeneficiaryKind, fullName: string | null, phone: string | null, consentRecordedAt: string | null } | null, details: { ride: { pickupPlace: string | null, destinationPlace: string, appointmentAt: string, pickupAt: string, returnAt: string | null, wheelchair: boolean } | null } } };

export type ConsoleNeedNotesQueryVariables = Exact<{
  id: string;
}>;


export type ConsoleNeedNotesQuery = { need: { id: string, sensitiveNotes: string | null } };

export type ConsoleNeedCandidatesQueryVariables = Exact<{
  needId: string;
}>;


export type ConsoleNeedCandidatesQuery = { needCandidates: Array<{ kind: CandidateKind, helperUserId: string, organisationId: string | null, helperName: string, rank: number, distanceKm: number, whyThisHelper: string }>, needProposals: { items: Array<{ id: string, helperName: string, status: ProposalStatus, rank: number, assignedByUserId: string | null, createdAt: string, whyThisHelper: string }> } };

export type ConsoleAssignHelperMutationVariables = Exact<{
  input: AssignHelperInput;
}>;


export type ConsoleAssignHelperMutation = { assignHelper: { id: string, helperName: string, status: ProposalStatus } };

export type MyOrganisationsConsoleQueryVariables = Exact<{ [key: string]: never; }>;


export type MyOrganisationsConsoleQuery = { myOrganisations: Array<{ id: string, name: string, homeComuneIstat: string, kind: OrganisationKind, codiceFiscale: string | null, partitaIva: string | null, runtsSection: RuntsSection | null, runtsNumber: string | null, accreditations: Array<{ id: string, territoryId: string, status: AccreditationStatus, reason: string | null, updatedAt: string }> }> };

export type RegisterOrganisationConsoleMutationVariables = Exact<{
  input: RegisterOrganisationInput;
}>;


export type RegisterOrganisationConsoleMutation = { registerOrganisation: { id: string, name: string } };

export type TerritoriesOfComuneQueryVariables = Exact<{
  istat: string;
}>;


export type TerritoriesOfComuneQuery = { territoriesOfComune: Array<{ id: string, name: string }> };

export type RequestAccreditationConsoleMutationVariables = Exact<{
  input: RequestAccreditationInput;
}>;


export type RequestAccreditationConsoleMutation = { requestAccreditation: { id: string, status: AccreditationStatus } };

export type OrganisationAccreditationHistoryQueryVariables = Exact<{
  organisationId: string;
}>;


export type OrganisationAccreditationHistoryQuery = { accreditationHistory: Array<{ accreditationId: string, territoryId: string, fromStatus: AccreditationStatus | null, toStatus: AccreditationStatus, reason: string | null, createdAt: string }> };

export type TerritoryDemandSupplyQueryVariables = Exact<{
  filter: IndicatorFilterInput;
  territoryId: string;
  category?: NeedCategory | null | undefined;
}>;


export type TerritoryDemandSupplyQuery = { impactIndicators: { asOf: string | null, demand: Array<{ comuneIstat: string | null, needsReceived: number, coverageRate: number | null }> }, territorySupply: Array<{ comuneIstat: string, volunteers: number, serviceOffers: number, openNeeds: number }> };

export type TerritorySettingsPageQueryVariables = Exact<{
  territoryId: string;
}>;


export type TerritorySettingsPageQuery = { territory: { id: string, deskPhone: string | null, deskHours: string | null }, territoryMatchingSettings: { territoryId: string, citizenConfirmationRequired: boolean, scheduledBatchAssignment: boolean }, territoryStaffStepUp: { territoryId: string, setting: boolean | null, platformDefault: boolean }, moderationModes: Array<{ contentType: ContentType, mode: ModerationMode, isDefault: boolean }> };

export type SaveTerritoryDeskMutationVariables = Exact<{
  input: SetTerritoryDeskInput;
}>;


export type SaveTerritoryDeskMutation = { setTerritoryDesk: { id: string, deskPhone: string | null, deskHours: string | null } };

export type SaveTerritoryMatchingMutationVariables = Exact<{
  input: SetTerritoryMatchingSettingsInput;
}>;


export type SaveTerritoryMatchingMutation = { setTerritoryMatchingSettings: { territoryId: string, citizenConfirmationRequired: boolean, scheduledBatchAssignment: boolean } };

export type SaveTerritoryStaffStepUpMutationVariables = Exact<{
  input: SetTerritoryStaffStepUpInput;
}>;


export type SaveTerritoryStaffStepUpMutation = { setTerritoryStaffStepUp: { territoryId: string, setting: boolean | null, platformDefault: boolean } };

export type SaveModerationModeMutationVariables = Exact<{
  input: SetModerationModeInput;
}>;


export type SaveModerationModeMutation = { setModerationMode: ModerationMode };

export type ConsoleTerritoryFieldsFragment = { id: string, name: string, comuni: Array<{ istat: string, name: string, lat: number, lon: number }> };

export type ConsoleTerritoriesQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleTerritoriesQuery = { myTerritories: Array<{ id: string, name: string, comuni: Array<{ istat: string, name: string, lat: number, lon: number }> }> };

export type ConsoleChosenTerritoryQueryVariables = Exact<{
  id: string;
}>;


export type ConsoleChosenTerritoryQuery = { territory: { id: string, name: string, comuni: Array<{ istat: string, name: string, lat: number, lon: number }> } };

export type ConsoleFirstTerritoryQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleFirstTerritoryQuery = { territories: { items: Array<{ id: string, name: string, comuni: Array<{ istat: string, name: string, lat: number, lon: number }> }> } };

export type AcceptProposalMutationVariables = Exact<{
  id: string;
}>;


export type AcceptProposalMutation = { acceptProposal: { id: string, status: EngagementStatus } };

export type DeclineProposalMutationVariables = Exact<{
  id: string;
}>;


export type DeclineProposalMutation = { declineProposal: { id: string, status: ProposalStatus } };

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

export type EngagementMessagesQueryVariables = Exact<{
  engagementId: string;
  first: number;
}>;


export type EngagementMessagesQuery = { engagementMessages: { items: Array<{ id: string, body: string, createdAt: string, mine: boolean, senderName: string, side: EngagementMessageSide, viaSms: boolean, moderationStatus: ModerationStatus }>, pageInfo: { hasNextPage: boolean } } };

export type SendEngagementMessageMutationVariables = Exact<{
  input: SendEngagementMessageInput;
}>;


export type SendEngagementMessageMutation = { sendEngagementMessage: { id: string, moderationStatus: ModerationStatus } };

export type MyAreaInvitationsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyAreaInvitationsQuery = { myOrganisationInvitations: Array<{ id: string, organisationName: string }> };

export type MyAreaToDoQueryVariables = Exact<{
  volunteer: boolean;
}>;


export type MyAreaToDoQuery = { myNeeds: { items: Array<{ id: string, status: NeedStatus, engagement: { id: string, status: EngagementStatus, startsAt: string } | null }> }, myProposals?: { items: Array<{ id: string, status: ProposalStatus }> }, myEngagements?: { items: Array<{ id: string, status: EngagementStatus, startsAt: string, helperUserId: string }> }, myNotifications: { unreadCount: number } };

export type MyAreaUnmatchedToDoQueryVariables = Exact<{ [key: string]: never; }>;


export type MyAreaUnmatchedToDoQuery = { unmatchedNeeds: { items: Array<{ needId: string }>, pageInfo: { hasNextPage: boolean } } };

export type MyAreaOpenLongToDoQueryVariables = Exact<{ [key: string]: never; }>;


export type MyAreaOpenLongToDoQuery = { territoryNeeds: { items: Array<{ id: string }>, pageInfo: { hasNextPage: boolean } } };

export type MyAreaComuneCallsToDoQueryVariables = Exact<{ [key: string]: never; }>;


export type MyAreaComuneCallsToDoQuery = { comuneCallsToAction: { items: Array<{ id: string, pendingAnswerCount: number | null }>, pageInfo: { hasNextPage: boolean } } };

export type MyAreaReviewToDoQueryVariables = Exact<{ [key: string]: never; }>;


export type MyAreaReviewToDoQuery = { moderationQueue: { items: Array<{ contentId: string }>, pageInfo: { hasNextPage: boolean } } };

export type MyAreaAccreditationsToDoQueryVariables = Exact<{ [key: string]: never; }>;


export type MyAreaAccreditationsToDoQuery = { accreditationRequests: { items: Array<{ id: string }>, pageInfo: { hasNextPage: boolean } } };

export type MyAreaCallsAcceptedToDoQueryVariables = Exact<{ [key: string]: never; }>;


export type MyAreaCallsAcceptedToDoQuery = { myCallAnswers: { items: Array<{ id: string, status: CallAnswerStatus, call: { id: string, title: string, startsOn: string, endsOn: string | null, status: CallToActionStatus } }> } };

export type MyAreaOrganisationToDoQueryVariables = Exact<{
  organisationId: string;
  admin: boolean;
}>;


export type MyAreaOrganisationToDoQuery = { organisationProposals: { items: Array<{ id: string }>, pageInfo: { hasNextPage: boolean } }, organisationCallsToAction?: { items: Array<{ id: string, pendingAnswerCount: number | null }>, pageInfo: { hasNextPage: boolean } } };

export type IdentityProvidersQueryVariables = Exact<{ [key: string]: never; }>;


export type IdentityProvidersQuery = { identityProviders: Array<{ kind: IdentityProviderKind, entityId: string, name: string }> };

export type StartIdentitySignInMutationVariables = Exact<{
  input: StartIdentityProviderSignInInput;
}>;


export type StartIdentitySignInMutation = { startIdentityProviderSignIn: { authorizationUrl: string } };

export type SessionUserFragment = { id: string, displayName: string | null, language: string, phoneE164: string | null, roles: Array<{ id: string, role: Role, territoryId: string | null, organisationId: string | null }> };

export type SessionTokensFragment = { accessToken: string, accessTokenExpiresAt: string, authLevel: AuthLevel | null, user: { id: string, displayName: string | null, language: string, phoneE164: string | null, roles: Array<{ id: string, role: Role, territoryId: string | null, organisationId: string | null }> } };

export type RefreshWebSessionMutationVariables = Exact<{ [key: string]: never; }>;


export type RefreshWebSessionMutation = { refreshSession: { accessToken: string, accessTokenExpiresAt: string, authLevel: AuthLevel | null, user: { id: string, displayName: string | null, language: string, phoneE164: string | null, roles: Array<{ id: string, role: Role, territoryId: string | null, organisationId: string | null }> } } };

export type RequestPhoneCodeMutationVariables = Exact<{
  input: RequestPhoneVerificationInput;
}>;


export type RequestPhoneCodeMutation = { requestPhoneVerification: { phone: string, expiresAt: string, resendAfterSeconds: number } };

export type VerifyPhoneCodeMutationVariables = Exact<{
  input: VerifyPhoneInput;
}>;


export type VerifyPhoneCodeMutation = { verifyPhone: { accessToken: string, accessTokenExpiresAt: string, authLevel: AuthLevel | null, user: { id: string, displayName: string | null, language: string, phoneE164: string | null, roles: Array<{ id: string, role: Role, territoryId: string | null, organisationId: string | null }> } } };

export type SignOutMutationVariables = Exact<{ [key: string]: never; }>;


export type SignOutMutation = { signOut: boolean };

export type PrivacyNoticeQueryVariables = Exact<{
  language?: string | null | undefined;
}>;


export type PrivacyNoticeQuery = { privacyNotice: { version: string, title: string, body: string, publishedAt: string } };

export type VolunteerHomeQueryVariables = Exact<{ [key: string]: never; }>;


export type VolunteerHomeQuery = { me: { id: string }, myVolunteerProfile: { id: string, displayName: string, moderationStatus: ModerationStatus } | null, myAvailability: Array<{ id: string }>, myProposals: { items: Array<{ id: string, status: ProposalStatus }> }, myEngagements: { items: Array<{ id: string, status: EngagementStatus, helperUserId: string }> } };

export type VolunteerProfileFieldsFragment = { id: string, displayName: string, bio: string, categories: Array<HelpCategory>, languages: Array<string>, skills: Array<string>, comuneIstat: string, comuneName: string, homeLat: number, homeLon: number, travelRadiusKm: number, weeklyHourLimit: number, moderationStatus: ModerationStatus, organisationId: string | null, vehicle: { seats: number, wheelchairAccessible: boolean } | null };

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

export type MyProposalsQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type MyProposalsQuery = { myProposals: { items: Array<{ id: string, needId: string, status: ProposalStatus, createdAt: string, expiresAt: string, distanceKm: number, rank: number, whyThisHelper: string, reasons: Array<{ name: string, explanation: string, contribution: number }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type NeedForHelperQueryVariables = Exact<{
  id: string;
}>;


export type NeedForHelperQuery = { need: { id: string, category: NeedCategory, description: string, status: NeedStatus, address: string | null, windowStart: string | null, windowEnd: string | null, accessibilityNeeds: Array<AccessibilityNeed>, details: { ride: { appointmentAt: string, pickupAt: string, pickupPlace: string | null, destinationPlace: string, returnTripWanted: boolean, returnAt: string | null, wheelchair: boolean, escortWaits: boolean, passengers: number } | null } } };

export type VolunteerNotificationReceivedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type VolunteerNotificationReceivedSubscription = { notificationReceived: { id: string, event: string, body: string } };

export type HelperEngagementFieldsFragment = { id: string, needId: string, status: EngagementStatus, startsAt: string, endsAt: string, startedAt: string | null, completedAt: string | null, hoursLogged: number | null, helperUserId: string, helperName: string };

export type MyEngagementsQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type MyEngagementsQuery = { me: { id: string }, myEngagements: { items: Array<{ id: string, needId: string, status: EngagementStatus, startsAt: string, endsAt: string, startedAt: string | null, completedAt: string | null, hoursLogged: number | null, helperUserId: string, helperName: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type EngagementQueryVariables = Exact<{
  id: string;
}>;


export type EngagementQuery = { me: { id: string }, engagement: { id: string, needId: string, status: EngagementStatus, startsAt: string, endsAt: string, startedAt: string | null, completedAt: string | null, hoursLogged: number | null, helperUserId: string, helperName: string }, myReviews: { items: Array<{ id: string, engagementId: string }> } };

export type VolunteerWriteReviewMutationVariables = Exact<{
  input: WriteReviewInput;
}>;


export type VolunteerWriteReviewMutation = { writeReview: { id: string, visibility: ReviewVisibility, overallStars: number } };

export type VolunteerReviewFragment = { id: string, createdAt: string, overallStars: number, comment: string | null, scores: Array<{ criterion: ReviewCriterion, stars: number }> };

export type VolunteerReviewsQueryVariables = Exact<{
  afterReceived?: string | null | undefined;
  afterWritten?: string | null | undefined;
}>;


export type VolunteerReviewsQuery = { received: { items: Array<{ id: string, createdAt: string, overallStars: number, comment: string | null, scores: Array<{ criterion: ReviewCriterion, stars: number }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } }, written: { items: Array<{ visibility: ReviewVisibility, subjectType: ReviewSubjectType, id: string, createdAt: string, overallStars: number, comment: string | null, scores: Array<{ criterion: ReviewCriterion, stars: number }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CallToActionSummaryFragment = { id: string, title: string, description: string, categories: Array<HelpCategory>, alwaysOpen: boolean, startsOn: string, endsOn: string | null, volunteersWanted: number | null, acceptedCount: number, places: Array<{ istat: string, name: string }>, publisher: { kind: CallPublisherKind, name: string } };

export type VolunteerCallsToActionQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type VolunteerCallsToActionQuery = { callsToAction: { items: Array<{ id: string, title: string, description: string, categories: Array<HelpCategory>, alwaysOpen: boolean, startsOn: string, endsOn: string | null, volunteersWanted: number | null, acceptedCount: number, places: Array<{ istat: string, name: string }>, publisher: { kind: CallPublisherKind, name: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type MyCallAnswersQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type MyCallAnswersQuery = { myCallAnswers: { items: Array<{ id: string, status: CallAnswerStatus, createdAt: string, call: { status: CallToActionStatus, id: string, title: string, description: string, categories: Array<HelpCategory>, alwaysOpen: boolean, startsOn: string, endsOn: string | null, volunteersWanted: number | null, acceptedCount: number, places: Array<{ istat: string, name: string }>, publisher: { kind: CallPublisherKind, name: string } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type AnswerCallToActionMutationVariables = Exact<{
  input: AnswerCallToActionInput;
}>;


export type AnswerCallToActionMutation = { answerCallToAction: { id: string, status: CallAnswerStatus } };

export type ProposalWhyFragment = { whyThisHelper: string, reasons: Array<{ name: string, explanation: string, contribution: number }> };

export const ComunePlaceFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ComunePlace"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Comune"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"istat"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"provinceCode"}},{"kind":"Field","name":{"kind":"Name","value":"lat"}},{"kind":"Field","name":{"kind":"Name","value":"lon"}}]}}]} as unknown as DocumentNode<ComunePlaceFragment, unknown>;
export const OfferPriceFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OfferPrice"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Price"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"vouchersAccepted"}},{"kind":"Field","name":{"kind":"Name","value":"bands"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"people"}},{"kind":"Field","name":{"kind":"Name","value":"centsPerHourEach"}}]}}]}}]} as unknown as DocumentNode<OfferPriceFragment, unknown>;
export const CitizenNeedSummaryFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CitizenNeedSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Need"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"windowStart"}},{"kind":"Field","name":{"kind":"Name","value":"windowEnd"}},{"kind":"Field","name":{"kind":"Name","value":"beneficiary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}},{"kind":"Field","name":{"kind":"Name","value":"relationship"}}]}},{"kind":"Field","name":{"kind":"Name","value":"details"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ride"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"destinationPlace"}},{"kind":"Field","name":{"kind":"Name","value":"appointmentAt"}},{"kind":"Field","name":{"kind":"Name","value":"returnTripWanted"}},{"kind":"Field","name":{"kind":"Name","value":"returnAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sharedCaregiver"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"weeklyHours"}},{"kind":"Field","name":{"kind":"Name","value":"willingToShare"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"engagement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"helperName"}}]}}]}}]} as unknown as DocumentNode<CitizenNeedSummaryFragment, unknown>;
export const CitizenReviewFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CitizenReview"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Review"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"engagementId"}},{"kind":"Field","name":{"kind":"Name","value":"subjectType"}},{"kind":"Field","name":{"kind":"Name","value":"overallStars"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"scores"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"criterion"}},{"kind":"Field","name":{"kind":"Name","value":"stars"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reply"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<CitizenReviewFragment, unknown>;
export const CitizenPreferencesFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CitizenPreferences"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NotificationPreferences"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"quietHoursStart"}},{"kind":"Field","name":{"kind":"Name","value":"quietHoursEnd"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"channels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"channels"}}]}},{"kind":"Field","name":{"kind":"Name","value":"familyContact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"consentAt"}}]}}]}}]} as unknown as DocumentNode<CitizenPreferencesFragment, unknown>;
export const CitizenPrivacyFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CitizenPrivacy"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PrivacyStatus"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptedNoticeVersion"}},{"kind":"Field","name":{"kind":"Name","value":"currentNoticeVersion"}},{"kind":"Field","name":{"kind":"Name","value":"noticeAcceptanceRequired"}},{"kind":"Field","name":{"kind":"Name","value":"healthDataConsent"}},{"kind":"Field","name":{"kind":"Name","value":"familyContactConsent"}},{"kind":"Field","name":{"kind":"Name","value":"consents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"grantedAt"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawnAt"}},{"kind":"Field","name":{"kind":"Name","value":"noticeVersion"}}]}}]}}]} as unknown as DocumentNode<CitizenPrivacyFragment, unknown>;
export const AccreditationHistoryFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AccreditationHistoryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AccreditationHistoryEntry"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accreditationId"}},{"kind":"Field","name":{"kind":"Name","value":"territoryId"}},{"kind":"Field","name":{"kind":"Name","value":"fromStatus"}},{"kind":"Field","name":{"kind":"Name","value":"toStatus"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<AccreditationHistoryFieldsFragment, unknown>;
export const OrganisationFactsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrganisationFacts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Organisation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"codiceFiscale"}},{"kind":"Field","name":{"kind":"Name","value":"partitaIva"}},{"kind":"Field","name":{"kind":"Name","value":"runtsSection"}},{"kind":"Field","name":{"kind":"Name","value":"runtsNumber"}}]}}]} as unknown as DocumentNode<OrganisationFactsFragment, unknown>;
export const BatchRunFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BatchRunFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BatchAssignmentRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"territoryId"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"scheduled"}},{"kind":"Field","name":{"kind":"Name","value":"windowStart"}},{"kind":"Field","name":{"kind":"Name","value":"windowEnd"}},{"kind":"Field","name":{"kind":"Name","value":"needsCount"}},{"kind":"Field","name":{"kind":"Name","value":"helpersCount"}},{"kind":"Field","name":{"kind":"Name","value":"served"}},{"kind":"Field","name":{"kind":"Name","value":"totalMeters"}},{"kind":"Field","name":{"kind":"Name","value":"greedyServed"}},{"kind":"Field","name":{"kind":"Name","value":"greedyMeters"}},{"kind":"Field","name":{"kind":"Name","value":"proposalsSent"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"plannedAt"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"edits"}}]}}]} as unknown as DocumentNode<BatchRunFieldsFragment, unknown>;
export const BatchPlanEntryFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BatchPlanEntryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BatchPlanEntry"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"needId"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"comuneIstat"}},{"kind":"Field","name":{"kind":"Name","value":"windowStart"}},{"kind":"Field","name":{"kind":"Name","value":"helperKind"}},{"kind":"Field","name":{"kind":"Name","value":"helperName"}},{"kind":"Field","name":{"kind":"Name","value":"helperUserId"}},{"kind":"Field","name":{"kind":"Name","value":"organisationId"}},{"kind":"Field","name":{"kind":"Name","value":"meters"}},{"kind":"Field","name":{"kind":"Name","value":"alreadyAsked"}}]}}]} as unknown as DocumentNode<BatchPlanEntryFieldsFragment, unknown>;
export const CallToActionSummaryFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CallToActionSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CallToAction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"categories"}},{"kind":"Field","name":{"kind":"Name","value":"alwaysOpen"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"volunteersWanted"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedCount"}},{"kind":"Field","name":{"kind":"Name","value":"places"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"istat"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"publisher"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<CallToActionSummaryFragment, unknown>;
export const PublisherCallFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PublisherCallFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CallToAction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CallToActionSummary"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"moderationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"pendingAnswerCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CallToActionSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CallToAction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"categories"}},{"kind":"Field","name":{"kind":"Name","value":"alwaysOpen"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"volunteersWanted"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedCount"}},{"kind":"Field","name":{"kind":"Name","value":"places"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"istat"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"publisher"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<PublisherCallFieldsFragment, unknown>;
export const ConsoleTerritoryFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleTerritoryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Territory"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"comuni"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"istat"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"lat"}},{"kind":"Field","name":{"kind":"Name","value":"lon"}}]}}]}}]} as unknown as DocumentNode<ConsoleTerritoryFieldsFragment, unknown>;
export const SessionUserFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SessionUser"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"phoneE164"}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"territoryId"}},{"kind":"Field","name":{"kind":"Name","value":"organisationId"}}]}}]}}]} as unknown as DocumentNode<SessionUserFragment, unknown>;
export const SessionTokensFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SessionTokens"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokenExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"authLevel"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SessionUser"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SessionUser"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"phoneE164"}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"territoryId"}},{"kind":"Field","name":{"kind":"Name","value":"organisationId"}}]}}]}}]} as unknown as DocumentNode<SessionTokensFragment, unknown>;
export const VolunteerProfileFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"VolunteerProfileFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MyVolunteerProfile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"bio"}},{"kind":"Field","name":{"kind":"Name","value":"categories"}},{"kind":"Field","name":{"kind":"Name","value":"languages"}},{"kind":"Field","name":{"kind":"Name","value":"skills"}},{"kind":"Field","name":{"kind":"Name","value":"comuneIstat"}},{"kind":"Field","name":{"kind":"Name","value":"comuneName"}},{"kind":"Field","name":{"kind":"Name","value":"homeLat"}},{"kind":"Field","name":{"kind":"Name","value":"homeLon"}},{"kind":"Field","name":{"kind":"Name","value":"travelRadiusKm"}},{"kind":"Field","name":{"kind":"Name","value":"weeklyHourLimit"}},{"kind":"Field","name":{"kind":"Name","value":"moderationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"organisationId"}},{"kind":"Field","name":{"kind":"Name","value":"vehicle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seats"}},{"kind":"Field","name":{"kind":"Name","value":"wheelchairAccessible"}}]}}]}}]} as unknown as DocumentNode<VolunteerProfileFieldsFragment, unknown>;
export const HelperEngagementFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HelperEngagementFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Engagement"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"needId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"hoursLogged"}},{"kind":"Field","name":{"kind":"Name","value":"helperUserId"}},{"kind":"Field","name":{"kind":"Name","value":"helperName"}}]}}]} as unknown as DocumentNode<HelperEngagementFieldsFragment, unknown>;
export const VolunteerReviewFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"VolunteerReview"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Review"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"overallStars"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"scores"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"criterion"}},{"kind":"Field","name":{"kind":"Name","value":"stars"}}]}}]}}]} as unknown as DocumentNode<VolunteerReviewFragment, unknown>;
export const ProposalWhyFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProposalWhy"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MatchProposal"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"whyThisHelper"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"}},{"kind":"Field","name":{"kind":"Name","value":"contribution"}}]}}]}}]} as unknown as DocumentNode<ProposalWhyFragment, unknown>;
export const CallMessagesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CallMessages"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"callId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"callMessages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"callId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"callId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"recipientCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<CallMessagesQuery, CallMessagesQueryVariables>;
export const SendCallMessageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SendCallMessage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SendCallMessageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendCallMessage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"recipientCount"}}]}}]}}]} as unknown as DocumentNode<SendCallMessageMutation, SendCallMessageMutationVariables>;
export const FindComuniDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FindComuni"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"comuni"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"6"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ComunePlace"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ComunePlace"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Comune"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"istat"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"provinceCode"}},{"kind":"Field","name":{"kind":"Name","value":"lat"}},{"kind":"Field","name":{"kind":"Name","value":"lon"}}]}}]} as unknown as DocumentNode<FindComuniQuery, FindComuniQueryVariables>;
export const SearchOffersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SearchOffers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ServiceOfferFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"order"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ServiceOfferOrder"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"searchServiceOffers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"order"},"value":{"kind":"Variable","name":{"kind":"Name","value":"order"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"distanceKm"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OfferPrice"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OfferPrice"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Price"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"vouchersAccepted"}},{"kind":"Field","name":{"kind":"Name","value":"bands"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"people"}},{"kind":"Field","name":{"kind":"Name","value":"centsPerHourEach"}}]}}]}}]} as unknown as DocumentNode<SearchOffersQuery, SearchOffersQueryVariables>;
export const OfferPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OfferPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"afterReviews"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serviceOffer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"languages"}},{"kind":"Field","name":{"kind":"Name","value":"accessibilityNotes"}},{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OfferPrice"}}]}},{"kind":"Field","name":{"kind":"Name","value":"schedule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dayOfWeek"}},{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}}]}},{"kind":"Field","name":{"kind":"Name","value":"area"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"radiusKm"}},{"kind":"Field","name":{"kind":"Name","value":"comuneIstatCodes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"vehicle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seats"}},{"kind":"Field","name":{"kind":"Name","value":"wheelchairAccessible"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"reputation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"subjectId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"subjectType"},"value":{"kind":"EnumValue","value":"OFFER"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"shown"}},{"kind":"Field","name":{"kind":"Name","value":"average"}},{"kind":"Field","name":{"kind":"Name","value":"reviewCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reviewsOf"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"subjectId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"subjectType"},"value":{"kind":"EnumValue","value":"OFFER"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"afterReviews"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"overallStars"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"reply"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"body"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OfferPrice"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Price"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"vouchersAccepted"}},{"kind":"Field","name":{"kind":"Name","value":"bands"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"people"}},{"kind":"Field","name":{"kind":"Name","value":"centsPerHourEach"}}]}}]}}]} as unknown as DocumentNode<OfferPageQuery, OfferPageQueryVariables>;
export const ReportReviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReportReview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReportContentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportContent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contentId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ReportReviewMutation, ReportReviewMutationVariables>;
export const CitizenComuniDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CitizenComuni"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"comuni"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ComunePlace"}},{"kind":"Field","name":{"kind":"Name","value":"province"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ComunePlace"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Comune"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"istat"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"provinceCode"}},{"kind":"Field","name":{"kind":"Name","value":"lat"}},{"kind":"Field","name":{"kind":"Name","value":"lon"}}]}}]} as unknown as DocumentNode<CitizenComuniQuery, CitizenComuniQueryVariables>;
export const CitizenOfferContextDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CitizenOfferContext"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serviceOffer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<CitizenOfferContextQuery, CitizenOfferContextQueryVariables>;
export const CitizenHealthConsentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CitizenHealthConsent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myPrivacy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"healthDataConsent"}}]}}]}}]} as unknown as DocumentNode<CitizenHealthConsentQuery, CitizenHealthConsentQueryVariables>;
export const CitizenPostNeedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CitizenPostNeed"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PostNeedInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"postNeed"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"category"}}]}}]}}]} as unknown as DocumentNode<CitizenPostNeedMutation, CitizenPostNeedMutationVariables>;
export const CitizenMyNeedsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CitizenMyNeeds"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myNeeds"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CitizenNeedSummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CitizenNeedSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Need"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"windowStart"}},{"kind":"Field","name":{"kind":"Name","value":"windowEnd"}},{"kind":"Field","name":{"kind":"Name","value":"beneficiary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}},{"kind":"Field","name":{"kind":"Name","value":"relationship"}}]}},{"kind":"Field","name":{"kind":"Name","value":"details"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ride"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"destinationPlace"}},{"kind":"Field","name":{"kind":"Name","value":"appointmentAt"}},{"kind":"Field","name":{"kind":"Name","value":"returnTripWanted"}},{"kind":"Field","name":{"kind":"Name","value":"returnAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sharedCaregiver"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"weeklyHours"}},{"kind":"Field","name":{"kind":"Name","value":"willingToShare"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"engagement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"helperName"}}]}}]}}]} as unknown as DocumentNode<CitizenMyNeedsQuery, CitizenMyNeedsQueryVariables>;
export const CitizenNeedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CitizenNeed"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"need"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CitizenNeedSummary"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"sensitiveNotes"}},{"kind":"Field","name":{"kind":"Name","value":"comuneIstat"}},{"kind":"Field","name":{"kind":"Name","value":"visibleToHelpers"}},{"kind":"Field","name":{"kind":"Name","value":"details"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ride"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pickupPlace"}},{"kind":"Field","name":{"kind":"Name","value":"destinationPlace"}},{"kind":"Field","name":{"kind":"Name","value":"appointmentAt"}},{"kind":"Field","name":{"kind":"Name","value":"pickupAt"}},{"kind":"Field","name":{"kind":"Name","value":"returnTripWanted"}},{"kind":"Field","name":{"kind":"Name","value":"returnAt"}},{"kind":"Field","name":{"kind":"Name","value":"wheelchair"}},{"kind":"Field","name":{"kind":"Name","value":"escortWaits"}},{"kind":"Field","name":{"kind":"Name","value":"passengers"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sharedCaregiver"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"weeklyHours"}},{"kind":"Field","name":{"kind":"Name","value":"willingToShare"}},{"kind":"Field","name":{"kind":"Name","value":"maxPricePerHourCents"}},{"kind":"Field","name":{"kind":"Name","value":"weeklySchedule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dayOfWeek"}},{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"engagement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"helperName"}},{"kind":"Field","name":{"kind":"Name","value":"helperUserId"}},{"kind":"Field","name":{"kind":"Name","value":"organisationId"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"needHistory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"needId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CitizenNeedSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Need"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"windowStart"}},{"kind":"Field","name":{"kind":"Name","value":"windowEnd"}},{"kind":"Field","name":{"kind":"Name","value":"beneficiary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}},{"kind":"Field","name":{"kind":"Name","value":"relationship"}}]}},{"kind":"Field","name":{"kind":"Name","value":"details"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ride"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"destinationPlace"}},{"kind":"Field","name":{"kind":"Name","value":"appointmentAt"}},{"kind":"Field","name":{"kind":"Name","value":"returnTripWanted"}},{"kind":"Field","name":{"kind":"Name","value":"returnAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sharedCaregiver"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"weeklyHours"}},{"kind":"Field","name":{"kind":"Name","value":"willingToShare"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"engagement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"helperName"}}]}}]}}]} as unknown as DocumentNode<CitizenNeedQuery, CitizenNeedQueryVariables>;
export const CitizenCancelNeedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CitizenCancelNeed"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CancelNeedInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelNeed"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<CitizenCancelNeedMutation, CitizenCancelNeedMutationVariables>;
export const CitizenConfirmEngagementDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CitizenConfirmEngagement"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EngagementActionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmEngagement"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<CitizenConfirmEngagementMutation, CitizenConfirmEngagementMutationVariables>;
export const CitizenDeclineEngagementDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CitizenDeclineEngagement"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EngagementActionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"declineEngagement"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<CitizenDeclineEngagementMutation, CitizenDeclineEngagementMutationVariables>;
export const CitizenCancelEngagementDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CitizenCancelEngagement"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EngagementActionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelEngagement"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<CitizenCancelEngagementMutation, CitizenCancelEngagementMutationVariables>;
export const CitizenReportNoShowDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CitizenReportNoShow"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EngagementActionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportNoShow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<CitizenReportNoShowMutation, CitizenReportNoShowMutationVariables>;
export const CitizenCareGroupsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CitizenCareGroups"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myCareGroups"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"householdCount"}},{"kind":"Field","name":{"kind":"Name","value":"weeklyMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAt"}},{"kind":"Field","name":{"kind":"Name","value":"sharedSchedule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dayOfWeek"}},{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}}]}},{"kind":"Field","name":{"kind":"Name","value":"offer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"organisationName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"myQuotes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"needId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priceCentsPerHour"}},{"kind":"Field","name":{"kind":"Name","value":"individualPriceCentsPerHour"}},{"kind":"Field","name":{"kind":"Name","value":"savingCentsPerHour"}},{"kind":"Field","name":{"kind":"Name","value":"weeklyCents"}},{"kind":"Field","name":{"kind":"Name","value":"individualWeeklyCents"}},{"kind":"Field","name":{"kind":"Name","value":"weeklySavingCents"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAt"}},{"kind":"Field","name":{"kind":"Name","value":"leftAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<CitizenCareGroupsQuery, CitizenCareGroupsQueryVariables>;
export const CitizenConfirmCareGroupDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CitizenConfirmCareGroup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CareGroupMemberInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmCareGroup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<CitizenConfirmCareGroupMutation, CitizenConfirmCareGroupMutationVariables>;
export const CitizenLeaveCareGroupDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CitizenLeaveCareGroup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LeaveCareGroupInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"leaveCareGroup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<CitizenLeaveCareGroupMutation, CitizenLeaveCareGroupMutationVariables>;
export const CitizenWriteReviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CitizenWriteReview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WriteReviewInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"writeReview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"overallStars"}}]}}]}}]} as unknown as DocumentNode<CitizenWriteReviewMutation, CitizenWriteReviewMutationVariables>;
export const CitizenReviewsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CitizenReviews"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"afterReceived"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"afterWritten"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"received"},"name":{"kind":"Name","value":"myReviews"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"RECEIVED"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"afterReceived"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CitizenReview"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"written"},"name":{"kind":"Name","value":"myReviews"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"WRITTEN"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"afterWritten"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CitizenReview"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"myEngagements"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"needId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"helperName"}},{"kind":"Field","name":{"kind":"Name","value":"helperUserId"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CitizenReview"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Review"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"engagementId"}},{"kind":"Field","name":{"kind":"Name","value":"subjectType"}},{"kind":"Field","name":{"kind":"Name","value":"overallStars"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"scores"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"criterion"}},{"kind":"Field","name":{"kind":"Name","value":"stars"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reply"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<CitizenReviewsQuery, CitizenReviewsQueryVariables>;
export const CitizenNotificationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CitizenNotifications"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myNotifications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unreadCount"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"readAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<CitizenNotificationsQuery, CitizenNotificationsQueryVariables>;
export const CitizenMarkNotificationsReadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CitizenMarkNotificationsRead"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"markNotificationsRead"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}]}}]}]}}]} as unknown as DocumentNode<CitizenMarkNotificationsReadMutation, CitizenMarkNotificationsReadMutationVariables>;
export const CitizenNotificationReceivedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"CitizenNotificationReceived"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"notificationReceived"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"readAt"}}]}}]}}]} as unknown as DocumentNode<CitizenNotificationReceivedSubscription, CitizenNotificationReceivedSubscriptionVariables>;
export const CitizenPreferencesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CitizenPreferences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myNotificationPreferences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CitizenPreferences"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CitizenPreferences"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NotificationPreferences"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"quietHoursStart"}},{"kind":"Field","name":{"kind":"Name","value":"quietHoursEnd"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"channels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"channels"}}]}},{"kind":"Field","name":{"kind":"Name","value":"familyContact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"consentAt"}}]}}]}}]} as unknown as DocumentNode<CitizenPreferencesQuery, CitizenPreferencesQueryVariables>;
export const CitizenUpdatePreferencesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CitizenUpdatePreferences"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateNotificationPreferencesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateNotificationPreferences"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CitizenPreferences"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CitizenPreferences"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NotificationPreferences"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"quietHoursStart"}},{"kind":"Field","name":{"kind":"Name","value":"quietHoursEnd"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"channels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"channels"}}]}},{"kind":"Field","name":{"kind":"Name","value":"familyContact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"consentAt"}}]}}]}}]} as unknown as DocumentNode<CitizenUpdatePreferencesMutation, CitizenUpdatePreferencesMutationVariables>;
export const CitizenMyDataDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CitizenMyData"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myPrivacy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CitizenPrivacy"}}]}},{"kind":"Field","name":{"kind":"Name","value":"myDataExports"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"readyAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CitizenPrivacy"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PrivacyStatus"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptedNoticeVersion"}},{"kind":"Field","name":{"kind":"Name","value":"currentNoticeVersion"}},{"kind":"Field","name":{"kind":"Name","value":"noticeAcceptanceRequired"}},{"kind":"Field","name":{"kind":"Name","value":"healthDataConsent"}},{"kind":"Field","name":{"kind":"Name","value":"familyContactConsent"}},{"kind":"Field","name":{"kind":"Name","value":"consents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"grantedAt"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawnAt"}},{"kind":"Field","name":{"kind":"Name","value":"noticeVersion"}}]}}]}}]} as unknown as DocumentNode<CitizenMyDataQuery, CitizenMyDataQueryVariables>;
export const CitizenAcceptNoticeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CitizenAcceptNotice"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptPrivacyNotice"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CitizenPrivacy"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CitizenPrivacy"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PrivacyStatus"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptedNoticeVersion"}},{"kind":"Field","name":{"kind":"Name","value":"currentNoticeVersion"}},{"kind":"Field","name":{"kind":"Name","value":"noticeAcceptanceRequired"}},{"kind":"Field","name":{"kind":"Name","value":"healthDataConsent"}},{"kind":"Field","name":{"kind":"Name","value":"familyContactConsent"}},{"kind":"Field","name":{"kind":"Name","value":"consents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"grantedAt"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawnAt"}},{"kind":"Field","name":{"kind":"Name","value":"noticeVersion"}}]}}]}}]} as unknown as DocumentNode<CitizenAcceptNoticeMutation, CitizenAcceptNoticeMutationVariables>;
export const CitizenGiveConsentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CitizenGiveConsent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kind"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ConsentKind"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"giveConsent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kind"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CitizenPrivacy"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CitizenPrivacy"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PrivacyStatus"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptedNoticeVersion"}},{"kind":"Field","name":{"kind":"Name","value":"currentNoticeVersion"}},{"kind":"Field","name":{"kind":"Name","value":"noticeAcceptanceRequired"}},{"kind":"Field","name":{"kind":"Name","value":"healthDataConsent"}},{"kind":"Field","name":{"kind":"Name","value":"familyContactConsent"}},{"kind":"Field","name":{"kind":"Name","value":"consents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"grantedAt"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawnAt"}},{"kind":"Field","name":{"kind":"Name","value":"noticeVersion"}}]}}]}}]} as unknown as DocumentNode<CitizenGiveConsentMutation, CitizenGiveConsentMutationVariables>;
export const CitizenWithdrawConsentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CitizenWithdrawConsent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kind"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ConsentKind"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"withdrawConsent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kind"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawn"}},{"kind":"Field","name":{"kind":"Name","value":"sensitiveNotesPurged"}},{"kind":"Field","name":{"kind":"Name","value":"familyNotificationsCancelled"}}]}}]}}]} as unknown as DocumentNode<CitizenWithdrawConsentMutation, CitizenWithdrawConsentMutationVariables>;
export const CitizenRequestDataExportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CitizenRequestDataExport"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestDataExport"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAt"}}]}}]}}]} as unknown as DocumentNode<CitizenRequestDataExportMutation, CitizenRequestDataExportMutationVariables>;
export const CitizenDataExportContentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CitizenDataExportContent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataExport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"content"}}]}}]}}]} as unknown as DocumentNode<CitizenDataExportContentQuery, CitizenDataExportContentQueryVariables>;
export const CitizenDeleteAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CitizenDeleteAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteMyAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"confirm"},"value":{"kind":"BooleanValue","value":true}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"needsCancelled"}},{"kind":"Field","name":{"kind":"Name","value":"engagementsCancelled"}}]}}]}}]} as unknown as DocumentNode<CitizenDeleteAccountMutation, CitizenDeleteAccountMutationVariables>;
export const CitizenEngagementDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CitizenEngagement"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"engagement"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"needId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"helperName"}},{"kind":"Field","name":{"kind":"Name","value":"organisationId"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}}]}}]}}]} as unknown as DocumentNode<CitizenEngagementQuery, CitizenEngagementQueryVariables>;
export const BatchPlanCandidatesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BatchPlanCandidates"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"runId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"needId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"batchPlanCandidates"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"runId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"runId"}}},{"kind":"Argument","name":{"kind":"Name","value":"needId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"needId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"helperKind"}},{"kind":"Field","name":{"kind":"Name","value":"helperUserId"}},{"kind":"Field","name":{"kind":"Name","value":"organisationId"}},{"kind":"Field","name":{"kind":"Name","value":"helperName"}},{"kind":"Field","name":{"kind":"Name","value":"meters"}},{"kind":"Field","name":{"kind":"Name","value":"alreadyAsked"}},{"kind":"Field","name":{"kind":"Name","value":"current"}},{"kind":"Field","name":{"kind":"Name","value":"otherNeeds"}}]}}]}}]} as unknown as DocumentNode<BatchPlanCandidatesQuery, BatchPlanCandidatesQueryVariables>;
export const EditBatchPlanEntryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EditBatchPlanEntry"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EditBatchPlanEntryInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"editBatchPlanEntry"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"run"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BatchRunFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"entry"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BatchPlanEntryFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BatchRunFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BatchAssignmentRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"territoryId"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"scheduled"}},{"kind":"Field","name":{"kind":"Name","value":"windowStart"}},{"kind":"Field","name":{"kind":"Name","value":"windowEnd"}},{"kind":"Field","name":{"kind":"Name","value":"needsCount"}},{"kind":"Field","name":{"kind":"Name","value":"helpersCount"}},{"kind":"Field","name":{"kind":"Name","value":"served"}},{"kind":"Field","name":{"kind":"Name","value":"totalMeters"}},{"kind":"Field","name":{"kind":"Name","value":"greedyServed"}},{"kind":"Field","name":{"kind":"Name","value":"greedyMeters"}},{"kind":"Field","name":{"kind":"Name","value":"proposalsSent"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"plannedAt"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"edits"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BatchPlanEntryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BatchPlanEntry"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"needId"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"comuneIstat"}},{"kind":"Field","name":{"kind":"Name","value":"windowStart"}},{"kind":"Field","name":{"kind":"Name","value":"helperKind"}},{"kind":"Field","name":{"kind":"Name","value":"helperName"}},{"kind":"Field","name":{"kind":"Name","value":"helperUserId"}},{"kind":"Field","name":{"kind":"Name","value":"organisationId"}},{"kind":"Field","name":{"kind":"Name","value":"meters"}},{"kind":"Field","name":{"kind":"Name","value":"alreadyAsked"}}]}}]} as unknown as DocumentNode<EditBatchPlanEntryMutation, EditBatchPlanEntryMutationVariables>;
export const ConsoleTerritorySearchDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleTerritorySearch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"territories"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleTerritorySearchQuery, ConsoleTerritorySearchQueryVariables>;
export const AdminFailedNotificationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminFailedNotifications"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"failedNotifications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"recipient"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"gateway"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<AdminFailedNotificationsQuery, AdminFailedNotificationsQueryVariables>;
export const AdminReplayNotificationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminReplayNotification"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replayNotification"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]} as unknown as DocumentNode<AdminReplayNotificationMutation, AdminReplayNotificationMutationVariables>;
export const AdminOpenQueueDashboardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminOpenQueueDashboard"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"openQueueDashboard"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<AdminOpenQueueDashboardMutation, AdminOpenQueueDashboardMutationVariables>;
export const AdminTerritoryStaffDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminTerritoryStaff"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"territoryId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"territoryStaffPage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"territoryId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"territoryId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"id"},"name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"phoneE164"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<AdminTerritoryStaffQuery, AdminTerritoryStaffQueryVariables>;
export const AdminGrantStaffRoleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminGrantStaffRole"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GrantStaffRoleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grantStaffRole"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"territoryId"}}]}}]}}]} as unknown as DocumentNode<AdminGrantStaffRoleMutation, AdminGrantStaffRoleMutationVariables>;
export const AdminRevokeStaffRoleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminRevokeStaffRole"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GrantStaffRoleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeStaffRole"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}]}]}}]} as unknown as DocumentNode<AdminRevokeStaffRoleMutation, AdminRevokeStaffRoleMutationVariables>;
export const AdminTerritoriesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminTerritories"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"territories"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"comuni"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"istat"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<AdminTerritoriesQuery, AdminTerritoriesQueryVariables>;
export const AdminTerritoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminTerritory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"territory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"comuni"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"istat"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"provinceCode"}}]}}]}}]}}]} as unknown as DocumentNode<AdminTerritoryQuery, AdminTerritoryQueryVariables>;
export const AdminCreateTerritoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminCreateTerritory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateTerritoryInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createTerritory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<AdminCreateTerritoryMutation, AdminCreateTerritoryMutationVariables>;
export const AdminSetTerritoryComuniDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminSetTerritoryComuni"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetTerritoryComuniInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setTerritoryComuni"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"comuni"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"istat"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"provinceCode"}}]}}]}}]}}]} as unknown as DocumentNode<AdminSetTerritoryComuniMutation, AdminSetTerritoryComuniMutationVariables>;
export const BatchAssignmentRunPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BatchAssignmentRunPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"batchAssignmentRun"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BatchRunFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BatchRunFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BatchAssignmentRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"territoryId"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"scheduled"}},{"kind":"Field","name":{"kind":"Name","value":"windowStart"}},{"kind":"Field","name":{"kind":"Name","value":"windowEnd"}},{"kind":"Field","name":{"kind":"Name","value":"needsCount"}},{"kind":"Field","name":{"kind":"Name","value":"helpersCount"}},{"kind":"Field","name":{"kind":"Name","value":"served"}},{"kind":"Field","name":{"kind":"Name","value":"totalMeters"}},{"kind":"Field","name":{"kind":"Name","value":"greedyServed"}},{"kind":"Field","name":{"kind":"Name","value":"greedyMeters"}},{"kind":"Field","name":{"kind":"Name","value":"proposalsSent"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"plannedAt"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"edits"}}]}}]} as unknown as DocumentNode<BatchAssignmentRunPageQuery, BatchAssignmentRunPageQueryVariables>;
export const ComuneCallsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ComuneCalls"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"territoryId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"comuneCallsToAction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"territoryId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"territoryId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PublisherCallFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CallToActionSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CallToAction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"categories"}},{"kind":"Field","name":{"kind":"Name","value":"alwaysOpen"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"volunteersWanted"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedCount"}},{"kind":"Field","name":{"kind":"Name","value":"places"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"istat"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"publisher"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PublisherCallFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CallToAction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CallToActionSummary"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"moderationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"pendingAnswerCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<ComuneCallsQuery, ComuneCallsQueryVariables>;
export const CloseCallDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CloseCall"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CloseCallToActionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"closeCallToAction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}}]}}]}}]} as unknown as DocumentNode<CloseCallMutation, CloseCallMutationVariables>;
export const PublishCallDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PublishCall"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PublishCallToActionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publishCallToAction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]} as unknown as DocumentNode<PublishCallMutation, PublishCallMutationVariables>;
export const CallAnswersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CallAnswers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"callId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"callAnswers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"callId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"callId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"comuneIstats"}},{"kind":"Field","name":{"kind":"Name","value":"volunteer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"comuneName"}},{"kind":"Field","name":{"kind":"Name","value":"skills"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<CallAnswersQuery, CallAnswersQueryVariables>;
export const AcceptCallAnswerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AcceptCallAnswer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptCallAnswer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"answerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<AcceptCallAnswerMutation, AcceptCallAnswerMutationVariables>;
export const DeclineCallAnswerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeclineCallAnswer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"declineCallAnswer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"answerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<DeclineCallAnswerMutation, DeclineCallAnswerMutationVariables>;
export const ConsoleFindComuniDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleFindComuni"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"comuni"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"istat"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"provinceCode"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleFindComuniQuery, ConsoleFindComuniQueryVariables>;
export const EtsOrganisationNamesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EtsOrganisationNames"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myOrganisations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"homeComuneIstat"}}]}}]}}]} as unknown as DocumentNode<EtsOrganisationNamesQuery, EtsOrganisationNamesQueryVariables>;
export const EtsMyInvitationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EtsMyInvitations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myOrganisationInvitations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"organisationId"}},{"kind":"Field","name":{"kind":"Name","value":"organisationName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<EtsMyInvitationsQuery, EtsMyInvitationsQueryVariables>;
export const EtsAcceptInvitationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EtsAcceptInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptOrganisationInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"invitationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisationId"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<EtsAcceptInvitationMutation, EtsAcceptInvitationMutationVariables>;
export const EtsDeclineInvitationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EtsDeclineInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"declineOrganisationInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"invitationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}]}]}}]} as unknown as DocumentNode<EtsDeclineInvitationMutation, EtsDeclineInvitationMutationVariables>;
export const EtsMembersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EtsMembers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisationMembers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"organisationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"since"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<EtsMembersQuery, EtsMembersQueryVariables>;
export const EtsSentInvitationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EtsSentInvitations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisationInvitations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"organisationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<EtsSentInvitationsQuery, EtsSentInvitationsQueryVariables>;
export const EtsInviteMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EtsInviteMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InviteOrganisationMemberInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inviteOrganisationMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"invitationExpiresAt"}}]}}]}}]} as unknown as DocumentNode<EtsInviteMemberMutation, EtsInviteMemberMutationVariables>;
export const EtsRevokeInvitationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EtsRevokeInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeOrganisationInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"invitationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}]}]}}]} as unknown as DocumentNode<EtsRevokeInvitationMutation, EtsRevokeInvitationMutationVariables>;
export const EtsRemoveMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EtsRemoveMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RemoveOrganisationMemberInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeOrganisationMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}]}]}}]} as unknown as DocumentNode<EtsRemoveMemberMutation, EtsRemoveMemberMutationVariables>;
export const EtsOffersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EtsOffers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisationServiceOffers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"organisationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"moderationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<EtsOffersQuery, EtsOffersQueryVariables>;
export const EtsOfferDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EtsOffer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serviceOffer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"organisationId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"targetGroups"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"area"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"comuneIstatCodes"}},{"kind":"Field","name":{"kind":"Name","value":"centre"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lat"}},{"kind":"Field","name":{"kind":"Name","value":"lon"}}]}},{"kind":"Field","name":{"kind":"Name","value":"radiusKm"}}]}},{"kind":"Field","name":{"kind":"Name","value":"schedule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dayOfWeek"}},{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}}]}},{"kind":"Field","name":{"kind":"Name","value":"capacity"}},{"kind":"Field","name":{"kind":"Name","value":"languages"}},{"kind":"Field","name":{"kind":"Name","value":"accessibilityNotes"}},{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"bands"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"people"}},{"kind":"Field","name":{"kind":"Name","value":"centsPerHourEach"}}]}},{"kind":"Field","name":{"kind":"Name","value":"vouchersAccepted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"vehicle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seats"}},{"kind":"Field","name":{"kind":"Name","value":"wheelchairAccessible"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"moderationStatus"}}]}}]}}]} as unknown as DocumentNode<EtsOfferQuery, EtsOfferQueryVariables>;
export const OfferAreaComuniDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OfferAreaComuni"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"istat"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"territoriesOfComune"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"istat"},"value":{"kind":"Variable","name":{"kind":"Name","value":"istat"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"comuni"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"istat"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<OfferAreaComuniQuery, OfferAreaComuniQueryVariables>;
export const CreateServiceOfferConsoleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateServiceOfferConsole"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateServiceOfferInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createServiceOffer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"moderationStatus"}}]}}]}}]} as unknown as DocumentNode<CreateServiceOfferConsoleMutation, CreateServiceOfferConsoleMutationVariables>;
export const EtsUpdateOfferDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EtsUpdateOffer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateServiceOfferInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateServiceOffer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"moderationStatus"}}]}}]}}]} as unknown as DocumentNode<EtsUpdateOfferMutation, EtsUpdateOfferMutationVariables>;
export const EtsPauseOfferDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EtsPauseOffer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PauseServiceOfferInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pauseServiceOffer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<EtsPauseOfferMutation, EtsPauseOfferMutationVariables>;
export const EtsArchiveOfferDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EtsArchiveOffer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ArchiveServiceOfferInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"archiveServiceOffer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<EtsArchiveOfferMutation, EtsArchiveOfferMutationVariables>;
export const EtsResumeOfferDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EtsResumeOffer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resumeServiceOffer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<EtsResumeOfferMutation, EtsResumeOfferMutationVariables>;
export const EtsProposalsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EtsProposals"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"statuses"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ProposalStatus"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisationProposals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"organisationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}}},{"kind":"Argument","name":{"kind":"Name","value":"statuses"},"value":{"kind":"Variable","name":{"kind":"Name","value":"statuses"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"needId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"assignedByUserId"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProposalWhy"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProposalWhy"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MatchProposal"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"whyThisHelper"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"}},{"kind":"Field","name":{"kind":"Name","value":"contribution"}}]}}]}}]} as unknown as DocumentNode<EtsProposalsQuery, EtsProposalsQueryVariables>;
export const EtsEngagementsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EtsEngagements"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisationEngagements"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"organisationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"needId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"hoursLogged"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<EtsEngagementsQuery, EtsEngagementsQueryVariables>;
export const EtsReviewsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EtsReviews"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisationReviews"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"organisationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subjectType"}},{"kind":"Field","name":{"kind":"Name","value":"subjectId"}},{"kind":"Field","name":{"kind":"Name","value":"overallStars"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"scores"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"criterion"}},{"kind":"Field","name":{"kind":"Name","value":"stars"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reply"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<EtsReviewsQuery, EtsReviewsQueryVariables>;
export const EtsOfferTitlesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EtsOfferTitles"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisationServiceOffers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"organisationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}}},{"kind":"Argument","name":{"kind":"Name","value":"includeArchived"},"value":{"kind":"BooleanValue","value":true}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]}}]} as unknown as DocumentNode<EtsOfferTitlesQuery, EtsOfferTitlesQueryVariables>;
export const EtsReplyToReviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EtsReplyToReview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReplyToReviewInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replyToReview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reply"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}}]}}]}}]}}]} as unknown as DocumentNode<EtsReplyToReviewMutation, EtsReplyToReviewMutationVariables>;
export const EtsCallsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EtsCalls"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisationCallsToAction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"organisationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PublisherCallFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CallToActionSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CallToAction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"categories"}},{"kind":"Field","name":{"kind":"Name","value":"alwaysOpen"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"volunteersWanted"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedCount"}},{"kind":"Field","name":{"kind":"Name","value":"places"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"istat"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"publisher"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PublisherCallFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CallToAction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CallToActionSummary"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"moderationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"pendingAnswerCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<EtsCallsQuery, EtsCallsQueryVariables>;
export const EtsCareGroupsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EtsCareGroups"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CareGroupStatus"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisationCareGroups"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"organisationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"comuneIstat"}},{"kind":"Field","name":{"kind":"Name","value":"householdCount"}},{"kind":"Field","name":{"kind":"Name","value":"weeklyMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAt"}},{"kind":"Field","name":{"kind":"Name","value":"dissolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"sharedSchedule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dayOfWeek"}},{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}}]}},{"kind":"Field","name":{"kind":"Name","value":"offer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"needId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priceCentsPerHour"}},{"kind":"Field","name":{"kind":"Name","value":"individualPriceCentsPerHour"}},{"kind":"Field","name":{"kind":"Name","value":"weeklyCents"}},{"kind":"Field","name":{"kind":"Name","value":"individualWeeklyCents"}},{"kind":"Field","name":{"kind":"Name","value":"weeklySavingCents"}},{"kind":"Field","name":{"kind":"Name","value":"joinedAt"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAt"}},{"kind":"Field","name":{"kind":"Name","value":"leftAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<EtsCareGroupsQuery, EtsCareGroupsQueryVariables>;
export const AccreditationRequestsPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccreditationRequestsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AccreditationStatus"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"territoryId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accreditationRequests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"territoryId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"territoryId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"organisationId"}},{"kind":"Field","name":{"kind":"Name","value":"organisationName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]} as unknown as DocumentNode<AccreditationRequestsPageQuery, AccreditationRequestsPageQueryVariables>;
export const AccreditationOrganisationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccreditationOrganisation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"OrganisationFacts"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"accreditationHistory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"organisationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AccreditationHistoryFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrganisationFacts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Organisation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"codiceFiscale"}},{"kind":"Field","name":{"kind":"Name","value":"partitaIva"}},{"kind":"Field","name":{"kind":"Name","value":"runtsSection"}},{"kind":"Field","name":{"kind":"Name","value":"runtsNumber"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AccreditationHistoryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AccreditationHistoryEntry"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accreditationId"}},{"kind":"Field","name":{"kind":"Name","value":"territoryId"}},{"kind":"Field","name":{"kind":"Name","value":"fromStatus"}},{"kind":"Field","name":{"kind":"Name","value":"toStatus"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<AccreditationOrganisationQuery, AccreditationOrganisationQueryVariables>;
export const StartAccreditationReviewActionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartAccreditationReviewAction"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startAccreditationReview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"accreditationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<StartAccreditationReviewActionMutation, StartAccreditationReviewActionMutationVariables>;
export const DecideAccreditationActionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DecideAccreditationAction"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DecideAccreditationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decideAccreditation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]} as unknown as DocumentNode<DecideAccreditationActionMutation, DecideAccreditationActionMutationVariables>;
export const AuditTrailPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditTrailPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"territoryId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"actions"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"actorUserId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"entityId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditTrail"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"territoryId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"territoryId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"actions"},"value":{"kind":"Variable","name":{"kind":"Name","value":"actions"}}},{"kind":"Argument","name":{"kind":"Name","value":"actorUserId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"actorUserId"}}},{"kind":"Argument","name":{"kind":"Name","value":"entityId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"entityId"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"entityType"}},{"kind":"Field","name":{"kind":"Name","value":"entityId"}},{"kind":"Field","name":{"kind":"Name","value":"actorUserId"}},{"kind":"Field","name":{"kind":"Name","value":"actorName"}},{"kind":"Field","name":{"kind":"Name","value":"actorRoles"}},{"kind":"Field","name":{"kind":"Name","value":"details"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<AuditTrailPageQuery, AuditTrailPageQueryVariables>;
export const AuditTrailCsvFileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditTrailCsvFile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"territoryId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"actions"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"actorUserId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"entityId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditTrailCsv"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"territoryId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"territoryId"}}},{"kind":"Argument","name":{"kind":"Name","value":"actions"},"value":{"kind":"Variable","name":{"kind":"Name","value":"actions"}}},{"kind":"Argument","name":{"kind":"Name","value":"actorUserId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"actorUserId"}}},{"kind":"Argument","name":{"kind":"Name","value":"entityId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"entityId"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"csv"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"rowCount"}}]}}]}}]} as unknown as DocumentNode<AuditTrailCsvFileQuery, AuditTrailCsvFileQueryVariables>;
export const AuditTerritoryStaffDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditTerritoryStaff"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"territoryId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"territoryStaff"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"territoryId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"territoryId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"phoneE164"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}}]}}]}}]} as unknown as DocumentNode<AuditTerritoryStaffQuery, AuditTerritoryStaffQueryVariables>;
export const BatchAssignmentRunsPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BatchAssignmentRunsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"territoryId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"batchAssignmentRuns"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"territoryId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"territoryId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BatchRunFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BatchRunFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BatchAssignmentRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"territoryId"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"scheduled"}},{"kind":"Field","name":{"kind":"Name","value":"windowStart"}},{"kind":"Field","name":{"kind":"Name","value":"windowEnd"}},{"kind":"Field","name":{"kind":"Name","value":"needsCount"}},{"kind":"Field","name":{"kind":"Name","value":"helpersCount"}},{"kind":"Field","name":{"kind":"Name","value":"served"}},{"kind":"Field","name":{"kind":"Name","value":"totalMeters"}},{"kind":"Field","name":{"kind":"Name","value":"greedyServed"}},{"kind":"Field","name":{"kind":"Name","value":"greedyMeters"}},{"kind":"Field","name":{"kind":"Name","value":"proposalsSent"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"plannedAt"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"edits"}}]}}]} as unknown as DocumentNode<BatchAssignmentRunsPageQuery, BatchAssignmentRunsPageQueryVariables>;
export const RequestBatchPlanDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestBatchPlan"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RequestBatchAssignmentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestBatchAssignment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BatchRunFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BatchRunFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BatchAssignmentRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"territoryId"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"scheduled"}},{"kind":"Field","name":{"kind":"Name","value":"windowStart"}},{"kind":"Field","name":{"kind":"Name","value":"windowEnd"}},{"kind":"Field","name":{"kind":"Name","value":"needsCount"}},{"kind":"Field","name":{"kind":"Name","value":"helpersCount"}},{"kind":"Field","name":{"kind":"Name","value":"served"}},{"kind":"Field","name":{"kind":"Name","value":"totalMeters"}},{"kind":"Field","name":{"kind":"Name","value":"greedyServed"}},{"kind":"Field","name":{"kind":"Name","value":"greedyMeters"}},{"kind":"Field","name":{"kind":"Name","value":"proposalsSent"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"plannedAt"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"edits"}}]}}]} as unknown as DocumentNode<RequestBatchPlanMutation, RequestBatchPlanMutationVariables>;
export const BatchAssignmentPlanPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BatchAssignmentPlanPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"runId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"batchAssignmentPlan"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"runId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"runId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BatchPlanEntryFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BatchPlanEntryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BatchPlanEntry"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"needId"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"comuneIstat"}},{"kind":"Field","name":{"kind":"Name","value":"windowStart"}},{"kind":"Field","name":{"kind":"Name","value":"helperKind"}},{"kind":"Field","name":{"kind":"Name","value":"helperName"}},{"kind":"Field","name":{"kind":"Name","value":"helperUserId"}},{"kind":"Field","name":{"kind":"Name","value":"organisationId"}},{"kind":"Field","name":{"kind":"Name","value":"meters"}},{"kind":"Field","name":{"kind":"Name","value":"alreadyAsked"}}]}}]} as unknown as DocumentNode<BatchAssignmentPlanPageQuery, BatchAssignmentPlanPageQueryVariables>;
export const PublishBatchPlanDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PublishBatchPlan"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PublishBatchAssignmentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publishBatchAssignment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BatchRunFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BatchRunFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BatchAssignmentRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"territoryId"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"scheduled"}},{"kind":"Field","name":{"kind":"Name","value":"windowStart"}},{"kind":"Field","name":{"kind":"Name","value":"windowEnd"}},{"kind":"Field","name":{"kind":"Name","value":"needsCount"}},{"kind":"Field","name":{"kind":"Name","value":"helpersCount"}},{"kind":"Field","name":{"kind":"Name","value":"served"}},{"kind":"Field","name":{"kind":"Name","value":"totalMeters"}},{"kind":"Field","name":{"kind":"Name","value":"greedyServed"}},{"kind":"Field","name":{"kind":"Name","value":"greedyMeters"}},{"kind":"Field","name":{"kind":"Name","value":"proposalsSent"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"plannedAt"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"edits"}}]}}]} as unknown as DocumentNode<PublishBatchPlanMutation, PublishBatchPlanMutationVariables>;
export const DeskPostNeedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeskPostNeed"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PostNeedAtDeskInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"postNeedAtDesk"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<DeskPostNeedMutation, DeskPostNeedMutationVariables>;
export const DeskKnownPersonDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DeskKnownPerson"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deskPerson"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}},{"kind":"Field","name":{"kind":"Name","value":"comuneIstat"}},{"kind":"Field","name":{"kind":"Name","value":"consent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"healthDataAt"}}]}}]}}]}}]} as unknown as DocumentNode<DeskKnownPersonQuery, DeskKnownPersonQueryVariables>;
export const DeskPeopleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DeskPeople"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"territoryId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"phone"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deskPeople"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"territoryId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"territoryId"}}},{"kind":"Argument","name":{"kind":"Name","value":"phone"},"value":{"kind":"Variable","name":{"kind":"Name","value":"phone"}}},{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"comuneName"}},{"kind":"Field","name":{"kind":"Name","value":"needs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]} as unknown as DocumentNode<DeskPeopleQuery, DeskPeopleQueryVariables>;
export const DeskPersonDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DeskPerson"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deskPerson"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"comuneName"}},{"kind":"Field","name":{"kind":"Name","value":"registeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"consent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"recordedBy"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"witness"}},{"kind":"Field","name":{"kind":"Name","value":"healthDataAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"needs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"windowStart"}},{"kind":"Field","name":{"kind":"Name","value":"windowEnd"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]} as unknown as DocumentNode<DeskPersonQuery, DeskPersonQueryVariables>;
export const FollowUpOpenNeedsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FollowUpOpenNeeds"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"hours"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"comuneIstat"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"territoryNeeds"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"OPEN"}},{"kind":"Argument","name":{"kind":"Name","value":"unmatchedForHours"},"value":{"kind":"Variable","name":{"kind":"Name","value":"hours"}}},{"kind":"Argument","name":{"kind":"Name","value":"comuneIstat"},"value":{"kind":"Variable","name":{"kind":"Name","value":"comuneIstat"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"comuneIstat"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"windowStart"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]} as unknown as DocumentNode<FollowUpOpenNeedsQuery, FollowUpOpenNeedsQueryVariables>;
export const FollowUpUnmatchedNeedsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FollowUpUnmatchedNeeds"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"comuneIstat"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unmatchedNeeds"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"comuneIstat"},"value":{"kind":"Variable","name":{"kind":"Name","value":"comuneIstat"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"needId"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"comuneIstat"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"reasonText"}},{"kind":"Field","name":{"kind":"Name","value":"unmatchedAt"}},{"kind":"Field","name":{"kind":"Name","value":"windowStart"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]} as unknown as DocumentNode<FollowUpUnmatchedNeedsQuery, FollowUpUnmatchedNeedsQueryVariables>;
export const TerritoryIndicatorsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TerritoryIndicators"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"period"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"IndicatorFilterInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"monthly"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"IndicatorFilterInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"period"},"name":{"kind":"Name","value":"impactIndicators"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"period"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"demand"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"needsReceived"}},{"kind":"Field","name":{"kind":"Name","value":"needsMatched"}},{"kind":"Field","name":{"kind":"Name","value":"needsServed"}},{"kind":"Field","name":{"kind":"Name","value":"coverageRate"}},{"kind":"Field","name":{"kind":"Name","value":"medianHoursToMatch"}},{"kind":"Field","name":{"kind":"Name","value":"p90HoursToMatch"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reach"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"citizensReached"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unmatched"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"needs"}},{"kind":"Field","name":{"kind":"Name","value":"people"}}]}},{"kind":"Field","name":{"kind":"Name","value":"activity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"volunteerHours"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"monthly"},"name":{"kind":"Name","value":"impactIndicators"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"monthly"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"demand"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"needsReceived"}},{"kind":"Field","name":{"kind":"Name","value":"coverageRate"}},{"kind":"Field","name":{"kind":"Name","value":"medianHoursToMatch"}},{"kind":"Field","name":{"kind":"Name","value":"p90HoursToMatch"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reach"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"citizensReached"}}]}},{"kind":"Field","name":{"kind":"Name","value":"activity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"volunteerHours"}}]}}]}}]}}]} as unknown as DocumentNode<TerritoryIndicatorsQuery, TerritoryIndicatorsQueryVariables>;
export const ExportIndicatorsCsvFileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ExportIndicatorsCsvFile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"IndicatorExportInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"exportIndicatorsCsv"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"csv"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"rowCount"}}]}}]}}]} as unknown as DocumentNode<ExportIndicatorsCsvFileMutation, ExportIndicatorsCsvFileMutationVariables>;
export const ExportIndicatorsOpenDataFileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ExportIndicatorsOpenDataFile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"IndicatorExportInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"exportOpenDataCsv"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"csv"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"rowCount"}},{"kind":"Field","name":{"kind":"Name","value":"suppressedCells"}}]}}]}}]} as unknown as DocumentNode<ExportIndicatorsOpenDataFileMutation, ExportIndicatorsOpenDataFileMutationVariables>;
export const ModerationQueuePageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ModerationQueuePage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ModerationStatus"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"contentType"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ContentType"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"moderationQueue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"contentType"},"value":{"kind":"Variable","name":{"kind":"Name","value":"contentType"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contentId"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"comuneIstat"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"needsReview"}},{"kind":"Field","name":{"kind":"Name","value":"reportCount"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"category"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]} as unknown as DocumentNode<ModerationQueuePageQuery, ModerationQueuePageQueryVariables>;
export const ModerateContentItemDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ModerateContentItem"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ModerateContentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"moderateContent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contentId"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"needsReview"}}]}}]}}]} as unknown as DocumentNode<ModerateContentItemMutation, ModerateContentItemMutationVariables>;
export const ConsoleNeedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleNeed"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"need"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"comuneIstat"}},{"kind":"Field","name":{"kind":"Name","value":"windowStart"}},{"kind":"Field","name":{"kind":"Name","value":"windowEnd"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"hasSensitiveNotes"}},{"kind":"Field","name":{"kind":"Name","value":"beneficiary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"consentRecordedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"details"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ride"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pickupPlace"}},{"kind":"Field","name":{"kind":"Name","value":"destinationPlace"}},{"kind":"Field","name":{"kind":"Name","value":"appointmentAt"}},{"kind":"Field","name":{"kind":"Name","value":"pickupAt"}},{"kind":"Field","name":{"kind":"Name","value":"returnAt"}},{"kind":"Field","name":{"kind":"Name","value":"wheelchair"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleNeedQuery, ConsoleNeedQueryVariables>;
export const ConsoleNeedNotesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleNeedNotes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"need"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sensitiveNotes"}}]}}]}}]} as unknown as DocumentNode<ConsoleNeedNotesQuery, ConsoleNeedNotesQueryVariables>;
export const ConsoleNeedCandidatesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleNeedCandidates"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"needId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"needCandidates"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"needId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"needId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"helperUserId"}},{"kind":"Field","name":{"kind":"Name","value":"organisationId"}},{"kind":"Field","name":{"kind":"Name","value":"helperName"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"distanceKm"}},{"kind":"Field","name":{"kind":"Name","value":"whyThisHelper"}}]}},{"kind":"Field","name":{"kind":"Name","value":"needProposals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"needId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"needId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"helperName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"assignedByUserId"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"whyThisHelper"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleNeedCandidatesQuery, ConsoleNeedCandidatesQueryVariables>;
export const ConsoleAssignHelperDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleAssignHelper"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AssignHelperInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assignHelper"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"helperName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ConsoleAssignHelperMutation, ConsoleAssignHelperMutationVariables>;
export const MyOrganisationsConsoleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyOrganisationsConsole"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myOrganisations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"OrganisationFacts"}},{"kind":"Field","name":{"kind":"Name","value":"homeComuneIstat"}},{"kind":"Field","name":{"kind":"Name","value":"accreditations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"territoryId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrganisationFacts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Organisation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"codiceFiscale"}},{"kind":"Field","name":{"kind":"Name","value":"partitaIva"}},{"kind":"Field","name":{"kind":"Name","value":"runtsSection"}},{"kind":"Field","name":{"kind":"Name","value":"runtsNumber"}}]}}]} as unknown as DocumentNode<MyOrganisationsConsoleQuery, MyOrganisationsConsoleQueryVariables>;
export const RegisterOrganisationConsoleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RegisterOrganisationConsole"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterOrganisationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registerOrganisation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<RegisterOrganisationConsoleMutation, RegisterOrganisationConsoleMutationVariables>;
export const TerritoriesOfComuneDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TerritoriesOfComune"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"istat"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"territoriesOfComune"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"istat"},"value":{"kind":"Variable","name":{"kind":"Name","value":"istat"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<TerritoriesOfComuneQuery, TerritoriesOfComuneQueryVariables>;
export const RequestAccreditationConsoleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestAccreditationConsole"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RequestAccreditationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestAccreditation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<RequestAccreditationConsoleMutation, RequestAccreditationConsoleMutationVariables>;
export const OrganisationAccreditationHistoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrganisationAccreditationHistory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accreditationHistory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"organisationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AccreditationHistoryFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AccreditationHistoryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AccreditationHistoryEntry"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accreditationId"}},{"kind":"Field","name":{"kind":"Name","value":"territoryId"}},{"kind":"Field","name":{"kind":"Name","value":"fromStatus"}},{"kind":"Field","name":{"kind":"Name","value":"toStatus"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<OrganisationAccreditationHistoryQuery, OrganisationAccreditationHistoryQueryVariables>;
export const TerritoryDemandSupplyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TerritoryDemandSupply"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"IndicatorFilterInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"territoryId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"category"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"NeedCategory"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"impactIndicators"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"demand"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"comuneIstat"}},{"kind":"Field","name":{"kind":"Name","value":"needsReceived"}},{"kind":"Field","name":{"kind":"Name","value":"coverageRate"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"territorySupply"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"territoryId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"territoryId"}}},{"kind":"Argument","name":{"kind":"Name","value":"category"},"value":{"kind":"Variable","name":{"kind":"Name","value":"category"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"comuneIstat"}},{"kind":"Field","name":{"kind":"Name","value":"volunteers"}},{"kind":"Field","name":{"kind":"Name","value":"serviceOffers"}},{"kind":"Field","name":{"kind":"Name","value":"openNeeds"}}]}}]}}]} as unknown as DocumentNode<TerritoryDemandSupplyQuery, TerritoryDemandSupplyQueryVariables>;
export const TerritorySettingsPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TerritorySettingsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"territoryId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"territory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"territoryId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"deskPhone"}},{"kind":"Field","name":{"kind":"Name","value":"deskHours"}}]}},{"kind":"Field","name":{"kind":"Name","value":"territoryMatchingSettings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"territoryId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"territoryId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"territoryId"}},{"kind":"Field","name":{"kind":"Name","value":"citizenConfirmationRequired"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledBatchAssignment"}}]}},{"kind":"Field","name":{"kind":"Name","value":"territoryStaffStepUp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"territoryId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"territoryId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"territoryId"}},{"kind":"Field","name":{"kind":"Name","value":"setting"}},{"kind":"Field","name":{"kind":"Name","value":"platformDefault"}}]}},{"kind":"Field","name":{"kind":"Name","value":"moderationModes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"territoryId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"territoryId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}}]}}]}}]} as unknown as DocumentNode<TerritorySettingsPageQuery, TerritorySettingsPageQueryVariables>;
export const SaveTerritoryDeskDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SaveTerritoryDesk"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetTerritoryDeskInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setTerritoryDesk"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"deskPhone"}},{"kind":"Field","name":{"kind":"Name","value":"deskHours"}}]}}]}}]} as unknown as DocumentNode<SaveTerritoryDeskMutation, SaveTerritoryDeskMutationVariables>;
export const SaveTerritoryMatchingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SaveTerritoryMatching"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetTerritoryMatchingSettingsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setTerritoryMatchingSettings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"territoryId"}},{"kind":"Field","name":{"kind":"Name","value":"citizenConfirmationRequired"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledBatchAssignment"}}]}}]}}]} as unknown as DocumentNode<SaveTerritoryMatchingMutation, SaveTerritoryMatchingMutationVariables>;
export const SaveTerritoryStaffStepUpDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SaveTerritoryStaffStepUp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetTerritoryStaffStepUpInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setTerritoryStaffStepUp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"territoryId"}},{"kind":"Field","name":{"kind":"Name","value":"setting"}},{"kind":"Field","name":{"kind":"Name","value":"platformDefault"}}]}}]}}]} as unknown as DocumentNode<SaveTerritoryStaffStepUpMutation, SaveTerritoryStaffStepUpMutationVariables>;
export const SaveModerationModeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SaveModerationMode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetModerationModeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setModerationMode"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}]}]}}]} as unknown as DocumentNode<SaveModerationModeMutation, SaveModerationModeMutationVariables>;
export const ConsoleTerritoriesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleTerritories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myTerritories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleTerritoryFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleTerritoryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Territory"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"comuni"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"istat"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"lat"}},{"kind":"Field","name":{"kind":"Name","value":"lon"}}]}}]}}]} as unknown as DocumentNode<ConsoleTerritoriesQuery, ConsoleTerritoriesQueryVariables>;
export const ConsoleChosenTerritoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleChosenTerritory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"territory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleTerritoryFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleTerritoryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Territory"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"comuni"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"istat"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"lat"}},{"kind":"Field","name":{"kind":"Name","value":"lon"}}]}}]}}]} as unknown as DocumentNode<ConsoleChosenTerritoryQuery, ConsoleChosenTerritoryQueryVariables>;
export const ConsoleFirstTerritoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleFirstTerritory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"territories"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ConsoleTerritoryFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ConsoleTerritoryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Territory"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"comuni"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"istat"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"lat"}},{"kind":"Field","name":{"kind":"Name","value":"lon"}}]}}]}}]} as unknown as DocumentNode<ConsoleFirstTerritoryQuery, ConsoleFirstTerritoryQueryVariables>;
export const AcceptProposalDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AcceptProposal"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptProposal"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"proposalId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<AcceptProposalMutation, AcceptProposalMutationVariables>;
export const DeclineProposalDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeclineProposal"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"declineProposal"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"proposalId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<DeclineProposalMutation, DeclineProposalMutationVariables>;
export const StartEngagementDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartEngagement"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startEngagement"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"engagementId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}}]}}]}}]} as unknown as DocumentNode<StartEngagementMutation, StartEngagementMutationVariables>;
export const CompleteEngagementDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CompleteEngagement"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"hours"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Float"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"completeEngagement"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"engagementId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"hoursLogged"},"value":{"kind":"Variable","name":{"kind":"Name","value":"hours"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"hoursLogged"}}]}}]}}]} as unknown as DocumentNode<CompleteEngagementMutation, CompleteEngagementMutationVariables>;
export const CancelEngagementDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelEngagement"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelEngagement"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"engagementId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<CancelEngagementMutation, CancelEngagementMutationVariables>;
export const EngagementMessagesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EngagementMessages"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"engagementId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"engagementMessages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"engagementId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"engagementId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"mine"}},{"kind":"Field","name":{"kind":"Name","value":"senderName"}},{"kind":"Field","name":{"kind":"Name","value":"side"}},{"kind":"Field","name":{"kind":"Name","value":"viaSms"}},{"kind":"Field","name":{"kind":"Name","value":"moderationStatus"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]} as unknown as DocumentNode<EngagementMessagesQuery, EngagementMessagesQueryVariables>;
export const SendEngagementMessageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SendEngagementMessage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SendEngagementMessageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendEngagementMessage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"moderationStatus"}}]}}]}}]} as unknown as DocumentNode<SendEngagementMessageMutation, SendEngagementMessageMutationVariables>;
export const MyAreaInvitationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyAreaInvitations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myOrganisationInvitations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"organisationName"}}]}}]}}]} as unknown as DocumentNode<MyAreaInvitationsQuery, MyAreaInvitationsQueryVariables>;
export const MyAreaToDoDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyAreaToDo"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"volunteer"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myNeeds"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"engagement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"myProposals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"volunteer"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"myEngagements"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"volunteer"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"helperUserId"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"myNotifications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}},{"kind":"Argument","name":{"kind":"Name","value":"unreadOnly"},"value":{"kind":"BooleanValue","value":true}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unreadCount"}}]}}]}}]} as unknown as DocumentNode<MyAreaToDoQuery, MyAreaToDoQueryVariables>;
export const MyAreaUnmatchedToDoDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyAreaUnmatchedToDo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unmatchedNeeds"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"needId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]} as unknown as DocumentNode<MyAreaUnmatchedToDoQuery, MyAreaUnmatchedToDoQueryVariables>;
export const MyAreaOpenLongToDoDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyAreaOpenLongToDo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"territoryNeeds"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"OPEN"}},{"kind":"Argument","name":{"kind":"Name","value":"unmatchedForHours"},"value":{"kind":"IntValue","value":"24"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]} as unknown as DocumentNode<MyAreaOpenLongToDoQuery, MyAreaOpenLongToDoQueryVariables>;
export const MyAreaComuneCallsToDoDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyAreaComuneCallsToDo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"comuneCallsToAction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"withPendingAnswers"},"value":{"kind":"BooleanValue","value":true}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"pendingAnswerCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]} as unknown as DocumentNode<MyAreaComuneCallsToDoQuery, MyAreaComuneCallsToDoQueryVariables>;
export const MyAreaReviewToDoDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyAreaReviewToDo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"moderationQueue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contentId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]} as unknown as DocumentNode<MyAreaReviewToDoQuery, MyAreaReviewToDoQueryVariables>;
export const MyAreaAccreditationsToDoDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyAreaAccreditationsToDo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accreditationRequests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]} as unknown as DocumentNode<MyAreaAccreditationsToDoQuery, MyAreaAccreditationsToDoQueryVariables>;
export const MyAreaCallsAcceptedToDoDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyAreaCallsAcceptedToDo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myCallAnswers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"call"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MyAreaCallsAcceptedToDoQuery, MyAreaCallsAcceptedToDoQueryVariables>;
export const MyAreaOrganisationToDoDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyAreaOrganisationToDo"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"admin"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisationProposals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"organisationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}}},{"kind":"Argument","name":{"kind":"Name","value":"statuses"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"PENDING"}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"organisationCallsToAction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"organisationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}}},{"kind":"Argument","name":{"kind":"Name","value":"withPendingAnswers"},"value":{"kind":"BooleanValue","value":true}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"admin"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"pendingAnswerCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]} as unknown as DocumentNode<MyAreaOrganisationToDoQuery, MyAreaOrganisationToDoQueryVariables>;
export const IdentityProvidersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"IdentityProviders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"identityProviders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"entityId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<IdentityProvidersQuery, IdentityProvidersQueryVariables>;
export const StartIdentitySignInDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartIdentitySignIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StartIdentityProviderSignInInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startIdentityProviderSignIn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"authorizationUrl"}}]}}]}}]} as unknown as DocumentNode<StartIdentitySignInMutation, StartIdentitySignInMutationVariables>;
export const RefreshWebSessionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RefreshWebSession"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refreshSession"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SessionTokens"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SessionUser"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"phoneE164"}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"territoryId"}},{"kind":"Field","name":{"kind":"Name","value":"organisationId"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SessionTokens"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokenExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"authLevel"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SessionUser"}}]}}]}}]} as unknown as DocumentNode<RefreshWebSessionMutation, RefreshWebSessionMutationVariables>;
export const RequestPhoneCodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestPhoneCode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RequestPhoneVerificationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestPhoneVerification"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"resendAfterSeconds"}}]}}]}}]} as unknown as DocumentNode<RequestPhoneCodeMutation, RequestPhoneCodeMutationVariables>;
export const VerifyPhoneCodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"VerifyPhoneCode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"VerifyPhoneInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verifyPhone"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SessionTokens"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SessionUser"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"phoneE164"}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"territoryId"}},{"kind":"Field","name":{"kind":"Name","value":"organisationId"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SessionTokens"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokenExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"authLevel"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SessionUser"}}]}}]}}]} as unknown as DocumentNode<VerifyPhoneCodeMutation, VerifyPhoneCodeMutationVariables>;
export const SignOutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignOut"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signOut"}}]}}]} as unknown as DocumentNode<SignOutMutation, SignOutMutationVariables>;
export const PrivacyNoticeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PrivacyNotice"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"language"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"privacyNotice"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"language"},"value":{"kind":"Variable","name":{"kind":"Name","value":"language"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}}]}}]}}]} as unknown as DocumentNode<PrivacyNoticeQuery, PrivacyNoticeQueryVariables>;
export const VolunteerHomeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VolunteerHome"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"myVolunteerProfile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"moderationStatus"}}]}},{"kind":"Field","name":{"kind":"Name","value":"myAvailability"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"myProposals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"myEngagements"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"helperUserId"}}]}}]}}]}}]} as unknown as DocumentNode<VolunteerHomeQuery, VolunteerHomeQueryVariables>;
export const MyVolunteerProfileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyVolunteerProfile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myVolunteerProfile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"VolunteerProfileFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"VolunteerProfileFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MyVolunteerProfile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"bio"}},{"kind":"Field","name":{"kind":"Name","value":"categories"}},{"kind":"Field","name":{"kind":"Name","value":"languages"}},{"kind":"Field","name":{"kind":"Name","value":"skills"}},{"kind":"Field","name":{"kind":"Name","value":"comuneIstat"}},{"kind":"Field","name":{"kind":"Name","value":"comuneName"}},{"kind":"Field","name":{"kind":"Name","value":"homeLat"}},{"kind":"Field","name":{"kind":"Name","value":"homeLon"}},{"kind":"Field","name":{"kind":"Name","value":"travelRadiusKm"}},{"kind":"Field","name":{"kind":"Name","value":"weeklyHourLimit"}},{"kind":"Field","name":{"kind":"Name","value":"moderationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"organisationId"}},{"kind":"Field","name":{"kind":"Name","value":"vehicle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seats"}},{"kind":"Field","name":{"kind":"Name","value":"wheelchairAccessible"}}]}}]}}]} as unknown as DocumentNode<MyVolunteerProfileQuery, MyVolunteerProfileQueryVariables>;
export const UpsertVolunteerProfileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpsertVolunteerProfile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpsertVolunteerProfileInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upsertVolunteerProfile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"VolunteerProfileFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"VolunteerProfileFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MyVolunteerProfile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"bio"}},{"kind":"Field","name":{"kind":"Name","value":"categories"}},{"kind":"Field","name":{"kind":"Name","value":"languages"}},{"kind":"Field","name":{"kind":"Name","value":"skills"}},{"kind":"Field","name":{"kind":"Name","value":"comuneIstat"}},{"kind":"Field","name":{"kind":"Name","value":"comuneName"}},{"kind":"Field","name":{"kind":"Name","value":"homeLat"}},{"kind":"Field","name":{"kind":"Name","value":"homeLon"}},{"kind":"Field","name":{"kind":"Name","value":"travelRadiusKm"}},{"kind":"Field","name":{"kind":"Name","value":"weeklyHourLimit"}},{"kind":"Field","name":{"kind":"Name","value":"moderationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"organisationId"}},{"kind":"Field","name":{"kind":"Name","value":"vehicle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seats"}},{"kind":"Field","name":{"kind":"Name","value":"wheelchairAccessible"}}]}}]}}]} as unknown as DocumentNode<UpsertVolunteerProfileMutation, UpsertVolunteerProfileMutationVariables>;
export const VolunteerSearchComuniDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VolunteerSearchComuni"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"comuni"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"8"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ComunePlace"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ComunePlace"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Comune"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"istat"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"provinceCode"}},{"kind":"Field","name":{"kind":"Name","value":"lat"}},{"kind":"Field","name":{"kind":"Name","value":"lon"}}]}}]} as unknown as DocumentNode<VolunteerSearchComuniQuery, VolunteerSearchComuniQueryVariables>;
export const MyAvailabilityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyAvailability"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myAvailability"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"dayOfWeek"}},{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"myVolunteerProfile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"weeklyHourLimit"}}]}}]}}]} as unknown as DocumentNode<MyAvailabilityQuery, MyAvailabilityQueryVariables>;
export const AddAvailabilityWindowDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddAvailabilityWindow"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AvailabilityWindowInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addAvailabilityWindow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<AddAvailabilityWindowMutation, AddAvailabilityWindowMutationVariables>;
export const RemoveAvailabilityWindowDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveAvailabilityWindow"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeAvailabilityWindow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<RemoveAvailabilityWindowMutation, RemoveAvailabilityWindowMutationVariables>;
export const MyProposalsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyProposals"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myProposals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"needId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"distanceKm"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProposalWhy"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProposalWhy"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MatchProposal"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"whyThisHelper"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"}},{"kind":"Field","name":{"kind":"Name","value":"contribution"}}]}}]}}]} as unknown as DocumentNode<MyProposalsQuery, MyProposalsQueryVariables>;
export const NeedForHelperDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NeedForHelper"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"need"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"windowStart"}},{"kind":"Field","name":{"kind":"Name","value":"windowEnd"}},{"kind":"Field","name":{"kind":"Name","value":"accessibilityNeeds"}},{"kind":"Field","name":{"kind":"Name","value":"details"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ride"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appointmentAt"}},{"kind":"Field","name":{"kind":"Name","value":"pickupAt"}},{"kind":"Field","name":{"kind":"Name","value":"pickupPlace"}},{"kind":"Field","name":{"kind":"Name","value":"destinationPlace"}},{"kind":"Field","name":{"kind":"Name","value":"returnTripWanted"}},{"kind":"Field","name":{"kind":"Name","value":"returnAt"}},{"kind":"Field","name":{"kind":"Name","value":"wheelchair"}},{"kind":"Field","name":{"kind":"Name","value":"escortWaits"}},{"kind":"Field","name":{"kind":"Name","value":"passengers"}}]}}]}}]}}]}}]} as unknown as DocumentNode<NeedForHelperQuery, NeedForHelperQueryVariables>;
export const VolunteerNotificationReceivedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"VolunteerNotificationReceived"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"notificationReceived"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"body"}}]}}]}}]} as unknown as DocumentNode<VolunteerNotificationReceivedSubscription, VolunteerNotificationReceivedSubscriptionVariables>;
export const MyEngagementsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyEngagements"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"myEngagements"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"HelperEngagementFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HelperEngagementFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Engagement"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"needId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"hoursLogged"}},{"kind":"Field","name":{"kind":"Name","value":"helperUserId"}},{"kind":"Field","name":{"kind":"Name","value":"helperName"}}]}}]} as unknown as DocumentNode<MyEngagementsQuery, MyEngagementsQueryVariables>;
export const EngagementDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Engagement"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"engagement"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"HelperEngagementFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"myReviews"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"WRITTEN"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"engagementId"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HelperEngagementFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Engagement"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"needId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"hoursLogged"}},{"kind":"Field","name":{"kind":"Name","value":"helperUserId"}},{"kind":"Field","name":{"kind":"Name","value":"helperName"}}]}}]} as unknown as DocumentNode<EngagementQuery, EngagementQueryVariables>;
export const VolunteerWriteReviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"VolunteerWriteReview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WriteReviewInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"writeReview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"overallStars"}}]}}]}}]} as unknown as DocumentNode<VolunteerWriteReviewMutation, VolunteerWriteReviewMutationVariables>;
export const VolunteerReviewsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VolunteerReviews"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"afterReceived"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"afterWritten"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"received"},"name":{"kind":"Name","value":"myReviews"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"RECEIVED"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"afterReceived"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"VolunteerReview"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"written"},"name":{"kind":"Name","value":"myReviews"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"WRITTEN"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"afterWritten"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"VolunteerReview"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"subjectType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"VolunteerReview"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Review"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"overallStars"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"scores"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"criterion"}},{"kind":"Field","name":{"kind":"Name","value":"stars"}}]}}]}}]} as unknown as DocumentNode<VolunteerReviewsQuery, VolunteerReviewsQueryVariables>;
export const VolunteerCallsToActionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VolunteerCallsToAction"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"callsToAction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CallToActionSummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CallToActionSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CallToAction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"categories"}},{"kind":"Field","name":{"kind":"Name","value":"alwaysOpen"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"volunteersWanted"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedCount"}},{"kind":"Field","name":{"kind":"Name","value":"places"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"istat"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"publisher"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<VolunteerCallsToActionQuery, VolunteerCallsToActionQueryVariables>;
export const MyCallAnswersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyCallAnswers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myCallAnswers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"call"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CallToActionSummary"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CallToActionSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CallToAction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"categories"}},{"kind":"Field","name":{"kind":"Name","value":"alwaysOpen"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"volunteersWanted"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedCount"}},{"kind":"Field","name":{"kind":"Name","value":"places"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"istat"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"publisher"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<MyCallAnswersQuery, MyCallAnswersQueryVariables>;
export const AnswerCallToActionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AnswerCallToAction"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AnswerCallToActionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"answerCallToAction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<AnswerCallToActionMutation, AnswerCallToActionMutationVariables>;