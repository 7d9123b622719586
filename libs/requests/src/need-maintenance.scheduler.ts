import { Injectable } from '@nestjs/common';
import { QueueBackendService, RepeatableJobScheduler } from '@prossimo/platform';
import { EXPIRE_NEEDS_JOB } from './need-maintenance.processor';

export const EXPIRE_NEEDS_EVERY_MS = 5 * 60 * 1000;

/** Registers the needs sweep as a BullMQ job scheduler (worker only). */
@Injectable()
export class NeedMaintenanceScheduler extends RepeatableJobScheduler {
  constructor(queues: QueueBackendService) {
    super(queues, 'maintenance', EXPIRE_NEEDS_JOB, EXPIRE_NEEDS_EVERY_MS);
  }
}
