import { Injectable } from '@nestjs/common';
import { EngagementsErasure } from '@prossimo/matching';
import { FieldCipher } from '@prossimo/platform';
import { NeedsErasure } from '@prossimo/requests';
import { EntityManager } from 'typeorm';

/** The reason recorded in the status history of what an account erasure cancels. */
export const ERASURE_REASON = 'account erased';

/**
 * The steps an account erasure and a beneficiary erasure share, made of requests' and matching's
 * parts (NeedsErasure, EngagementsErasure) in the order they must run in.
 */
@Injectable()
export class ErasureSteps {
  constructor(
    private readonly cipher: FieldCipher,
    private readonly needs: NeedsErasure,
    private readonly engagements: EngagementsErasure,
  ) {}

  /** Live needs are cancelled; userId (null for a person without an account) also loses their proposals. */
  async cancelLiveNeeds(
    manager: EntityManager,
    userId: string | null,
    needIds: string[],
    reason = ERASURE_REASON,
  ): Promise<number> {
    const cancelled = await this.needs.cancelLiveNeeds(manager, needIds, reason);
    // Helpers asked about these needs, and the person's own pending proposals, are withdrawn.
    await this.engagements.withdrawPendingProposals(manager, needIds, userId);
    return cancelled;
  }

  /**
   * Locks the needs that `find` finds (FOR NO KEY UPDATE when asked to lock) after taking the
   * matching engine's per-need lock for each (matching-engine.service.ts, lockForMatching), in that
   * order, as a matching run does. A run that read a need before this erasure commits its
   * messages, quoting the need's text, before ours blank them; a run that starts later waits and
   * then finds the need closed. Rows first and the matching lock second deadlocked: a run holding
   * the matching lock locks the need's row when it records its match state (need_facts_lock_need),
   * so each waited for the other. The needs are looked up again under their row locks, in case one
   * was added meanwhile (its matching lock is then taken too).
   */
  async lockNeedsAfterMatchingRuns<Row extends { id: string }>(
    manager: EntityManager,
    find: (lock: boolean) => Promise<Row[]>,
  ): Promise<Row[]> {
    const seen = await find(false);
    await this.engagements.waitForMatchingRuns(
      manager,
      seen.map((row) => row.id),
    );
    const locked = await find(true);
    const known = new Set(seen.map((row) => row.id));
    await this.engagements.waitForMatchingRuns(
      manager,
      locked.map((row) => row.id).filter((id) => !known.has(id)),
    );
    return locked;
  }

  tryDecrypt(value: string): string | undefined {
    try {
      return this.cipher.decrypt(value);
    } catch {
      return undefined;
    }
  }
}
