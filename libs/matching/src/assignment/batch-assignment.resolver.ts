import { UseGuards } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthenticatedUser, AuthGuard, CurrentUser } from '@prossimo/identity';
import { Page, SensitiveOperation } from '@prossimo/platform';
import { BatchAssignmentService } from './batch-assignment.service';
import { BatchPlanEditor } from './batch-plan-editor.service';
import {
  BatchAssignmentPlanArgs,
  BatchPlanCandidate,
  BatchPlanCandidatesArgs,
  BatchPlanEdit,
  EditBatchPlanEntryInput,
  BatchAssignmentRun,
  BatchAssignmentRunPage,
  BatchAssignmentRunsArgs,
  BatchPlanEntry,
  BatchPlanEntryPage,
  PublishBatchAssignmentInput,
  RequestBatchAssignmentInput,
} from './batch-assignment.types';

@Resolver()
@UseGuards(AuthGuard)
export class BatchAssignmentResolver {
  constructor(
    private readonly batches: BatchAssignmentService,
    private readonly editor: BatchPlanEditor,
  ) {}

  @Mutation(() => BatchAssignmentRun, {
    description:
      'Comune operators: assign the open needs of a slot optimally (most served, then least travel); ' +
      'the worker sends one proposal per need and withdraws the others.',
  })
  @SensitiveOperation()
  requestBatchAssignment(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: RequestBatchAssignmentInput,
  ): Promise<BatchAssignmentRun> {
    return this.batches.request(user, input);
  }

  @Mutation(() => BatchAssignmentRun, {
    description:
      'Comune operators of the territory: send the proposals of a plan that waits (PLANNED); the run goes ' +
      'PUBLISHING, then COMPLETED. BATCH_NOT_PLANNED otherwise, BATCH_WINDOW_PAST once its period is over. Audited.',
  })
  @SensitiveOperation()
  publishBatchAssignment(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: PublishBatchAssignmentInput,
  ): Promise<BatchAssignmentRun> {
    return this.batches.publish(user, input);
  }

  @Mutation(() => BatchPlanEdit, {
    description:
      'Comune operators of the territory: change a plan that waits (PLANNED) before publishing it. Without a ' +
      'helper the need leaves the plan (it stays open); with helperUserId or organisationId it goes to that ' +
      'helper, who must be eligible by the matching engine’s rules (HELPER_NOT_ELIGIBLE) and free with the rest ' +
      'of the plan (BATCH_HELPER_BUSY, BATCH_HELPER_HOURS). The totals follow. BATCH_PLAN_NOT_EDITABLE once ' +
      'published. Audited.',
  })
  @SensitiveOperation()
  editBatchPlanEntry(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: EditBatchPlanEntryInput,
  ): Promise<BatchPlanEdit> {
    return this.editor.edit(user, input);
  }

  @Query(() => [BatchPlanCandidate], {
    description:
      'Comune staff of the territory: who could take a need of a plan instead (eligible and free with the ' +
      'rest of the plan), nearest first; empty once the need is no longer open.',
  })
  batchPlanCandidates(
    @CurrentUser() user: AuthenticatedUser,
    @Args() args: BatchPlanCandidatesArgs,
  ): Promise<BatchPlanCandidate[]> {
    return this.editor.candidates(user, args);
  }

  @Query(() => BatchPlanEntryPage, {
    description:
      'Comune staff of the territory: a run’s plan, need by need in time order, with the helper it gives each (or none).',
  })
  batchAssignmentPlan(
    @CurrentUser() user: AuthenticatedUser,
    @Args() args: BatchAssignmentPlanArgs,
  ): Promise<Page<BatchPlanEntry>> {
    return this.batches.plan(user, args);
  }

  @Query(() => BatchAssignmentRun, { description: 'Comune staff of the territory.' })
  batchAssignmentRun(
    @CurrentUser() user: AuthenticatedUser,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<BatchAssignmentRun> {
    return this.batches.run(user, id);
  }

  @Query(() => BatchAssignmentRunPage, { description: 'Comune staff: runs of my territories, newest first.' })
  batchAssignmentRuns(
    @CurrentUser() user: AuthenticatedUser,
    @Args() args: BatchAssignmentRunsArgs,
  ): Promise<Page<BatchAssignmentRun>> {
    return this.batches.runs(user, args);
  }
}
