import { Injectable, Logger } from '@nestjs/common';
import { JOBS, OnJob } from '@prossimo/platform';
import { NeedLifecycleService } from './need-lifecycle.service';

/**
 * The periodic sweep of needs: applies moderation decisions to pre-moderated needs, then expires
 * the needs whose time window has ended. Both steps are idempotent, so a retried job is harmless.
 */
@Injectable()
export class NeedMaintenanceProcessor {
  private readonly logger = new Logger(NeedMaintenanceProcessor.name);

  constructor(private readonly lifecycle: NeedLifecycleService) {}

  @OnJob(JOBS.expireNeeds)
  async sweep(): Promise<{ opened: number; expired: number }> {
    const opened = await this.lifecycle.applyPendingModerationDecisions();
    const expired = await this.lifecycle.expireEndedNeeds();
    if (opened || expired)
      this.logger.log(`Needs sweep: ${opened} moderation decisions applied, ${expired} expired`);
    return { opened, expired };
  }
}
