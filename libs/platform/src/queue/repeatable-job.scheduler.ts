import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { QueueBackendService } from './queue-backend.service';
import { QueueName } from './queue-names';

const RETRY_MS = 30_000;

/** Every so many milliseconds, or on a cron pattern in a time zone. */
export type RepeatEvery = number | { pattern: string; tz: string };

/**
 * Registers a repeatable job as a BullMQ job scheduler when the worker starts. Upserting the same
 * scheduler id from several workers keeps a single schedule. Subclass it per job (worker only).
 */
export abstract class RepeatableJobScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(this.constructor.name);
  private retry: NodeJS.Timeout | undefined;

  protected constructor(
    private readonly queues: QueueBackendService,
    private readonly queueName: QueueName,
    private readonly jobName: string,
    private readonly every: RepeatEvery,
    /** First run one interval after the schedule is created, rather than at once (costly jobs). */
    private readonly firstRunAfterInterval = false,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.schedule();
  }

  onApplicationShutdown(): void {
    clearTimeout(this.retry);
  }

  private async schedule(): Promise<void> {
    try {
      await this.queues.queue(this.queueName).upsertJobScheduler(
        this.jobName,
        typeof this.every === 'number'
          ? {
              every: this.every,
              ...(this.firstRunAfterInterval ? { startDate: Date.now() + this.every } : {}),
            }
          : { pattern: this.every.pattern, tz: this.every.tz },
        { name: this.jobName, data: {} },
      );
    } catch (error) {
      // The queue backend may be starting too: try again rather than leave the job unscheduled.
      this.logger.warn(`Could not schedule ${this.jobName}: ${(error as Error).message}`);
      this.retry = setTimeout(() => void this.schedule(), RETRY_MS);
      this.retry.unref();
    }
  }
}
