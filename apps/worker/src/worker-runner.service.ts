import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import {
  APP_CONFIG,
  AppConfig,
  JobHandler,
  OutboxRelayService,
  QUEUE_PROCESSOR,
  QueueBackendService,
  QueueName,
} from '@prossimo/platform';
import { UnrecoverableError } from 'bullmq';

/** Finds every @QueueProcessor provider, runs a BullMQ worker for it, and starts the outbox relay. */
@Injectable()
export class WorkerRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WorkerRunner.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    private readonly queues: QueueBackendService,
    private readonly relay: OutboxRelayService,
  ) {}

  onApplicationBootstrap(): void {
    const handlers = new Map<QueueName, JobHandler>();
    for (const wrapper of this.discovery.getProviders()) {
      if (!wrapper.metatype || !wrapper.instance) continue;
      const queue = this.reflector.get<QueueName | undefined>(QUEUE_PROCESSOR, wrapper.metatype);
      if (!queue) continue;
      if (handlers.has(queue)) throw new Error(`Two processors for queue ${queue}`);
      handlers.set(queue, wrapper.instance as JobHandler);
    }
    for (const [queue, handler] of handlers) {
      const worker = this.queues.createWorker(
        queue,
        (job) => handler.process(job),
        this.config.WORKER_CONCURRENCY,
      );
      worker.on('failed', (job, error) => {
        if (!job) return;
        const exhausted = error instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
        this.logger.warn(
          `Job ${queue}/${job.name} ${job.id} failed (attempt ${job.attemptsMade}${exhausted ? ', final' : ''}): ${error.message}`,
        );
        if (exhausted && handler.onExhausted) {
          handler.onExhausted(job, error).catch((hookError: unknown) => {
            this.logger.error(`onExhausted for ${job.id} failed: ${(hookError as Error).message}`);
          });
        }
      });
      this.logger.log(`Processing queue ${queue} on ${this.queues.backend}`);
    }
    this.relay.start();
  }

  /** Stop taking work first; active jobs finish (worker.close waits), then connections close. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.stop();
    await this.queues.closeWorkers();
  }
}
