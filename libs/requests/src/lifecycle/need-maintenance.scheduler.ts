import { Injectable } from '@nestjs/common';
import { JOBS, QueueBackendService, RepeatableJobScheduler } from '@prossimo/platform';

export const EXPIRE_NEEDS_EVERY_MS = 5 * 60 * 1000;

/** Registers the needs sweep as a BullMQ job scheduler (worker only). */
@Injectable()
export class NeedMaintenanceScheduler extends RepeatableJobScheduler {
  constructor(queues: QueueBackendService) {
    super(queues, JOBS.expireNeeds, EXPIRE_NEEDS_EVERY_MS);
  }
}
