// The requests' GraphQL enums, registered once (requests.types.ts re-exports them).

import { CATEGORY_VALUES, CategoryValue, registerGraphqlEnums } from '@prossimo/platform';
import { NeedStatus } from '../lifecycle/need-status';

export { NeedStatus };

/** Kinds of need: the shared CATEGORY_VALUES under the requests' GraphQL name, so needs and offers can meet. */
export const NeedCategory = { ...CATEGORY_VALUES };
export type NeedCategory = CategoryValue;

export enum NeedUrgency {
  LOW = 'low',
  NORMAL = 'normal',
  HIGH = 'high',
  URGENT = 'urgent',
}

export enum NeedSource {
  CITIZEN = 'citizen',
  DESK = 'desk',
  SENTINEL = 'sentinel',
}

export enum BeneficiaryKind {
  SELF = 'self',
  RELATIVE = 'relative',
  DESK = 'desk',
}

export enum AccessibilityNeed {
  WHEELCHAIR = 'wheelchair',
  REDUCED_MOBILITY = 'reduced_mobility',
  VISUAL_IMPAIRMENT = 'visual_impairment',
  HEARING_IMPAIRMENT = 'hearing_impairment',
  COGNITIVE_SUPPORT = 'cognitive_support',
  SIGN_LANGUAGE = 'sign_language',
  SERVICE_ANIMAL = 'service_animal',
}
registerGraphqlEnums(
  { NeedCategory, NeedStatus, NeedUrgency, NeedSource, BeneficiaryKind, AccessibilityNeed },
  {
    NeedStatus:
      'DRAFT → SUBMITTED (waiting for the Comune) → OPEN → MATCHED → IN_PROGRESS → COMPLETED; or CANCELLED, EXPIRED, REJECTED.',
    NeedSource: 'Who brought the need: the citizen in the app, a Comune desk, or a community sentinel.',
    BeneficiaryKind: 'SELF: the author. RELATIVE: a family member. DESK: a person recorded at a Comune desk.',
  },
);

/** Internal: what the person reading a need may see of its personal fields. */
export type NeedAccess = 'owner' | 'staff' | 'helper' | 'none';
