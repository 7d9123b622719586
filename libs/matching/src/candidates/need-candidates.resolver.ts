import { UseGuards } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { AuthenticatedUser, AuthGuard, CurrentUser } from '@prossimo/identity';
import { NeedCandidatesArgs, RankedCandidate } from '../matching.types';
import { NeedCandidatesService } from './need-candidates.service';

@Resolver()
@UseGuards(AuthGuard)
export class NeedCandidatesResolver {
  constructor(private readonly candidates: NeedCandidatesService) {}

  @Query(() => [RankedCandidate], {
    description:
      'Comune staff: everyone who could take an open need now (volunteers and accredited organisations), best first, with why.',
  })
  needCandidates(
    @CurrentUser() user: AuthenticatedUser,
    @Args() args: NeedCandidatesArgs,
  ): Promise<RankedCandidate[]> {
    return this.candidates.needCandidates(user, args);
  }
}
