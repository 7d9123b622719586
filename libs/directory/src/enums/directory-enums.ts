// The directory's GraphQL enums, registered once (directory.types.ts re-exports them).

import { PriceModel, PriceUnit } from '../offers/offer-rules';
import { registerGraphqlEnums } from '@prossimo/platform';
import { AccreditationStatus } from '../organisations/accreditation-rules';

export enum OrganisationKind {
  ETS = 'ets',
  SOCIAL_COOPERATIVE = 'social_cooperative',
  COMPANY = 'company',
  PUBLIC_BODY = 'public_body',
}

/** RUNTS sections (D.Lgs. 117/2017 art. 46). */
export enum RuntsSection {
  A = 'a',
  B = 'b',
  C = 'c',
  D = 'd',
  E = 'e',
  F = 'f',
  G = 'g',
}

export enum OrganisationMemberRole {
  ADMIN = 'admin',
  OPERATOR = 'operator',
}

export enum OrganisationMemberStatus {
  /** The person has the role now. */
  ACTIVE = 'active',
  /**
   * Invited: the person accepts or declines (a phone that has not signed up accepts by signing up
   * before the invitation expires). The same answer whether or not the number has signed up.
   */
  INVITED = 'invited',
}

export enum AccreditationDecision {
  ACCREDITED = 'accredited',
  REJECTED = 'rejected',
  SUSPENDED = 'suspended',
}

export enum ServiceOfferStatus {
  ACTIVE = 'active',
  /** Out of the catalogue and of matching until resumed; engagements already agreed go on. */
  PAUSED = 'paused',
  ARCHIVED = 'archived',
}

export enum ServiceOfferOrder {
  DISTANCE = 'distance',
  NEWEST = 'newest',
  RATING = 'rating',
  RELEVANCE = 'relevance',
}
registerGraphqlEnums(
  {
    OrganisationKind,
    RuntsSection,
    OrganisationMemberRole,
    OrganisationMemberStatus,
    AccreditationStatus,
    AccreditationDecision,
    PriceModel,
    PriceUnit,
    ServiceOfferStatus,
    ServiceOfferOrder,
  },
  {
    OrganisationKind: 'ETS (Third Sector body), social cooperative, company, or public body.',
    RuntsSection:
      'RUNTS section: A ODV, B APS, C enti filantropici, D imprese sociali (incl. cooperative sociali), ' +
      'E reti associative, F società di mutuo soccorso, G altri ETS.',
    AccreditationDecision:
      'ACCREDITED or REJECTED after review; SUSPENDED an accredited one; ACCREDITED again lifts it.',
    PriceModel: 'FREE; FIXED per hour or per service; SHARED with bands by number of people sharing.',
    ServiceOfferStatus:
      'ACTIVE (in the catalogue once published), PAUSED by the organisation (out of the catalogue and matching until resumed), ARCHIVED for good.',
    ServiceOfferOrder:
      'DISTANCE needs `near`. RATING: best Bayesian average of published reviews first (the offer’s own, else its organisation’s; below the minimum number of reviews, the prior). RELEVANCE needs `text`: best match of the words first (Italian stems, title above description).',
  },
);

export const ISTAT = /^\d{6}$/;
