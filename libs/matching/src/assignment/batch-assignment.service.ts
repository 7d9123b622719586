import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, AuthenticatedUser, COMUNE_STAFF_ROLES, Role } from '@prossimo/identity';
import {
  afterCursorCondition,
  CursorAt,
  cursorAtColumn,
  DomainError,
  JOBS,
  outboxJob,
  Page,
  registerMessages,
  toPage,
  writeAudit,
  writeOutbox,
} from '@prossimo/platform';
import { DataSource, EntityManager } from 'typeorm';
import {
  BatchAssignmentPlanArgs,
  BatchAssignmentRun,
  BatchAssignmentRunsArgs,
  BatchPlanEntry,
  PublishBatchAssignmentInput,
  RequestBatchAssignmentInput,
} from './batch-assignment.types';

registerMessages({
  BATCH_WINDOW_REVERSED: {
    it: 'La fine del periodo deve seguire l’inizio ({field}).',
    en: 'The end of the period must come after its start ({field}).',
  },
  BATCH_WINDOW_TOO_LONG: {
    it: 'Il periodo può durare al massimo 7 giorni ({field}).',
    en: 'The period can last at most 7 days ({field}).',
  },
  BATCH_WINDOW_PAST: {
    it: 'Il periodo è già finito ({field}).',
    en: 'The period is already over ({field}).',
  },
  BATCH_ASSIGNMENT_NOT_FOUND: { it: 'Assegnazione non trovata.', en: 'Assignment run not found.' },
  BATCH_NOT_PLANNED: {
    it: 'Si può pubblicare solo un piano pronto e non ancora pubblicato ({field}).',
    en: 'Only a plan that is ready and not yet published can be published ({field}).',
  },
});

// Seven days; seven Rome days may hold the autumn night of 25 hours.
const MAX_WINDOW_MS = (7 * 24 + 1) * 3600_000;

export const BATCH_RUN_COLUMNS = `r.id, r.territory_id AS "territoryId", r.category, r.window_start AS "windowStart",
  r.window_end AS "windowEnd", r.status, r.scheduled, r.needs_count AS "needsCount", r.helpers_count AS "helpersCount", r.served,
  r.total_meters::float8 AS "totalMeters", r.greedy_served AS "greedyServed",
  r.greedy_meters::float8 AS "greedyMeters", r.proposals_sent AS "proposalsSent", r.created_at AS "createdAt",
  r.started_at AS "startedAt", r.finished_at AS "finishedAt", r.planned_at AS "plannedAt",
  r.published_at AS "publishedAt", r.edits`;

/**
 * Comune operators ask for an optimal assignment of their territory's open needs in a slot;
 * the worker runs it (assign-batch job, ids only) and the run records what it did.
 */
