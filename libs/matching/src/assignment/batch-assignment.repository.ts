import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  afterCursorCondition,
  CursorAt,
  cursorAtColumn,
  firstRow,
  keysetPageSql,
  onlyRow,
  PageArgs,
  Queryable,
} from '@prossimo/platform';
import { DataSource } from 'typeorm';
import type { ProposalTarget } from '../proposals/proposal-writer.service';
import { CandidateScore } from '../scoring/score';
import { BatchAssignmentRun, BatchAssignmentRunsArgs, BatchPlanEntry } from './batch-assignment.types';
import { joinNeedSql } from '@prossimo/requests';
import { leftJoinVolunteerSql, VOLUNTEER_PROFILES_AS_V } from '@prossimo/community';
import { joinOrganisationSql } from '@prossimo/directory';

export const BATCH_RUN_COLUMNS = `r.id, r.territory_id AS "territoryId", r.category, r.window_start AS "windowStart",
  r.window_end AS "windowEnd", r.status, r.scheduled, r.needs_count AS "needsCount", r.helpers_count AS "helpersCount", r.served,
  r.total_meters::float8 AS "totalMeters", r.greedy_served AS "greedyServed",
  r.greedy_meters::float8 AS "greedyMeters", r.proposals_sent AS "proposalsSent", r.created_at AS "createdAt",
  r.started_at AS "startedAt", r.finished_at AS "finishedAt", r.planned_at AS "plannedAt",
  r.published_at AS "publishedAt", r.edits`;

/** A helper holding a pending proposal for a need, as the plan editor offers them. */
export type AskedTarget = ProposalTarget & { displayName: string; score: CandidateScore };

/** A plan row's new helper (all null: the need is taken out of the plan). */
export interface PlanRowChange {
  helperUserId: string | null;
  volunteerId: string | null;
  organisationId: string | null;
  meters: number | null;
  alreadyAsked: boolean;
  /** The proposal target, as JSON text. */
  target: string | null;
}

/**
 * The batch_assignment_runs and batch_assignment_plan_rows tables. Other libraries' tables through
 * their owners' parts and reads: needs (requests' joinNeedSql), organisations (directory's joinOrganisationSql) and volunteer profiles (community's);
 * engagements and match_proposals (matching) for the hours and offers left.
 */
