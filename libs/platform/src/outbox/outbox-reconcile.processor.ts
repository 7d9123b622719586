import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '../config/config.schema';
import { APP_CONFIG } from '../config/config.module';
import { JobHandler, QueueProcessor } from '../queue/processor.decorator';
import { QueueBackendService } from '../queue/queue-backend.service';
import { RepeatableJobScheduler } from '../queue/repeatable-job.scheduler';
import { QueueReconcilerService } from './queue-reconciler.service';

export const RECONCILE_OUTBOX_JOB = 'reconcile-outbox';

/** The periodic reconciliation, run by one worker at a time (worker only). */
@Injectable()
@QueueProcessor('maintenance', [RECONCILE_OUTBOX_JOB])
export class OutboxReconcileProcessor implements JobHandler {
  constructor(private readonly reconciler: QueueReconcilerService) {}

  async process(): Promise<{ requeued: number }> {
    return { requeued: await this.reconciler.reconcile() };
  }
}

/** Schedules it every QUEUE_RECONCILE_INTERVAL_SECONDS. */
@Injectable()
export class OutboxReconcileScheduler extends RepeatableJobScheduler {
  constructor(@Inject(APP_CONFIG) config: AppConfig, queues: QueueBackendService) {
    super(queues, 'maintenance', RECONCILE_OUTBOX_JOB, config.QUEUE_RECONCILE_INTERVAL_SECONDS * 1000, true);
  }
}
