import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { CommunityWorkerModule } from '@prossimo/community';
import { InsightsWorkerModule } from '@prossimo/insights';
import { MatchingWorkerModule } from '@prossimo/matching';
import { NotificationsModule } from '@prossimo/notifications';
import { PrivacyWorkerModule } from '@prossimo/privacy';
import { ReputationWorkerModule } from '@prossimo/reputation';
import { RequestsWorkerModule } from '@prossimo/requests';
import {
  ConfigModule,
  DatabaseModule,
  LoggingModule,
  OutboxReconcileProcessor,
  OutboxReconcileScheduler,
  OutboxRelayService,
  OutboxRepository,
  QueueModule,
  QueueReconcilerService,
} from '@prossimo/platform';
import { PERSONAL_DATA_MODULES } from '../../api/src/personal-data-modules';
import { PORT_MODULES } from '../../api/src/port-modules';
import { WorkerRunner } from './worker-runner.service';

@Module({
  imports: [
    ConfigModule,
    LoggingModule,
    DatabaseModule,
    QueueModule,
    DiscoveryModule,
    NotificationsModule,
    ...PORT_MODULES,
    RequestsWorkerModule,
    MatchingWorkerModule,
    PrivacyWorkerModule,
    ReputationWorkerModule,
    InsightsWorkerModule,
    CommunityWorkerModule,
    // Each library's part of "download my data", which the worker builds: only the export handlers
    // (the directory, identity and moderation have no other module loaded here).
    ...PERSONAL_DATA_MODULES,
  ],
  providers: [
    OutboxRelayService,
    OutboxRepository,
    QueueReconcilerService,
    OutboxReconcileProcessor,
    OutboxReconcileScheduler,
    WorkerRunner,
  ],
})
export class WorkerModule {}