@Injectable()
export class BatchAssignmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  async request(user: AuthenticatedUser, input: RequestBatchAssignmentInput): Promise<BatchAssignmentRun> {
    this.access.requireRole(user, [Role.COMUNE_OPERATOR]);
    this.access.requireTerritoryRole(user, input.territoryId, [Role.COMUNE_OPERATOR]);
    if (input.to.getTime() <= input.from.getTime()) {
      throw new DomainError('BATCH_WINDOW_REVERSED', { field: 'to' });
    }
    if (input.to.getTime() - input.from.getTime() > MAX_WINDOW_MS) {
      throw new DomainError('BATCH_WINDOW_TOO_LONG', { field: 'to' });
    }
    if (input.to.getTime() <= Date.now()) throw new DomainError('BATCH_WINDOW_PAST', { field: 'to' });
    const id = await this.dataSource.transaction(async (manager) => {
      const [territory]: unknown[] = await manager.query(`SELECT 1 FROM territories WHERE id = $1`, [
        input.territoryId,
      ]);
      if (!territory) throw new DomainError('FORBIDDEN');
      const [run]: { id: string }[] = await manager.query(
        `INSERT INTO batch_assignment_runs (territory_id, category, window_start, window_end, status, requested_by_user_id,
                                            publish)
         VALUES ($1, $2, $3, $4, 'queued', $5, $6) RETURNING id`,
        [input.territoryId, input.category, input.from, input.to, user.userId, input.publish !== false],
      );
      await writeOutbox(manager, outboxJob(JOBS.assignBatch, { runId: run.id }));
      await writeAudit(manager, {
        actorUserId: user.userId,
        action: 'matching.batch_assignment_requested',
        entityType: 'batch_assignment_run',
        entityId: run.id,
        territoryId: input.territoryId,
        details: { category: input.category, publish: input.publish !== false },
      });
      return run.id;
    });
    return this.run(user, id);
  }

  /** An operator of the territory publishes a plan that waits (PLANNED): the worker sends its proposals. */
  async publish(user: AuthenticatedUser, input: PublishBatchAssignmentInput): Promise<BatchAssignmentRun> {
    this.access.requireRole(user, [Role.COMUNE_OPERATOR]);
    await this.dataSource.transaction(async (manager) => {
      const [run]: { territoryId: string; status: string; windowEnd: Date }[] = await manager.query(
        `SELECT territory_id AS "territoryId", status, window_end AS "windowEnd" FROM batch_assignment_runs
          WHERE id = $1 FOR UPDATE`,
        [input.runId],
      );
      if (!run) throw new DomainError('BATCH_ASSIGNMENT_NOT_FOUND', { field: 'runId' });
      this.access.requireTerritoryRole(user, run.territoryId, [Role.COMUNE_OPERATOR]);
      if (run.status !== 'planned') throw new DomainError('BATCH_NOT_PLANNED', { field: 'runId' });
      if (run.windowEnd.getTime() <= Date.now())
        throw new DomainError('BATCH_WINDOW_PAST', { field: 'runId' });
      await manager.query(
        `UPDATE batch_assignment_runs SET status = 'publishing', published_at = now(), published_by_user_id = $2
          WHERE id = $1`,
        [input.runId, user.userId],
      );
      await writeOutbox(manager, outboxJob(JOBS.assignBatch, { runId: input.runId }));
      await writeAudit(manager, {
        actorUserId: user.userId,
        action: 'matching.batch_assignment_published',
        entityType: 'batch_assignment_run',
        entityId: input.runId,
        territoryId: run.territoryId,
      });
    });
    return this.run(user, input.runId);
  }

  /** The plan of a run, need by need in time order: Comune staff of its territory. */
  async plan(user: AuthenticatedUser, args: BatchAssignmentPlanArgs): Promise<Page<BatchPlanEntry>> {
    await this.run(user, args.runId);
    const params: unknown[] = [args.runId];
    const conditions = ['p.run_id = $1'];
    conditions.push(...afterCursorCondition(args.after, '(p.window_start, p.need_id)', 'ASC', params));
    params.push(args.first + 1);
    const rows = await this.planEntries(this.dataSource.manager, conditions, params, `$${params.length}`);
    return toPage(rows, args.first, (row) => [row.cursorAt, row.needId]);
  }

  /** One need of a run's plan, as batchAssignmentPlan shows it (the caller checked access). */
  async entry(manager: EntityManager, runId: string, needId: string): Promise<BatchPlanEntry> {
    const [row] = await this.planEntries(manager, ['p.run_id = $1', 'p.need_id = $2'], [runId, needId], '1');
    return row;
  }

  private planEntries(
    manager: EntityManager,
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
         JOIN needs n ON n.id = p.need_id
         LEFT JOIN organisations o ON o.id = p.organisation_id
         LEFT JOIN volunteer_profiles v ON v.id = p.volunteer_id
        WHERE ${conditions.join(' AND ')}
        ORDER BY p.window_start, p.need_id LIMIT ${limit}`,
      params,
    );
  }

  async run(
    user: AuthenticatedUser,
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<BatchAssignmentRun> {
    this.access.requireRole(user, COMUNE_STAFF_ROLES);
    const params: unknown[] = [id];
    const scope = this.access.territoryCondition(
      this.access.scope(user, COMUNE_STAFF_ROLES),
      'r.territory_id',
      params,
    );
    const [row]: BatchAssignmentRun[] = await manager.query(
      `SELECT ${BATCH_RUN_COLUMNS} FROM batch_assignment_runs r WHERE r.id = $1 AND ${scope}`,
      params,
    );
    if (!row) throw new DomainError('BATCH_ASSIGNMENT_NOT_FOUND', { field: 'id' });
    return row;
  }

  async runs(user: AuthenticatedUser, args: BatchAssignmentRunsArgs): Promise<Page<BatchAssignmentRun>> {
    this.access.requireRole(user, COMUNE_STAFF_ROLES);
    const params: unknown[] = [];
    const conditions = [
      this.access.territoryCondition(this.access.scope(user, COMUNE_STAFF_ROLES), 'r.territory_id', params),
    ];
    if (args.territoryId) {
      params.push(args.territoryId);
      conditions.push(`r.territory_id = $${params.length}`);
    }
    conditions.push(...afterCursorCondition(args.after, '(r.created_at, r.id)', 'DESC', params));
    params.push(args.first + 1);
    const rows: (BatchAssignmentRun & CursorAt)[] = await this.dataSource.query(
      `SELECT ${BATCH_RUN_COLUMNS}, ${cursorAtColumn('r.created_at')} FROM batch_assignment_runs r
        WHERE ${conditions.join(' AND ')} ORDER BY r.created_at DESC, r.id DESC LIMIT $${params.length}`,
      params,
    );
    return toPage(rows, args.first, (row) => [row.cursorAt, row.id]);
  }
}
