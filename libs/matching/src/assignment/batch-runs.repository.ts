import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ProposalTarget } from '../proposals/proposal-writer.service';
import { firstValue, Queryable } from '@prossimo/platform';
import type { PlanRowChange } from './batch-assignment.repository';
import { NEEDS_AS_N } from '@prossimo/requests';
import { comuniOfTerritorySql } from '@prossimo/territory';

/** A run as the engine claims it. */
export interface ClaimedRun {
  territoryId: string;
  category: string;
  windowStart: Date;
  windowEnd: Date;
  requestedByUserId: string | null;
}

/** A need's row of a stored plan, as written (the helper chosen, or none). */
export type PlanRowToStore = PlanRowChange & { needId: string; windowStart: Date | undefined };

/**
 * The batch engine's statements on batch_assignment_runs and batch_assignment_plan_rows. Reads
 * needs and territory_comuni (requests, territory) for a run's needs, and
 * territory_matching_settings for the schedule.
 */
@Injectable()
export class BatchRunsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findRunStatus(runId: string): Promise<string | undefined> {
    return firstValue<string>(this.dataSource, `SELECT status FROM batch_assignment_runs WHERE id = $1`, [
      runId,
    ]);
  }

  /** Marks a queued (or interrupted) run running; undefined when it is past that. */
  async claimRun(runId: string): Promise<(ClaimedRun & { publish: boolean }) | undefined> {
    const [[run]]: [(ClaimedRun & { publish: boolean })[], number] = await this.dataSource.query(
      `UPDATE batch_assignment_runs SET status = 'running', started_at = coalesce(started_at, now())
        WHERE id = $1 AND status IN ('queued', 'running')
        RETURNING territory_id AS "territoryId", category, window_start AS "windowStart", window_end AS "windowEnd",
                  requested_by_user_id AS "requestedByUserId", publish`,
      [runId],
    );
    return run;
  }

  /** Open needs of the run's category, territory and window, soonest first (at most `limit`). */
  async findNeedsOfRun(run: ClaimedRun, limit: number): Promise<{ id: string; windowStart: Date }[]> {
    return this.dataSource.query(
      `SELECT n.id, n.window_start AS "windowStart" FROM ${NEEDS_AS_N}
        WHERE n.status = 'open' AND n.category = $2
          AND n.comune_istat IN ${comuniOfTerritorySql('$1')}
          AND n.window_start < $4 AND n.window_end > $3
        ORDER BY n.window_start, n.id LIMIT ${limit}`,
      [run.territoryId, run.category, run.windowStart, run.windowEnd],
    );
  }

  /** stats: needs, helpers, served, total metres, and nearest-first's served and metres. */
  async markCompleted(runId: string, stats: number[], proposalsSent: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE batch_assignment_runs SET status = 'completed', finished_at = now(), needs_count = $2,
              helpers_count = $3, served = $4, total_meters = $5, greedy_served = $6, greedy_meters = $7,
              proposals_sent = $8
        WHERE id = $1`,
      [runId, ...stats, proposalsSent],
    );
  }

  async deletePlanRows(manager: Queryable, runId: string): Promise<void> {
    await manager.query(`DELETE FROM batch_assignment_plan_rows WHERE run_id = $1`, [runId]);
  }

  async insertPlanRows(manager: Queryable, runId: string, rows: readonly PlanRowToStore[]): Promise<void> {
    await manager.query(
      `INSERT INTO batch_assignment_plan_rows (run_id, need_id, window_start, helper_user_id, volunteer_id,
                                                 organisation_id, meters, already_asked, target)
         SELECT $1, row.need_id, row.window_start, row.helper_user_id, row.volunteer_id, row.organisation_id,
                row.meters, row.already_asked, row.target
           FROM unnest($2::uuid[], $3::timestamptz[], $4::uuid[], $5::uuid[], $6::uuid[], $7::int[],
                       $8::boolean[], $9::jsonb[])
                AS row(need_id, window_start, helper_user_id, volunteer_id, organisation_id, meters,
                       already_asked, target)`,
      [
        runId,
        rows.map((row) => row.needId),
        rows.map((row) => row.windowStart),
        rows.map((row) => row.helperUserId),
        rows.map((row) => row.volunteerId),
        rows.map((row) => row.organisationId),
        rows.map((row) => row.meters),
        rows.map((row) => row.alreadyAsked),
        rows.map((row) => row.target),
      ],
    );
  }

  /** A running run stops at 'planned', with the plan's figures (see markCompleted). */
  async markPlanned(manager: Queryable, runId: string, stats: number[]): Promise<void> {
    await manager.query(
      `UPDATE batch_assignment_runs SET status = 'planned', planned_at = now(), needs_count = $2,
                helpers_count = $3, served = $4, total_meters = $5, greedy_served = $6, greedy_meters = $7
          WHERE id = $1 AND status = 'running'`,
      [runId, ...stats],
    );
  }

  /** Starts publishing a run; undefined when it is not being published. */
  async claimPublishing(runId: string): Promise<ClaimedRun | undefined> {
    const [[run]]: [ClaimedRun[], number] = await this.dataSource.query(
      `UPDATE batch_assignment_runs SET started_at = coalesce(started_at, now())
        WHERE id = $1 AND status = 'publishing'
        RETURNING territory_id AS "territoryId", category, window_start AS "windowStart", window_end AS "windowEnd",
                  coalesce(published_by_user_id, requested_by_user_id) AS "requestedByUserId"`,
      [runId],
    );
    return run;
  }

  /** The stored plan, soonest need first. */
  async findPlanTargets(runId: string): Promise<{ needId: string; target: ProposalTarget | null }[]> {
    return this.dataSource.query(
      `SELECT need_id AS "needId", target FROM batch_assignment_plan_rows WHERE run_id = $1
        ORDER BY window_start, need_id`,
      [runId],
    );
  }

  /** A published run is completed; its planned figures. */
  async markPublished(
    runId: string,
    proposalsSent: number,
  ): Promise<{ needs: number; served: number } | undefined> {
    const [[done]]: [{ needs: number; served: number }[], number] = await this.dataSource.query(
      `UPDATE batch_assignment_runs SET status = 'completed', finished_at = now(), proposals_sent = $2
        WHERE id = $1 RETURNING needs_count AS needs, served`,
      [runId, proposalsSent],
    );
    return done;
  }

  /**
   * One queued run per territory that opted in, over `days` days from the next Rome midnight; the
   * unique index on scheduled runs makes a repeated schedule insert nothing. The new runs' ids.
   */
  async insertScheduledRuns(manager: Queryable, category: string, days: number): Promise<{ id: string }[]> {
    return manager.query(
      `WITH day AS (SELECT (now() AT TIME ZONE 'Europe/Rome')::date + 1 AS first)
         INSERT INTO batch_assignment_runs (territory_id, category, window_start, window_end, status, scheduled)
         SELECT s.territory_id, $1, day.first::timestamp AT TIME ZONE 'Europe/Rome',
                (day.first + $2::int)::timestamp AT TIME ZONE 'Europe/Rome', 'queued', true
           FROM territory_matching_settings s CROSS JOIN day
          WHERE s.scheduled_batch_assignment
         ON CONFLICT (territory_id, category, window_start, window_end) WHERE scheduled DO NOTHING
         RETURNING id`,
      [category, days],
    );
  }

  async markFailed(runId: string, message: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE batch_assignment_runs SET status = 'failed', finished_at = now(), error = $2
        WHERE id = $1 AND status <> 'completed'`,
      [runId, message],
    );
  }
}
