import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { CommunityWorkerModule } from '@prossimo/community';
import { InsightsWorkerModule } from '@prossimo/insights';
import { EngagementNoticesModule, MatchingWorkerModule } from '@prossimo/matching';
import { NotificationsModule, OtpSenderModule } from '@prossimo/notifications';
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
  QueueModule,
  QueueReconcilerService,
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
    OtpSenderModule,
    EngagementNoticesModule,
    RequestsWorkerModule,
    MatchingWorkerModule,
    PrivacyWorkerModule,
    ReputationWorkerModule,
    InsightsWorkerModule,
    CommunityWorkerModule,
  ],
  providers: [
    OutboxRelayService,
    QueueReconcilerService,
    OutboxReconcileProcessor,
    OutboxReconcileScheduler,
    WorkerRunner,
  ],
})
export class WorkerModule {}
