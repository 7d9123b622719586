import { DomainError } from '@prossimo/platform/rules';

export enum AccreditationStatus {
  SUBMITTED = 'submitted',
  UNDER_REVIEW = 'under_review',
  ACCREDITED = 'accredited',
  REJECTED = 'rejected',
  SUSPENDED = 'suspended',
}

/**
 * The accreditation life cycle. A rejected organisation may ask again; a suspended one may be
 * accredited again without a new review (the Comune lifts the suspension).
 */
export const ACCREDITATION_TRANSITIONS: Readonly<
  Record<AccreditationStatus | 'none', readonly AccreditationStatus[]>
> = {
  none: [AccreditationStatus.SUBMITTED],
  [AccreditationStatus.SUBMITTED]: [AccreditationStatus.UNDER_REVIEW],
  [AccreditationStatus.UNDER_REVIEW]: [AccreditationStatus.ACCREDITED, AccreditationStatus.REJECTED],
  [AccreditationStatus.ACCREDITED]: [AccreditationStatus.SUSPENDED],
  [AccreditationStatus.SUSPENDED]: [AccreditationStatus.ACCREDITED],
  [AccreditationStatus.REJECTED]: [AccreditationStatus.SUBMITTED],
};

export function canTransition(from: AccreditationStatus | null, to: AccreditationStatus): boolean {
  return ACCREDITATION_TRANSITIONS[from ?? 'none'].includes(to);
}

export function assertAccreditationTransition(
  from: AccreditationStatus | null,
  to: AccreditationStatus,
): void {
  if (!canTransition(from, to)) {
    throw new DomainError('ACCREDITATION_TRANSITION_INVALID', {
      field: 'status',
      params: { from: (from ?? 'none').toUpperCase(), to: to.toUpperCase() },
    });
  }
}
