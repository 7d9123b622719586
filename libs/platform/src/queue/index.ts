export * from './queue-names';
export * from './queue-backend.service';
export * from './processor.decorator';
export * from './queue.module';
export * from './repeatable-job.scheduler';
export * from './redis-connection';
