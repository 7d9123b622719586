import { Injectable } from '@nestjs/common';
import { DomainError } from '@prossimo/platform';
import { isUUID } from 'class-validator';
import { NeedForMatching } from './need-for-matching';
import { Queryable } from './queryable';

/**
 * Matching's reads of the needs table (owned by the requests library) and of the rows it joins
 * (comuni, beneficiaries, users): kept here, in one place, until requests exposes them.
 */
@Injectable()
export class NeedReadsRepository {
  /**
   * A need with what matching needs; callers take the locks they need first, or pass `lock` to
   * lock the need row (FOR NO KEY UPDATE) in the same statement.
   */
  async loadNeedForMatching(
    manager: Queryable,
    needId: string,
    lock = false,
  ): Promise<NeedForMatching | undefined> {
    const [row]: NeedForMatching[] = await manager.query(
      `SELECT ${NEED_FOR_MATCHING_SELECT} WHERE n.id = $1 ${lock ? 'FOR NO KEY UPDATE OF n' : ''}`,
      [needId],
    );
    return row;
  }

  /** The need's id and Comune, for the caller's access check; NEED_NOT_FOUND otherwise. */
  async findNeed(manager: Queryable, needId: string, field: string): Promise<NeedLocation> {
    if (!isUUID(needId)) throw new DomainError('NEED_NOT_FOUND', { field });
    const [row]: NeedLocation[] = await manager.query(
      `SELECT id, comune_istat AS "comuneIstat" FROM needs WHERE id = $1`,
      [needId],
    );
    if (!row) throw new DomainError('NEED_NOT_FOUND', { field });
    return row;
  }

  /** Locks the need row (FOR NO KEY UPDATE) before the caller locks what hangs from it. */
  async lockNeed(manager: Queryable, needId: string): Promise<void> {
    await manager.query(`SELECT 1 FROM needs WHERE id = $1 FOR NO KEY UPDATE`, [needId]);
  }
}

/** A need's id and Comune. */
export interface NeedLocation {
  id: string;
  comuneIstat: string;
}

/**
 * The need of one proposal (what loadNeedForMatching reads), locked FOR NO KEY UPDATE:
 * `proposalCondition` picks the proposal (alias mp). For a caller that reads more in the same
 * statement, as a MATERIALIZED part, so that the need is locked before anything the caller locks
 * after it. The row is the latest version of the need, re-read after waiting for its lock.
 */
export function lockedNeedOfProposalSql(proposalCondition: string): string {
  return `SELECT ${NEED_FOR_MATCHING_SELECT}
      WHERE n.id = (SELECT mp.need_id FROM match_proposals mp WHERE ${proposalCondition}) FOR NO KEY UPDATE OF n`;
}

const NEED_FOR_MATCHING_SELECT = `n.id, n.status, n.source, n.category, n.description, n.comune_istat AS "comuneIstat",
       c.name AS "comuneName", n.lat, n.lon, n.max_distance_km AS "maxDistanceKm", n.language, n.urgency,
       n.window_start AS "windowStart", n.window_end AS "windowEnd", n.details,
       n.author_user_id AS "authorUserId", au.display_name AS "authorName",
       n.beneficiary_id AS "beneficiaryId", b.user_id AS "beneficiaryUserId"
  FROM needs n JOIN comuni c ON c.istat = n.comune_istat
  LEFT JOIN beneficiaries b ON b.id = n.beneficiary_id
  LEFT JOIN users au ON au.id = n.author_user_id`;
