import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { NotificationsModule } from '@prossimo/notifications';
import { RequestsWorkerModule } from '@prossimo/requests';
import {
  ConfigModule,
  DatabaseModule,
  LoggingModule,
  OutboxRelayService,
  QueueModule,
} from '@prossimo/platform';
import { WorkerRunner } from './worker-runner.service';

@Module({
  imports: [
    ConfigModule,
    LoggingModule,
    DatabaseModule,
    QueueModule,
    DiscoveryModule,
    NotificationsModule,
    RequestsWorkerModule,
  ],
  providers: [OutboxRelayService, WorkerRunner],
})
export class WorkerModule {}
