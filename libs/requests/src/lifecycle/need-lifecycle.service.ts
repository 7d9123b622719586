import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CombinedStatement,
  DomainError,
  inLockedBatches,
  JOBS,
  outboxJob,
  OutboxMessage,
  statusHistoryIn,
  writeOutboxIn,
} from '@prossimo/platform';
import { DataSource, EntityManager } from 'typeorm';
import { canTransition } from './need-lifecycle';
import { NeedsRepository } from '../needs/needs.repository';
import { NeedCategory, NeedSource, NeedStatus } from '../requests.types';

/** Entity type of need lifecycle rows in status_history (moderation records its own rows as 'need'). */
export const NEED_HISTORY_ENTITY = 'need_lifecycle';

const SWEEP_BATCH = 200;

/** For each status, the statuses a need may reach it from (canTransition, turned around). */
const SOURCES_OF = Object.fromEntries(
  Object.values(NeedStatus).map((to) => [
    to,
    Object.values(NeedStatus).filter((from) => canTransition(from, to)),
  ]),
) as Record<NeedStatus, NeedStatus[]>;

/** The columns of transitionIn's `result`. */
export interface TransitionResult {
  /** The status before, null when there is no such need. */
  lockedStatus: NeedStatus | null;
  moved: boolean;
}

/** Checks what transitionIn did: NEED_NOT_FOUND or NEED_TRANSITION_INVALID, as transition() throws. */
export function transitionDone(
  needId: string,
  to: NeedStatus,
  row: TransitionResult | undefined,
): NeedTransition {
  if (!row?.lockedStatus) throw new DomainError('NEED_NOT_FOUND', { field: 'needId' });
  if (!row.moved) {
    throw new DomainError('NEED_TRANSITION_INVALID', {
      field: 'needId',
      params: { from: row.lockedStatus, to },
    });
  }
  return { needId, from: row.lockedStatus, to };
}

export interface NeedTransition {
  needId: string;
  from: NeedStatus;
  to: NeedStatus;
}

/**
 * What a need becoming open sets off (written with writeOutbox, so it runs once this commits):
 * matching looks for helpers, and a shared-care need also looks for neighbours to share a carer with.
 */
export function needOpenedJobs(needId: string, category: NeedCategory): OutboxMessage[] {
  const match = outboxJob(JOBS.matchNeed, { needId });
  return category === NeedCategory.SHARED_CAREGIVER
    ? [match, outboxJob(JOBS.formCareGroups, { needId })]
    : [match];
}

/** Statuses in which a need no longer takes part in a shared carer group. */
const LEAVES_CARE_GROUP: ReadonlySet<NeedStatus> = new Set([
  NeedStatus.CANCELLED,
  NeedStatus.EXPIRED,
  NeedStatus.REJECTED,
]);

/**
 * The one way a need changes status: locks the row, checks the move is allowed, stores the
 * change with who and why. Matching calls transition() to move OPEN → MATCHED.
 */
