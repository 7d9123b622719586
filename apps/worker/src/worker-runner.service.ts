import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import {
  APP_CONFIG,
  AppConfig,
  JobHandlerDeclaration,
  jobHandlersOf,
  OutboxRelayService,
  QueueBackendService,
  QueueName,
  QueueReconcilerService,
} from '@prossimo/platform';
import { Job, UnrecoverableError } from 'bullmq';

/** One job's route: the provider instance and its handler methods (typed where they are declared). */
interface JobRoute {
  handle(payload: unknown, job: Job): Promise<unknown>;
  onExhausted?(payload: unknown, error: Error): Promise<void>;
}

type Method = (this: object, ...args: unknown[]) => Promise<unknown>;

/**
 * Finds every provider's @OnJob handlers, runs a BullMQ worker per queue, and starts the queue
 * reconciler and (unless OUTBOX_RELAY_IN_WORKER=false: apps/relay runs it) the outbox relay.
 */
@Injectable()
export class WorkerRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WorkerRunner.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly discovery: DiscoveryService,
    private readonly queues: QueueBackendService,
    private readonly relay: OutboxRelayService,
    private readonly reconciler: QueueReconcilerService,
  ) {}

  onApplicationBootstrap(): void {
    for (const [queue, routes] of this.discoverRoutes()) {
      const routeFor = (jobName: string): JobRoute => {
        const route = routes.get(jobName);
        if (!route) throw new UnrecoverableError(`No processor for ${queue}/${jobName}`);
        return route;
      };
      const worker = this.queues.createWorker(
        queue,
        (job) => routeFor(job.name).handle(job.data ?? {}, job),
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
        const route = routes.get(job.name);
        if (exhausted && route?.onExhausted) {
          route.onExhausted(job.data ?? {}, error).catch((hookError: unknown) => {
            this.logger.error(`onExhausted for ${job.id} failed: ${(hookError as Error).message}`);
          });
        }
      });
      this.logger.log(`Processing queue ${queue} on ${this.queues.backend}`);
    }
    // Where the relay has a process of its own (OUTBOX_RELAY_IN_WORKER=false), the delivery workers
    // leave the queue inserts to it: their CPU goes to jobs (issue 18).
    if (this.config.OUTBOX_RELAY_IN_WORKER) this.relay.start();
    this.reconciler.start();
  }

  /** queue -> job name -> route, from every provider's @OnJob methods (one handler per job). */
  private discoverRoutes(): Map<QueueName, Map<string, JobRoute>> {
    const routes = new Map<QueueName, Map<string, JobRoute>>();
    for (const wrapper of this.discovery.getProviders()) {
      if (!wrapper.metatype || !wrapper.instance) continue;
      const instance = wrapper.instance as Record<string | symbol, Method>;
      for (const declaration of jobHandlersOf(wrapper.metatype)) {
        const { queue, name } = declaration.job;
        const queueRoutes = routes.get(queue) ?? new Map<string, JobRoute>();
        if (queueRoutes.has(name)) throw new Error(`Two processors for ${queue}/${name}`);
        queueRoutes.set(name, this.routeOf(instance, declaration));
        routes.set(queue, queueRoutes);
      }
    }
    return routes;
  }

  private routeOf(instance: Record<string | symbol, Method>, declaration: JobHandlerDeclaration): JobRoute {
    const { handle, onExhausted } = declaration;
    if (handle === undefined) {
      throw new Error(`${declaration.job.queue}/${declaration.job.name} has @OnJobExhausted but no @OnJob`);
    }
    return {
      handle: (payload, job) => instance[handle].call(instance, payload, job),
      onExhausted:
        onExhausted === undefined
          ? undefined
          : async (payload, error) => {
              await instance[onExhausted].call(instance, payload, error);
            },
    };
  }

  /** Stop taking work first; active jobs finish (worker.close waits), then connections close. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.stop();
    await this.queues.closeWorkers();
    await this.reconciler.stop();
  }
}
