// Widening the search when nobody is found: pure, so the rule is tested without a database.

/**
 * The distance limit at a widening step: the need's own limit plus the step's kilometres (step 0
 * is the need's own limit; steps past the last stay at the last). A need with no limit of its own
 * is bounded by the helpers' travel radii only, so widening does not apply to it.
 */
export function widenedLimitKm(
  limitKm: number | null,
  stepsKm: readonly number[],
  step: number,
): number | null {
  if (limitKm === null || step <= 0 || stepsKm.length === 0) return limitKm;
  return limitKm + stepsKm[Math.min(step, stepsKm.length) - 1];
}
