import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { QueueBackendService } from '@prossimo/platform';
import { EXPIRE_NEEDS_JOB } from './need-maintenance.processor';

export const EXPIRE_NEEDS_EVERY_MS = 5 * 60 * 1000;
const RETRY_MS = 30_000;

/**
 * Registers the needs sweep as a BullMQ job scheduler (worker only). Upserting the same scheduler
 * id from several workers keeps a single schedule.
 */
@Injectable()
export class NeedMaintenanceScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(NeedMaintenanceScheduler.name);
  private retry: NodeJS.Timeout | undefined;

  constructor(private readonly queues: QueueBackendService) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.schedule();
  }

  onApplicationShutdown(): void {
    clearTimeout(this.retry);
  }

  private async schedule(): Promise<void> {
    try {
      await this.queues
        .queue('maintenance')
        .upsertJobScheduler(
          EXPIRE_NEEDS_JOB,
          { every: EXPIRE_NEEDS_EVERY_MS },
          { name: EXPIRE_NEEDS_JOB, data: {} },
        );
    } catch (error) {
      // The queue backend may be starting too: try again rather than leave needs unexpired.
      this.logger.warn(`Could not schedule ${EXPIRE_NEEDS_JOB}: ${(error as Error).message}`);
      this.retry = setTimeout(() => void this.schedule(), RETRY_MS);
      this.retry.unref();
    }
  }
}
