// Who reviews whom, on which criteria, with which stars: the parts of writing a review that read no table.
import { DomainError } from '@prossimo/platform';
import { citizenSideUserId, EngagementSides } from './engagement-sides';
import { ReviewAuthorSide, ReviewCriteriaSet, ReviewSubjectKind } from './review.entity';
import { CRITERIA } from './review-rules';
import { ReviewScoresInput, ReviewSubjectType } from './review.types';

/** The side of the engagement the user is on, if any. */
export function sideOf(sides: EngagementSides, userId: string): ReviewAuthorSide | null {
  if (sides.helperUserId === userId) return 'helper';
  if (sides.citizenAuthorUserId === userId || sides.beneficiaryUserId === userId) return 'citizen';
  return null;
}

/** The helper reviews the citizen; the citizen reviews the volunteer, or the offer that served them. */
export function subjectOf(
  sides: EngagementSides,
  side: ReviewAuthorSide,
): {
  kind: ReviewSubjectKind;
  userId: string | null;
  organisationId: string | null;
  offerId: string | null;
} | null {
  if (side === 'helper') {
    const citizen = citizenSideUserId(sides);
    return citizen ? { kind: 'citizen', userId: citizen, organisationId: null, offerId: null } : null;
  }
  if (sides.serviceOfferId && sides.offerOrganisationId) {
    return {
      kind: 'offer',
      userId: null,
      organisationId: sides.offerOrganisationId,
      offerId: sides.serviceOfferId,
    };
  }
  return { kind: 'volunteer', userId: sides.helperUserId, organisationId: null, offerId: null };
}

export function subjectColumn(type: ReviewSubjectType): string {
  switch (type) {
    case ReviewSubjectType.OFFER:
      return 'r.subject_offer_id';
    case ReviewSubjectType.ORGANISATION:
      return 'r.subject_organisation_id';
    default:
      return 'r.subject_user_id';
  }
}

/**
 * The three stars of the subject's criteria set, in column order. On an edit, missing values keep
 * the current ones. Stars for the other set's criteria are an error naming the field.
 */
export function starsFor(
  set: ReviewCriteriaSet,
  input: ReviewScoresInput,
  current: [number, number, number] | undefined,
): [number, number, number] {
  const other = CRITERIA[set === 'person' ? 'service' : 'person'];
  for (const name of other) {
    if (
      input[name as keyof ReviewScoresInput] !== undefined &&
      input[name as keyof ReviewScoresInput] !== null
    ) {
      throw new DomainError('REVIEW_CRITERION_NOT_FOR_SUBJECT', { field: name, params: { field: name } });
    }
  }
  return CRITERIA[set].map((name, index) => {
    const value = input[name as keyof ReviewScoresInput] as number | undefined | null;
    if (value === undefined || value === null) {
      if (current) return current[index];
      throw new DomainError('FIELD_REQUIRED', { field: name, params: { field: name } });
    }
    return value;
  }) as [number, number, number];
}

export function cleanText(text: string | undefined | null): string | null {
  const trimmed = text?.trim();
  return trimmed ? trimmed : null;
}