@Injectable()
export class NeedLifecycleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly needs: NeedsRepository,
  ) {}

  async transition(
    manager: EntityManager,
    needId: string,
    to: NeedStatus,
    actorUserId: string | null,
    reason: string | null,
  ): Promise<NeedTransition> {
    // One round trip: lock the row, move it only from a status allowed to reach `to`, store the
    // change and the jobs it sets off; the old status comes back so that a refused move is
    // reported as before.
    const statement = new CombinedStatement();
    const planned = this.transitionIn(statement, needId, to, actorUserId, reason);
    const [row]: TransitionResult[] = await statement.run(manager, `SELECT ${planned.result}`);
    return transitionDone(needId, to, row);
  }

  /**
   * transition() as a part of the caller's combined statement: the caller selects `result` and
   * passes the row to transitionDone, which throws as transition() does when the move was refused
   * (the caller's transaction then undoes the rest). The jobs are written only if it moved.
   */
  transitionIn(
    statement: CombinedStatement,
    needId: string,
    to: NeedStatus,
    actorUserId: string | null,
    reason: string | null,
  ): { result: string } {
    const target = statement.param(to, 'text');
    const locked = statement.with(
      'need_locked',
      `SELECT id, status, category FROM needs WHERE id = ${statement.param(needId, 'uuid')} FOR NO KEY UPDATE`,
    );
    const moved = statement.with(
      'need_moved',
      `UPDATE needs n SET status = ${target}, updated_at = now(),
              opened_at = CASE WHEN ${target} = 'open' THEN coalesce(n.opened_at, now()) ELSE n.opened_at END
         FROM ${locked} locked WHERE n.id = locked.id AND locked.status = ANY(${statement.param(SOURCES_OF[to], 'text[]')})
       RETURNING n.id, locked.category`,
    );
    statusHistoryIn(
      statement,
      'need_history',
      `SELECT ${statement.param(NEED_HISTORY_ENTITY, 'text')}, locked.id, locked.status, ${target},
              ${statement.param(actorUserId, 'uuid')}, ${statement.param(reason ?? null, 'text')}
         FROM ${locked} locked JOIN ${moved} moved ON moved.id = locked.id`,
    );
    const movedAs = (category?: NeedCategory) =>
      `EXISTS (SELECT 1 FROM ${moved} WHERE ${category ? `category = '${category}'` : 'true'})`;
    // Every way into OPEN (moderation approval, a sentinel flag accepted, a helper who dropped
    // out) asks matching to look for helpers once this commits.
    if (to === NeedStatus.OPEN) {
      writeOutboxIn(statement, [outboxJob(JOBS.matchNeed, { needId })], movedAs());
      writeOutboxIn(
        statement,
        [outboxJob(JOBS.formCareGroups, { needId })],
        movedAs(NeedCategory.SHARED_CAREGIVER),
      );
    }
    // A cancelled or expired shared-care need must not keep its neighbours on a price for more
    // households than there are: matching takes it out of its group and re-prices the rest.
    if (LEAVES_CARE_GROUP.has(to)) {
      writeOutboxIn(
        statement,
        [outboxJob(JOBS.leaveCareGroupOnNeedClosed, { needId })],
        movedAs(NeedCategory.SHARED_CAREGIVER),
      );
    }
    return {
      result: `(SELECT status FROM ${locked}) AS "lockedStatus", ${movedAs()} AS moved`,
    };
  }

  /**
   * Moves OPEN and SUBMITTED needs whose time window has ended to EXPIRED. Idempotent and safe
   * with several workers: rows are taken with SKIP LOCKED and re-checked under the lock. NO KEY
   * UPDATE, so that a need is not skipped only because matching holds it with KEY SHARE.
   */
  expireEndedNeeds(): Promise<number> {
    return inLockedBatches(
      this.dataSource,
      SWEEP_BATCH,
      (manager, limit) => this.needs.lockEndedNeeds(manager, limit),
      (manager, row) => this.transition(manager, row.id, NeedStatus.EXPIRED, null, 'time window ended'),
    );
  }

  /**
   * A pre-moderated need waits as SUBMITTED; once its moderation item is decided it opens or is
   * rejected. Call it in the moderator's transaction for an immediate effect; the maintenance
   * sweep calls it too, so decisions taken through moderateContent are applied within minutes.
   * Sentinel flags are not affected: a Comune operator reviews them (reviewFlaggedNeed).
   */
  async applyModerationDecision(manager: EntityManager, needId: string): Promise<NeedTransition | null> {
    const row = await this.needs.lockNeedWithModerationStatus(manager, needId);
    if (!row || row.status !== NeedStatus.SUBMITTED || row.source === NeedSource.SENTINEL) return null;
    const to =
      row.item_status === 'published'
        ? NeedStatus.OPEN
        : row.item_status === 'rejected'
          ? NeedStatus.REJECTED
          : null;
    if (!to) return null;
    // The moderator who decided is the actor: moderation stores its own change as entity 'need'.
    const decision = await this.needs.findModerationDecision(manager, needId, row.item_status);
    return this.transition(
      manager,
      needId,
      to,
      decision?.actor_user_id ?? null,
      `moderation: ${decision?.reason ?? row.item_status}`.slice(0, 1000),
    );
  }

  /** Applies every moderation decision still waiting on a SUBMITTED need. Idempotent. */
  applyPendingModerationDecisions(): Promise<number> {
    return inLockedBatches(
      this.dataSource,
      SWEEP_BATCH,
      (manager, limit) => this.needs.lockDecidedSubmittedNeeds(manager, limit),
      (manager, row) => this.applyModerationDecision(manager, row.id),
    );
  }
}
