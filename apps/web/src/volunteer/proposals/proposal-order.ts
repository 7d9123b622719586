/**
 * Proposals still to answer, the one whose answer is due first on top: a volunteer with several
 * answers the urgent one before it goes to someone else (the api lists the newest first).
 */
export function pendingByDeadline<T extends { status: string; expiresAt: string }>(
  proposals: readonly T[],
): T[] {
  return proposals
    .filter((proposal) => proposal.status === 'PENDING')
    .sort((a, b) => Date.parse(a.expiresAt) - Date.parse(b.expiresAt));
}
