import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { CommunityPersonalDataModule, CommunityWorkerModule } from '@prossimo/community';
import { DirectoryPersonalDataModule } from '@prossimo/directory';
import { IdentityPersonalDataModule } from '@prossimo/identity';
import { InsightsWorkerModule } from '@prossimo/insights';
import {
  EngagementNoticesModule,
  MatchingPersonalDataModule,
  MatchingWorkerModule,
} from '@prossimo/matching';
import { ModerationPersonalDataModule } from '@prossimo/moderation';
import {
  NotificationsModule,
  NotificationsPersonalDataModule,
  OtpSenderModule,
} from '@prossimo/notifications';
import { PrivacyWorkerModule } from '@prossimo/privacy';
import { ReputationPersonalDataModule, ReputationWorkerModule } from '@prossimo/reputation';
import { RequestsPersonalDataModule, RequestsWorkerModule } from '@prossimo/requests';
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
    // Each library's part of "download my data", which the worker builds: only the export handlers
    // (the directory, identity and moderation have no other module loaded here).
    IdentityPersonalDataModule,
    NotificationsPersonalDataModule,
    RequestsPersonalDataModule,
    MatchingPersonalDataModule,
    CommunityPersonalDataModule,
    ReputationPersonalDataModule,
    DirectoryPersonalDataModule,
    ModerationPersonalDataModule,
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
