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
  QueueProcessorMetadata,
  QueueReconcilerService,
} from '@prossimo/platform';

const ANY_JOB = '*';
import { UnrecoverableError } from 'bullmq';

/**
 * Finds every @QueueProcessor provider, runs a BullMQ worker for it, and starts the outbox relay
 * and the queue reconciler.
 */
@Injectable()
export class WorkerRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WorkerRunner.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    private readonly queues: QueueBackendService,
    private readonly relay: OutboxRelayService,
    private readonly reconciler: QueueReconcilerService,
  ) {}

  onApplicationBootstrap(): void {
    for (const [queue, routes] of this.discoverRoutes()) {
      const handlerFor = (jobName: string): JobHandler => {
        const handler = routes.get(jobName) ?? routes.get(ANY_JOB);
        if (!handler) throw new UnrecoverableError(`No processor for ${queue}/${jobName}`);
        return handler;
      };
      const worker = this.queues.createWorker(
        queue,
        (job) => handlerFor(job.name).process(job),
        this.config.WORKER_CONCURRENCY,
        // IO's published limit is per API key: the limiter counts over every worker of the queue.
        queue === 'io'
          ? { max: this.config.IO_RATE_LIMIT_MAX, duration: this.config.IO_RATE_LIMIT_DURATION_MS }
          : undefined,
      );
      // Its outbox row is finished: the reconciler no longer expects the queue to hold it.
      worker.on('completed', (job) => this.reconciler.jobFinished(job.id));
      worker.on('failed', (job, error) => {
        if (!job) return;
        const exhausted = error instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
        if (exhausted) this.reconciler.jobFinished(job.id);
        this.logger.warn(
          `Job ${queue}/${job.name} ${job.id} failed (attempt ${job.attemptsMade}${exhausted ? ', final' : ''}): ${error.message}`,
        );
        const handler = routes.get(job.name) ?? routes.get(ANY_JOB);
        if (exhausted && handler?.onExhausted) {
          handler.onExhausted(job, error).catch((hookError: unknown) => {
            this.logger.error(`onExhausted for ${job.id} failed: ${(hookError as Error).message}`);
          });
        }
      });
      this.logger.log(`Processing queue ${queue} on ${this.queues.backend}`);
    }
    this.relay.start();
    this.reconciler.start();
  }

  /** queue -> job name (or ANY_JOB) -> handler, from every @QueueProcessor provider. */
  private discoverRoutes(): Map<QueueName, Map<string, JobHandler>> {
    const routes = new Map<QueueName, Map<string, JobHandler>>();
    for (const wrapper of this.discovery.getProviders()) {
      if (!wrapper.metatype || !wrapper.instance) continue;
      const metadata = this.reflector.get<QueueProcessorMetadata | undefined>(
        QUEUE_PROCESSOR,
        wrapper.metatype,
      );
      if (!metadata) continue;
      const queueRoutes = routes.get(metadata.queue) ?? new Map<string, JobHandler>();
      for (const jobName of metadata.jobs?.length ? metadata.jobs : [ANY_JOB]) {
        if (queueRoutes.has(jobName)) throw new Error(`Two processors for ${metadata.queue}/${jobName}`);
        queueRoutes.set(jobName, wrapper.instance as JobHandler);
      }
      if (queueRoutes.has(ANY_JOB) && queueRoutes.size > 1) {
        throw new Error(`Queue ${metadata.queue} has a catch-all processor and named ones`);
      }
      routes.set(metadata.queue, queueRoutes);
    }
    return routes;
  }

  /** Stop taking work first; active jobs finish (worker.close waits), then connections close. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.stop();
    await this.queues.closeWorkers();
    await this.reconciler.stop();
  }
}
