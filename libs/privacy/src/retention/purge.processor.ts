import { Injectable, Logger } from '@nestjs/common';
import { JOBS, OnJob } from '@prossimo/platform';
import { PurgeCounts, RetentionService } from './retention.service';

/** The maintenance `purge` job: retention of exports, health notes, codes, sessions, notifications. */
@Injectable()
export class PurgeProcessor {
  private readonly logger = new Logger(PurgeProcessor.name);

  constructor(private readonly retention: RetentionService) {}

  @OnJob(JOBS.purge)
  async purge(): Promise<PurgeCounts> {
    const counts = await this.retention.purge();
    this.logger.log(`Retention purge: ${JSON.stringify(counts)}`);
    return counts;
  }
}
