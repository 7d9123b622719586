import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { CommunityWorkerModule } from '@prossimo/community';
import { InsightsWorkerModule } from '@prossimo/insights';
import { EngagementNoticesModule, EngagementSidesModule, MatchingWorkerModule } from '@prossimo/matching';
import { NotificationsModule, OtpSenderModule } from '@prossimo/notifications';
import { PrivacyNoticesModule, PrivacyWorkerModule } from '@prossimo/privacy';
import { ReputationWorkerModule } from '@prossimo/reputation';
import { RequestsWorkerModule } from '@prossimo/requests';
import { TerritoryCoverageModule } from '@prossimo/territory';
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
    TerritoryCoverageModule,
    PrivacyNoticesModule,
    EngagementNoticesModule,
    EngagementSidesModule,
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
