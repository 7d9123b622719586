import { UseGuards } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { AuthenticatedUser, AuthGuard, CurrentUser } from '@prossimo/identity';
import { SensitiveOperation } from '@prossimo/platform';
import { AssignHelperInput, MatchProposal } from '../matching.types';
import { ManualAssignmentService } from './manual-assignment.service';

@Resolver()
@UseGuards(AuthGuard)
export class ManualAssignmentResolver {
  constructor(private readonly assignment: ManualAssignmentService) {}

  @Mutation(() => MatchProposal, {
    description:
      'Comune operators: propose the need to a helper or organisation chosen from needCandidates. Audited.',
  })
  @SensitiveOperation()
  assignHelper(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: AssignHelperInput,
  ): Promise<MatchProposal> {
    return this.assignment.assignHelper(user, input);
  }
}
