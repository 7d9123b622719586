import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, QueueBackendService, RepeatableJobScheduler } from '@prossimo/platform';
import { SCHEDULE_BATCH_ASSIGNMENTS_JOB } from './batch-assignment.processor';

/**
 * Registers the scheduled batch assignment as a BullMQ job scheduler (worker only), on the cron
 * pattern MATCHING_BATCH_SCHEDULE in Rome time. Several workers upserting the same scheduler id
 * keep one schedule; the job itself starts each territory's run for a window once.
 */
@Injectable()
export class BatchAssignmentScheduler extends RepeatableJobScheduler {
  constructor(@Inject(APP_CONFIG) config: AppConfig, queues: QueueBackendService) {
    super(queues, 'matching', SCHEDULE_BATCH_ASSIGNMENTS_JOB, {
      pattern: config.MATCHING_BATCH_SCHEDULE.trim(),
      tz: 'Europe/Rome',
    });
  }
}
