import { UseGuards } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthenticatedUser, AuthGuard, CurrentUser } from '@prossimo/identity';
import { Page, PageArgs } from '@prossimo/platform';
import {
  Engagement,
  MatchProposal,
  MatchProposalPage,
  OrganisationProposalsArgs,
  ProposalDecisionInput,
} from '../matching.types';
import { ProposalsService } from './proposals.service';

@Resolver()
@UseGuards(AuthGuard)
export class ProposalsResolver {
  constructor(private readonly proposals: ProposalsService) {}

  @Query(() => MatchProposalPage, { description: 'Helpers: the proposals sent to me, newest first.' })
  myProposals(@CurrentUser() user: AuthenticatedUser, @Args() args: PageArgs): Promise<Page<MatchProposal>> {
    return this.proposals.myProposals(user, args);
  }

  @Query(() => MatchProposalPage, {
    description:
      'Organisation members: the needs proposed to the organisation (any member may accept or decline), newest first.',
  })
  organisationProposals(
    @CurrentUser() user: AuthenticatedUser,
    @Args() args: OrganisationProposalsArgs,
  ): Promise<Page<MatchProposal>> {
    return this.proposals.organisationProposals(user, args);
  }

  @Query(() => MatchProposalPage, {
    description: 'Comune staff: the helpers proposed for a need, by rank, with why each was chosen.',
  })
  needProposals(
    @CurrentUser() user: AuthenticatedUser,
    @Args('needId', { type: () => ID }) needId: string,
    @Args() args: PageArgs,
  ): Promise<Page<MatchProposal>> {
    return this.proposals.needProposals(user, needId, args);
  }

  @Mutation(() => Engagement, {
    description: 'Helpers: accept a proposal. The first helper to accept gets the engagement.',
  })
  acceptProposal(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: ProposalDecisionInput,
  ): Promise<Engagement> {
    return this.proposals.acceptProposal(user, input.proposalId);
  }

  @Mutation(() => MatchProposal, { description: 'Helpers: decline a proposal; the next candidate is asked.' })
  declineProposal(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: ProposalDecisionInput,
  ): Promise<MatchProposal> {
    return this.proposals.declineProposal(user, input.proposalId);
  }
}
