import { UseGuards } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthenticatedUser, AuthGuard, CurrentUser } from '@prossimo/identity';
import { Page, SensitiveOperation } from '@prossimo/platform';
import { BatchAssignmentService } from './batch-assignment.service';
import {
  BatchAssignmentRun,
  BatchAssignmentRunPage,
  BatchAssignmentRunsArgs,
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