@Injectable()
export class BatchAssignmentRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  // ----- runs -----

  /** A queued run; its id. */
  async insertRun(
    manager: Queryable,
    run: {
      territoryId: string;
      category: string;
      from: Date;
      to: Date;
      requestedByUserId: string;
      publish: boolean;
    },
  ): Promise<string> {
    const row = await onlyRow<{ id: string }>(
      manager,
      `INSERT INTO batch_assignment_runs (territory_id, category, window_start, window_end, status, requested_by_user_id,
                                            publish)
         VALUES ($1, $2, $3, $4, 'queued', $5, $6) RETURNING id`,
      [run.territoryId, run.category, run.from, run.to, run.requestedByUserId, run.publish],
    );
    return row.id;
  }

  /** The run locked (FOR UPDATE) for publishing. */
  async lockRunForPublishing(
    manager: Queryable,
    runId: string,
  ): Promise<{ territoryId: string; status: string; windowEnd: Date } | undefined> {
    return firstRow<{ territoryId: string; status: string; windowEnd: Date }>(
      manager,
      `SELECT territory_id AS "territoryId", status, window_end AS "windowEnd" FROM batch_assignment_runs
          WHERE id = $1 FOR UPDATE`,
      [runId],
    );
  }

  async markPublishing(manager: Queryable, runId: string, publishedByUserId: string): Promise<void> {
    await manager.query(
      `UPDATE batch_assignment_runs SET status = 'publishing', published_at = now(), published_by_user_id = $2
          WHERE id = $1`,
      [runId, publishedByUserId],
    );
  }

  /** The run, within the caller's scope (scopeCondition on r.territory_id, its parameters after $1 = id). */
  async findRun(
    manager: Queryable,
    scopeCondition: string,
    params: unknown[],
  ): Promise<BatchAssignmentRun | undefined> {
    return firstRow<BatchAssignmentRun>(
      manager,
      `SELECT ${BATCH_RUN_COLUMNS} FROM batch_assignment_runs r WHERE r.id = $1 AND ${scopeCondition}`,
      params,
    );
  }

  /** Runs in the caller's scope (its parameters first in params), newest first, a page plus one. */
  async findRunsPage(
    scopeCondition: string,
    params: unknown[],
    args: BatchAssignmentRunsArgs,
  ): Promise<(BatchAssignmentRun & CursorAt)[]> {
    const conditions = [scopeCondition];
    if (args.territoryId) {
      params.push(args.territoryId);
      conditions.push(`r.territory_id = $${params.length}`);
    }
    const keyset = keysetPageSql({ at: 'r.created_at', id: 'r.id' }, 'DESC', args, params);
    conditions.push(...keyset.after);
    return this.dataSource.query(
      `SELECT ${BATCH_RUN_COLUMNS}, ${keyset.cursorColumn} FROM batch_assignment_runs r
        WHERE ${conditions.join(' AND ')} ${keyset.orderAndLimit}`,
      params,
    );
  }

  // ----- plans -----

  /** A run's plan, by the needs' start, a page plus one. */
  async findPlanPage(runId: string, args: PageArgs): Promise<(BatchPlanEntry & CursorAt)[]> {
    const params: unknown[] = [runId];
    const conditions = ['p.run_id = $1'];
    conditions.push(...afterCursorCondition(args.after, '(p.window_start, p.need_id)', 'ASC', params));
    params.push(args.first + 1);
    return this.planEntries(this.dataSource.manager, conditions, params, `$${params.length}`);
  }

  /** One need of a run's plan. */
  async findPlanEntry(manager: Queryable, runId: string, needId: string): Promise<BatchPlanEntry> {
    const [row] = await this.planEntries(manager, ['p.run_id = $1', 'p.need_id = $2'], [runId, needId], '1');
    return row;
  }

  private planEntries(
    manager: Queryable,
    conditions: string[],
    params: unknown[],
    limit: string,
  ): Promise<(BatchPlanEntry & CursorAt)[]> {
    return manager.query(
      `SELECT p.need_id AS "needId", n.category, n.description, n.comune_istat AS "comuneIstat",
              n.window_start AS "windowStart", p.meters::float8 AS meters, p.already_asked AS "alreadyAsked",
              CASE WHEN p.organisation_id IS NOT NULL THEN 'organisation'
                   WHEN p.helper_user_id IS NOT NULL THEN 'volunteer' END AS "helperKind",
              p.helper_user_id AS "helperUserId", p.organisation_id AS "organisationId",
              coalesce(o.name, v.display_name) AS "helperName", ${cursorAtColumn('p.window_start')}
         FROM batch_assignment_plan_rows p
         ${joinNeedSql('p.need_id')}
         ${joinOrganisationSql('o', 'p.organisation_id', 'LEFT JOIN')}
         ${leftJoinVolunteerSql('p.volunteer_id')}
        WHERE ${conditions.join(' AND ')}
        ORDER BY p.window_start, p.need_id LIMIT ${limit}`,
      params,
    );
  }

  /** The run locked (FOR UPDATE) for an edit of its plan. */
  async lockRunForEdit(
    manager: Queryable,
    runId: string,
  ): Promise<{ territoryId: string; status: string } | undefined> {
    return firstRow<{ territoryId: string; status: string }>(
      manager,
      `SELECT territory_id AS "territoryId", status FROM batch_assignment_runs WHERE id = $1 FOR UPDATE`,
      [runId],
    );
  }

  /** The need's row of the plan (none or one); `lock` locks it FOR UPDATE. */
  async findPlanRow(
    manager: Queryable,
    runId: string,
    needId: string,
    lock: boolean,
  ): Promise<{ helperUserId: string | null; organisationId: string | null }[]> {
    return manager.query(
      `SELECT helper_user_id AS "helperUserId", organisation_id AS "organisationId"
         FROM batch_assignment_plan_rows WHERE run_id = $1 AND need_id = $2 ${lock ? 'FOR UPDATE' : ''}`,
      [runId, needId],
    );
  }

  async updatePlanRow(
    manager: Queryable,
    runId: string,
    needId: string,
    change: PlanRowChange,
  ): Promise<void> {
    await manager.query(
      `UPDATE batch_assignment_plan_rows
            SET helper_user_id = $3, volunteer_id = $4, organisation_id = $5, meters = $6, already_asked = $7,
                target = $8
          WHERE run_id = $1 AND need_id = $2`,
      [
        runId,
        needId,
        change.helperUserId,
        change.volunteerId,
        change.organisationId,
        change.meters,
        change.alreadyAsked,
        change.target,
      ],
    );
  }

  /** The run's totals follow its plan after an edit; nearest-first's stay what they were. */
  async recountAfterEdit(manager: Queryable, runId: string): Promise<void> {
    await manager.query(
      `UPDATE batch_assignment_runs r SET edits = r.edits + 1, served = t.served, total_meters = t.meters
           FROM (SELECT count(helper_user_id)::int AS served, coalesce(sum(meters), 0) AS meters
                   FROM batch_assignment_plan_rows WHERE run_id = $1) t
          WHERE r.id = $1`,
      [runId],
    );
  }

  /** Helpers with a pending proposal for the need (optionally one volunteer, or one organisation). */
  async findPendingProposalTargets(
    manager: Queryable,
    needId: string,
    only: { helperUserId?: string; organisationId?: string },
  ): Promise<AskedTarget[]> {
    const params: unknown[] = [needId];
    let filter = '';
    if (only.helperUserId) {
      params.push(only.helperUserId);
      filter = `AND mp.helper_user_id = $2 AND mp.organisation_id IS NULL`;
    } else if (only.organisationId) {
      params.push(only.organisationId);
      filter = `AND mp.organisation_id = $2`;
    }
    return manager.query(
      `SELECT mp.helper_user_id AS "userId", mp.volunteer_id AS "volunteerId", mp.organisation_id AS "organisationId",
              mp.service_offer_id AS "serviceOfferId", mp.distance_km::float8 AS "distanceKm", mp.breakdown AS score,
              coalesce(o.name, v.display_name) AS "displayName"
         FROM match_proposals mp
         ${joinOrganisationSql('o', 'mp.organisation_id', 'LEFT JOIN')}
         ${leftJoinVolunteerSql('mp.volunteer_id')}
        WHERE mp.need_id = $1 AND mp.status = 'pending' ${filter}`,
      params,
    );
  }

  /** Other needs of the plan given to any of the volunteers or organisations. */
  async findOtherPlannedNeeds(
    manager: Queryable,
    runId: string,
    needId: string,
    volunteerUserIds: string[],
    organisationIds: string[],
  ): Promise<{ needId: string; helperUserId: string; organisationId: string | null }[]> {
    return manager.query(
      `SELECT need_id AS "needId", helper_user_id AS "helperUserId", organisation_id AS "organisationId"
         FROM batch_assignment_plan_rows
        WHERE run_id = $1 AND need_id <> $2
          AND (helper_user_id = ANY($3::uuid[]) OR organisation_id = ANY($4::uuid[]))`,
      [runId, needId, volunteerUserIds, organisationIds],
    );
  }

  /**
   * The hours volunteers may still be booked for in the given Rome weeks (Mondays, YYYY-MM-DD):
   * their weekly hour limit less the hours of their engagements that week, counted as the
   * candidate query counts them. Organisations have no weekly limit (their offers' capacity holds
   * per slot). Reads volunteer_profiles (directory).
   */
  async weeklyHoursLeft(
    manager: Queryable,
    userIds: readonly string[],
    weeks: readonly string[],
  ): Promise<{ userId: string; week: string; hoursLeft: number }[]> {
    if (userIds.length === 0 || weeks.length === 0) return [];
    return manager.query(
      `SELECT v.user_id AS "userId", to_char(w.week, 'YYYY-MM-DD') AS week,
            (v.weekly_hour_limit - coalesce(sum(coalesce(e.hours_logged,
               extract(epoch FROM upper(e.during) - lower(e.during)) / 3600)), 0))::float8 AS "hoursLeft"
       FROM ${VOLUNTEER_PROFILES_AS_V} CROSS JOIN unnest($2::date[]) AS w(week)
       LEFT JOIN engagements e ON e.helper_user_id = v.user_id AND e.service_offer_id IS NULL
        AND e.status IN ('awaiting_confirmation', 'confirmed', 'in_progress', 'completed')
        AND date_trunc('week', lower(e.during) AT TIME ZONE 'Europe/Rome')::date = w.week
      WHERE v.user_id = ANY($1::uuid[])
      GROUP BY v.user_id, v.weekly_hour_limit, w.week`,
      [[...userIds], [...weeks]],
    );
  }
}
