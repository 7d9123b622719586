import { SetMetadata } from '@nestjs/common';
import { Job } from 'bullmq';
import { QueueName } from './queue-names';

export const QUEUE_PROCESSOR = Symbol('QUEUE_PROCESSOR');

/** Marks a provider as the processor of a queue; the worker app discovers and runs it. */
export const QueueProcessor = (queue: QueueName) => SetMetadata(QUEUE_PROCESSOR, queue);

export interface JobHandler {
  /** Must be idempotent: the same job can run again after a crash or a retry. */
  process(job: Job<unknown, unknown, string>): Promise<unknown>;
  /** Called once a job has used up its attempts and will not run again. */
  onExhausted?(job: Job<unknown, unknown, string>, error: Error): Promise<void>;
}
