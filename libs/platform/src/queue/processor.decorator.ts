import { SetMetadata } from '@nestjs/common';
import { Job } from 'bullmq';
import { QueueName } from './queue-names';

export const QUEUE_PROCESSOR = Symbol('QUEUE_PROCESSOR');

export interface QueueProcessorMetadata {
  queue: QueueName;
  /** The job names it handles; none means every job of the queue (then it must be the only one). */
  jobs?: readonly string[];
}

/** Marks a provider as a processor of a queue; the worker app discovers it and routes jobs by name. */
export const QueueProcessor = (queue: QueueName, jobs?: readonly string[]) =>
  SetMetadata(QUEUE_PROCESSOR, { queue, jobs } satisfies QueueProcessorMetadata);

export interface JobHandler {
  /** Must be idempotent: the same job can run again after a crash or a retry. */
  process(job: Job<unknown, unknown, string>): Promise<unknown>;
  /** Called once a job has used up its attempts and will not run again. */
  onExhausted?(job: Job<unknown, unknown, string>, error: Error): Promise<void>;
}
