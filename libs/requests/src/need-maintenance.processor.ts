import { Injectable, Logger } from '@nestjs/common';
import { JobHandler, QueueProcessor } from '@prossimo/platform';
import { Job, UnrecoverableError } from 'bullmq';
import { NeedLifecycleService } from './need-lifecycle.service';

export const EXPIRE_NEEDS_JOB = 'expire-needs';

/**
 * The periodic sweep of needs: applies moderation decisions to pre-moderated needs, then expires
 * the needs whose time window has ended. Both steps are idempotent, so a retried job is harmless.
 */
@Injectable()
@QueueProcessor('maintenance', [EXPIRE_NEEDS_JOB])
export class NeedMaintenanceProcessor implements JobHandler {
  private readonly logger = new Logger(NeedMaintenanceProcessor.name);

  constructor(private readonly lifecycle: NeedLifecycleService) {}

  async process(job: Job<unknown, unknown, string>): Promise<{ opened: number; expired: number }> {
    // Fail loudly rather than mark another maintenance job as done without doing it.
    if (job.name !== EXPIRE_NEEDS_JOB) throw new UnrecoverableError(`No handler for maintenance/${job.name}`);
    return this.sweep();
  }

  async sweep(): Promise<{ opened: number; expired: number }> {
    const opened = await this.lifecycle.applyPendingModerationDecisions();
    const expired = await this.lifecycle.expireEndedNeeds();
    if (opened || expired)
      this.logger.log(`Needs sweep: ${opened} moderation decisions applied, ${expired} expired`);
    return { opened, expired };
  }
}
