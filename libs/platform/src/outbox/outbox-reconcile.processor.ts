import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '../config/config.schema';
import { APP_CONFIG } from '../config/config.module';
import { OnJob } from '../queue/processor.decorator';
import { JOBS } from '../queue/queue-names';
import { QueueBackendService } from '../queue/queue-backend.service';
import { RepeatableJobScheduler } from '../queue/repeatable-job.scheduler';
import { QueueReconcilerService } from './queue-reconciler.service';

/** The periodic reconciliation, run by one worker at a time (worker only). */
@Injectable()
export class OutboxReconcileProcessor {
  constructor(private readonly reconciler: QueueReconcilerService) {}

  @OnJob(JOBS.reconcileOutbox)
  async reconcile(): Promise<{ requeued: number }> {
    return { requeued: await this.reconciler.reconcile() };
  }
}

/** Schedules it every QUEUE_RECONCILE_INTERVAL_SECONDS. */
@Injectable()
export class OutboxReconcileScheduler extends RepeatableJobScheduler {
  constructor(@Inject(APP_CONFIG) config: AppConfig, queues: QueueBackendService) {
    super(queues, JOBS.reconcileOutbox, config.QUEUE_RECONCILE_INTERVAL_SECONDS * 1000, true);
  }
}
