import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, AuthenticatedUser, COMUNE_STAFF_ROLES, Role } from '@prossimo/identity';
import {
  DomainError,
  JOBS,
  outboxJob,
  Page,
  registerMessages,
  toKeysetPage,
  toPage,
  writeAudit,
  writeOutbox,
} from '@prossimo/platform';
import { territoryExists } from '@prossimo/territory';
import { DataSource, EntityManager } from 'typeorm';
import {
  BatchAssignmentPlanArgs,
  BatchAssignmentRun,
  BatchAssignmentRunsArgs,
  BatchPlanEntry,
  PublishBatchAssignmentInput,
  RequestBatchAssignmentInput,
} from './batch-assignment.types';
import { BatchAssignmentRepository } from './batch-assignment.repository';

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

/**
 * Comune operators ask for an optimal assignment of their territory's open needs in a slot;
 * the worker runs it (assign-batch job, ids only) and the run records what it did.
 */
@Injectable()
export class BatchAssignmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly batchRows: BatchAssignmentRepository,
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
      if (!(await territoryExists(manager, input.territoryId))) throw new DomainError('FORBIDDEN');
      const runId = await this.batchRows.insertRun(manager, {
        territoryId: input.territoryId,
        category: input.category,
        from: input.from,
        to: input.to,
        requestedByUserId: user.userId,
        publish: input.publish !== false,
      });
      await writeOutbox(manager, outboxJob(JOBS.assignBatch, { runId }));
      await writeAudit(manager, {
        actorUserId: user.userId,
        action: 'matching.batch_assignment_requested',
        entityType: 'batch_assignment_run',
        entityId: runId,
        territoryId: input.territoryId,
        details: { category: input.category, publish: input.publish !== false },
      });
      return runId;
    });
    return this.run(user, id);
  }

  /** An operator of the territory publishes a plan that waits (PLANNED): the worker sends its proposals. */
  async publish(user: AuthenticatedUser, input: PublishBatchAssignmentInput): Promise<BatchAssignmentRun> {
    this.access.requireRole(user, [Role.COMUNE_OPERATOR]);
    await this.dataSource.transaction(async (manager) => {
      const run = await this.batchRows.lockRunForPublishing(manager, input.runId);
      if (!run) throw new DomainError('BATCH_ASSIGNMENT_NOT_FOUND', { field: 'runId' });
      this.access.requireTerritoryRole(user, run.territoryId, [Role.COMUNE_OPERATOR]);
      if (run.status !== 'planned') throw new DomainError('BATCH_NOT_PLANNED', { field: 'runId' });
      if (run.windowEnd.getTime() <= Date.now())
        throw new DomainError('BATCH_WINDOW_PAST', { field: 'runId' });
      await this.batchRows.markPublishing(manager, input.runId, user.userId);
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
    const rows = await this.batchRows.findPlanPage(args.runId, args);
    return toPage(rows, args.first, (row) => [row.cursorAt, row.needId]);
  }

  /** One need of a run's plan, as batchAssignmentPlan shows it (the caller checked access). */
  async entry(manager: EntityManager, runId: string, needId: string): Promise<BatchPlanEntry> {
    return this.batchRows.findPlanEntry(manager, runId, needId);
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
    const row = await this.batchRows.findRun(manager, scope, params);
    if (!row) throw new DomainError('BATCH_ASSIGNMENT_NOT_FOUND', { field: 'id' });
    return row;
  }

  async runs(user: AuthenticatedUser, args: BatchAssignmentRunsArgs): Promise<Page<BatchAssignmentRun>> {
    this.access.requireRole(user, COMUNE_STAFF_ROLES);
    const params: unknown[] = [];
    const scope = this.access.territoryCondition(
      this.access.scope(user, COMUNE_STAFF_ROLES),
      'r.territory_id',
      params,
    );
    const rows = await this.batchRows.findRunsPage(scope, params, args);
    return toKeysetPage(rows, args.first);
  }
}
