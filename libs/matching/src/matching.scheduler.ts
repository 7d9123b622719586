import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig, QueueBackendService } from '@prossimo/platform';
import { SWEEP_UNMATCHED_JOB } from './matching.processor';

const RETRY_MS = 30_000;

/**
 * Registers the sweep of unmatched needs as a BullMQ job scheduler (worker only), every
 * MATCHING_SWEEP_INTERVAL_SECONDS. Upserting the same scheduler id from several workers keeps a
 * single schedule, and a changed interval replaces the old one.
 */
@Injectable()
export class MatchingScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MatchingScheduler.name);
  private retry: NodeJS.Timeout | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queues: QueueBackendService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.schedule();
  }

  onApplicationShutdown(): void {
    clearTimeout(this.retry);
  }

  private async schedule(): Promise<void> {
    try {
      await this.queues
        .queue('matching')
        .upsertJobScheduler(
          SWEEP_UNMATCHED_JOB,
          { every: this.config.MATCHING_SWEEP_INTERVAL_SECONDS * 1000 },
          { name: SWEEP_UNMATCHED_JOB, data: {} },
        );
    } catch (error) {
      // The queue backend may be starting too: try again rather than leave needs unswept.
      this.logger.warn(`Could not schedule ${SWEEP_UNMATCHED_JOB}: ${(error as Error).message}`);
      this.retry = setTimeout(() => void this.schedule(), RETRY_MS);
      this.retry.unref();
    }
  }
}
