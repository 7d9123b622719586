import { Injectable } from '@nestjs/common';
import { rolesOfActiveUsersSql } from '@prossimo/identity';
import { firstValue, onlyRow, Queryable } from '@prossimo/platform';
import { joinTerritoryComuniSql } from '@prossimo/territory';

/**
 * The need_match_states table (how far matching went for each need, and whether it gave up) and
 * the per-need matching lock. The operators told of a give-up are found through identity's and
 * territory's parts (the roles of active accounts, the territories covering a Comune).
 */
@Injectable()
export class NeedMatchStatesRepository {
  /** One matching run (or manual assignment) per need at a time: a transaction-scoped advisory lock. */
  async lockMatchingOfNeed(manager: Queryable, needId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('match-need:' || $1, 0))`, [needId]);
  }

  /** How many times the search was widened (0 without a state row). */
  async findRadiusStep(manager: Queryable, needId: string): Promise<number | undefined> {
    return firstValue<number>(manager, `SELECT radius_step FROM need_match_states WHERE need_id = $1`, [
      needId,
    ]);
  }

  /** A round found nobody: the need is (still) unmatched. Returns when operators were told (null: not yet). */
  async saveUnmatchedRound(
    manager: Queryable,
    round: { needId: string; comuneIstat: string; reason: string; radiusStep: number },
  ): Promise<Date | null> {
    const saved = await onlyRow<{ notified: Date | null }>(
      manager,
      `INSERT INTO need_match_states (need_id, comune_istat, unmatched_reason, unmatched_at, rounds, radius_step)
         VALUES ($1, $2, $3, now(), 1, $4)
         ON CONFLICT (need_id) DO UPDATE SET unmatched_reason = excluded.unmatched_reason,
           unmatched_at = coalesce(need_match_states.unmatched_at, now()), rounds = need_match_states.rounds + 1,
           radius_step = excluded.radius_step, updated_at = now()
         RETURNING operators_notified_at AS notified`,
      [round.needId, round.comuneIstat, round.reason, round.radiusStep],
    );
    return saved.notified;
  }

  /** A round sent proposals: off the unmatched list, and a later give-up is told again. */
  async saveProposingRound(
    manager: Queryable,
    round: { needId: string; comuneIstat: string; radiusStep: number },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO need_match_states (need_id, comune_istat, rounds, radius_step) VALUES ($1, $2, 1, $3)
       ON CONFLICT (need_id) DO UPDATE SET unmatched_reason = NULL, unmatched_at = NULL, operators_notified_at = NULL,
         rounds = need_match_states.rounds + 1, radius_step = excluded.radius_step, updated_at = now()`,
      [round.needId, round.comuneIstat, round.radiusStep],
    );
  }

  /** An operator assigned a helper: off the unmatched list (no round counted). */
  async clearUnmatched(manager: Queryable, needId: string): Promise<void> {
    await manager.query(
      `UPDATE need_match_states SET unmatched_reason = NULL, unmatched_at = NULL, operators_notified_at = NULL,
                updated_at = now() WHERE need_id = $1`,
      [needId],
    );
  }

  async markOperatorsNotified(manager: Queryable, needId: string): Promise<void> {
    await manager.query(`UPDATE need_match_states SET operators_notified_at = now() WHERE need_id = $1`, [
      needId,
    ]);
  }

  /** The active Comune operators of every territory covering the Comune. */
  async findComuneOperatorIds(manager: Queryable, comuneIstat: string): Promise<string[]> {
    const operators: { user_id: string }[] = await manager.query(
      `SELECT DISTINCT ur.user_id FROM ${rolesOfActiveUsersSql('ur')}
         ${joinTerritoryComuniSql('tc', 'ur.territory_id')}
        WHERE ur.role = 'comune_operator' AND tc.comune_istat = $1 ORDER BY ur.user_id`,
      [comuneIstat],
    );
    return operators.map((operator) => operator.user_id);
  }
}
