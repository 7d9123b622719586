import { DomainError } from '@prossimo/platform';
import {
  assertAccreditationTransition,
  AccreditationStatus as S,
  canTransition,
} from './accreditation-rules';

describe('accreditation transitions', () => {
  it('follows submitted → under review → accredited or rejected, with suspension and resubmission', () => {
    expect(canTransition(null, S.SUBMITTED)).toBe(true);
    expect(canTransition(S.SUBMITTED, S.UNDER_REVIEW)).toBe(true);
    expect(canTransition(S.UNDER_REVIEW, S.ACCREDITED)).toBe(true);
    expect(canTransition(S.UNDER_REVIEW, S.REJECTED)).toBe(true);
    expect(canTransition(S.ACCREDITED, S.SUSPENDED)).toBe(true);
    expect(canTransition(S.SUSPENDED, S.ACCREDITED)).toBe(true);
    expect(canTransition(S.REJECTED, S.SUBMITTED)).toBe(true);
  });

  it('refuses skipping the review and every other move', () => {
    const all = Object.values(S);
    const allowed = new Set([
      'none>submitted',
      'submitted>under_review',
      'under_review>accredited',
      'under_review>rejected',
      'accredited>suspended',
      'suspended>accredited',
      'rejected>submitted',
    ]);
    for (const from of [null, ...all]) {
      for (const to of all) {
        expect(canTransition(from, to)).toBe(allowed.has(`${from ?? 'none'}>${to}`));
      }
    }
    try {
      assertAccreditationTransition(S.SUBMITTED, S.ACCREDITED);
      throw new Error('expected a DomainError');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('ACCREDITATION_TRANSITION_INVALID');
      expect((error as DomainError).options.params).toEqual({ from: 'SUBMITTED', to: 'ACCREDITED' });
    }
  });
});
