import { Module } from '@nestjs/common';
import { IdentityModule } from '@prossimo/identity';
import { NotificationsModule } from '@prossimo/notifications';
import { NeedMatchStatesRepository } from '../needs/need-match-states.repository';
import { NeedReadsRepository } from '../needs/need-reads.repository';
import { ProposalsRepository } from '../proposals/proposals.repository';
import { ProposalWriter } from '../proposals/proposal-writer.service';
import { BatchAssignmentEngine } from './batch-assignment.engine';
import { BatchAssignmentProcessor } from './batch-assignment.processor';
import { BatchAssignmentRepository } from './batch-assignment.repository';
import { BatchAssignmentResolver } from './batch-assignment.resolver';
import { BatchAssignmentScheduler } from './batch-assignment.scheduler';
import { BatchAssignmentService } from './batch-assignment.service';
import { BatchPlanEditor } from './batch-plan-editor.service';
import { BatchRunsRepository } from './batch-runs.repository';

/** Batch assignment for the API: operators request runs and read their results. */
@Module({
  imports: [IdentityModule],
  providers: [
    NeedReadsRepository,
    BatchAssignmentRepository,
    BatchAssignmentService,
    BatchPlanEditor,
    BatchAssignmentResolver,
  ],
})
export class BatchAssignmentModule {}

/** Batch assignment for the worker: the assign-batch job and the evening schedule. */
@Module({
  imports: [NotificationsModule],
  providers: [
    NeedReadsRepository,
    NeedMatchStatesRepository,
    ProposalsRepository,
    BatchAssignmentRepository,
    BatchRunsRepository,
    BatchAssignmentEngine,
    BatchAssignmentProcessor,
    BatchAssignmentScheduler,
    ProposalWriter,
  ],
})
export class BatchAssignmentWorkerModule {}
