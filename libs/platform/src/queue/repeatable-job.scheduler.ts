import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { QueueBackendService, RepeatEvery } from './queue-backend.service';
import { RepeatableJob } from './queue-names';

/**
 * Registers a repeatable job as a BullMQ job scheduler when the worker starts. The queue backend
 * remembers it: the worker's queue watch re-creates it if the queue loses it (a Redis that lost
 * its data) or if it could not be created now (the backend still starting). Subclass it per job
 * (worker only).
 */
export abstract class RepeatableJobScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(this.constructor.name);

  protected constructor(
    private readonly queues: QueueBackendService,
    private readonly job: RepeatableJob,
    private readonly every: RepeatEvery,
    /** First run one interval after the schedule is created, rather than at once (costly jobs). */
    private readonly firstRunAfterInterval = false,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.queues.registerSchedule({
        queueName: this.job.queue,
        jobName: this.job.name,
        every: this.every,
        firstRunAfterInterval: this.firstRunAfterInterval,
      });
    } catch (error) {
      this.logger.warn(`Could not schedule ${this.job.name} yet: ${(error as Error).message}`);
    }
  }
}
