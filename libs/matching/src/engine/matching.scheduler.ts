import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, JOBS, QueueBackendService, RepeatableJobScheduler } from '@prossimo/platform';

/**
 * Registers the sweep of unmatched needs as a BullMQ job scheduler (worker only), every
 * MATCHING_SWEEP_INTERVAL_SECONDS. Upserting the same scheduler id from several workers keeps a
 * single schedule, and a changed interval replaces the old one.
 */
@Injectable()
export class MatchingScheduler extends RepeatableJobScheduler {
  constructor(@Inject(APP_CONFIG) config: AppConfig, queues: QueueBackendService) {
    super(queues, JOBS.sweepUnmatched, config.MATCHING_SWEEP_INTERVAL_SECONDS * 1000);
  }
}
