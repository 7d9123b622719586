import { Injectable } from '@nestjs/common';
import { JOBS, OnJob, OnJobExhausted, PayloadOf } from '@prossimo/platform';
import { BatchAssignmentEngine, BatchRunOutcome } from './batch-assignment.engine';

type AssignBatch = PayloadOf<typeof JOBS.assignBatch>;

/**
 * A batch assignment run (payload: the run id only), and the repeatable job that starts the
 * scheduled runs of the territories that opted in (no payload).
 */
@Injectable()
export class BatchAssignmentProcessor {
  constructor(private readonly engine: BatchAssignmentEngine) {}

  @OnJob(JOBS.assignBatch)
  run({ runId }: AssignBatch): Promise<BatchRunOutcome | null> {
    return this.engine.run(runId);
  }

  /** The operator sees the run failed instead of running forever. */
  @OnJobExhausted(JOBS.assignBatch)
  async runExhausted({ runId }: AssignBatch, error: Error): Promise<void> {
    await this.engine.markFailed(runId, error.message);
  }

  @OnJob(JOBS.scheduleBatchAssignments)
  async scheduleRuns(): Promise<{ runs: number }> {
    return { runs: await this.engine.scheduleRuns() };
  }
}
