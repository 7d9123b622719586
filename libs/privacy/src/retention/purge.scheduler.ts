import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, JOBS, QueueBackendService, RepeatableJobScheduler } from '@prossimo/platform';

/** The retention purge as a repeatable job, every PURGE_EVERY_MINUTES (worker only). */
@Injectable()
export class PurgeScheduler extends RepeatableJobScheduler {
  constructor(@Inject(APP_CONFIG) config: AppConfig, queues: QueueBackendService) {
    super(queues, JOBS.purge, config.PURGE_EVERY_MINUTES * 60_000);
  }
}
