import { Injectable, Logger } from '@nestjs/common';
import { JobHandler, QueueProcessor } from '@prossimo/platform';
import { Job, UnrecoverableError } from 'bullmq';
import { PurgeCounts, RetentionService } from './retention.service';

export const PURGE_JOB = 'purge';

/** The maintenance `purge` job: retention of exports, health notes, codes, sessions, notifications. */
@Injectable()
@QueueProcessor('maintenance', [PURGE_JOB])
export class PurgeProcessor implements JobHandler {
  private readonly logger = new Logger(PurgeProcessor.name);

  constructor(private readonly retention: RetentionService) {}

  async process(job: Job<unknown, unknown, string>): Promise<PurgeCounts> {
    if (job.name !== PURGE_JOB) throw new UnrecoverableError(`No handler for maintenance/${job.name}`);
    const counts = await this.retention.purge();
    this.logger.log(`Retention purge: ${JSON.stringify(counts)}`);
    return counts;
  }
}
