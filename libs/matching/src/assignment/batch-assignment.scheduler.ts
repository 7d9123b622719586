import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, JOBS, QueueBackendService, RepeatableJobScheduler } from '@prossimo/platform';

/**
 * Registers the scheduled batch assignment as a BullMQ job scheduler (worker only), on the cron
 * pattern MATCHING_BATCH_SCHEDULE in Rome time. Several workers upserting the same scheduler id
 * keep one schedule; the job itself starts each territory's run for a window once.
 */
@Injectable()
export class BatchAssignmentScheduler extends RepeatableJobScheduler {
  constructor(@Inject(APP_CONFIG) config: AppConfig, queues: QueueBackendService) {
    super(queues, JOBS.scheduleBatchAssignments, {
      pattern: config.MATCHING_BATCH_SCHEDULE.trim(),
      tz: 'Europe/Rome',
    });
  }
}
