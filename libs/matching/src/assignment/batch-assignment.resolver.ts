import { UseGuards } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthenticatedUser, AuthGuard, CurrentUser } from '@prossimo/identity';
import { Page, SensitiveOperation } from '@prossimo/platform';
import { BatchAssignmentService } from './batch-assignment.service';
import {
  BatchAssignmentPlanArgs,
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
  constructor(private readonly batches: BatchAssignmentService) {}

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
