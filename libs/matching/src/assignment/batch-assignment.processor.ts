import { Injectable } from '@nestjs/common';
import { JobHandler, QueueProcessor } from '@prossimo/platform';
import { Job, UnrecoverableError } from 'bullmq';
import { BatchAssignmentEngine, BatchRunOutcome } from './batch-assignment.engine';

export const ASSIGN_BATCH_JOB = 'assign-batch';
export const SCHEDULE_BATCH_ASSIGNMENTS_JOB = 'schedule-batch-assignments';

/**
 * A batch assignment run (payload: the run id only), and the repeatable job that starts the
 * scheduled runs of the territories that opted in (no payload).
 */
@Injectable()
@QueueProcessor('matching', [ASSIGN_BATCH_JOB, SCHEDULE_BATCH_ASSIGNMENTS_JOB])
export class BatchAssignmentProcessor implements JobHandler {
  constructor(private readonly engine: BatchAssignmentEngine) {}

  async process(job: Job<unknown, unknown, string>): Promise<BatchRunOutcome | { runs: number } | null> {
    if (job.name === SCHEDULE_BATCH_ASSIGNMENTS_JOB) return { runs: await this.engine.scheduleRuns() };
    const data = (job.data ?? {}) as { runId?: unknown };
    if (job.name !== ASSIGN_BATCH_JOB || typeof data.runId !== 'string') {
      throw new UnrecoverableError(`No handler for matching/${job.name}`);
    }
    return this.engine.run(data.runId);
  }

  /** The operator sees the run failed instead of running forever. */
  async onExhausted(job: Job<unknown, unknown, string>, error: Error): Promise<void> {
    const data = (job.data ?? {}) as { runId?: unknown };
    if (typeof data.runId === 'string') await this.engine.markFailed(data.runId, error.message);
  }
}
