import { UseGuards } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { AuthenticatedUser, AuthGuard, CurrentUser } from '@prossimo/identity';
import { Page } from '@prossimo/platform';
import { UnmatchedNeed, UnmatchedNeedPage, UnmatchedNeedsArgs } from '../matching.types';
import { UnmatchedNeedsService } from './unmatched-needs.service';

@Resolver()
@UseGuards(AuthGuard)
export class UnmatchedNeedsResolver {
  constructor(private readonly unmatched: UnmatchedNeedsService) {}

  @Query(() => UnmatchedNeedPage, {
    description: 'Comune staff: open needs no helper could be found for, with the reason.',
  })
  unmatchedNeeds(
    @CurrentUser() user: AuthenticatedUser,
    @Args() args: UnmatchedNeedsArgs,
  ): Promise<Page<UnmatchedNeed>> {
    return this.unmatched.unmatchedNeeds(user, args);
  }
}
