import { UseGuards } from '@nestjs/common';
import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AuthenticatedUser, AuthGuard, CurrentUser } from '@prossimo/identity';
import { Page, PageArgs, SensitiveOperation } from '@prossimo/platform';
import { Need } from '@prossimo/requests';
import { MatchingService } from './matching.service';
import {
  AssignHelperInput,
  BlockHelperInput,
  CompleteEngagementInput,
  Engagement,
  EngagementActionInput,
  EngagementPage,
  EngagementStatusChange,
  MatchProposal,
  MatchProposalPage,
  NeedCandidatesArgs,
  ProposalDecisionInput,
  RankedCandidate,
  RateEngagementInput,
  SetTerritoryMatchingSettingsInput,
  TerritoryMatchingSettings,
  UnmatchedNeed,
  UnmatchedNeedPage,
  UnmatchedNeedsArgs,
} from './matching.types';

@Resolver()
@UseGuards(AuthGuard)
export class MatchingResolver {
  constructor(private readonly matching: MatchingService) {}

  @Query(() => MatchProposalPage, { description: 'Helpers: the proposals sent to me, newest first.' })
  myProposals(@CurrentUser() user: AuthenticatedUser, @Args() args: PageArgs): Promise<Page<MatchProposal>> {
    return this.matching.myProposals(user, args);
  }

  @Query(() => MatchProposalPage, {
    description: 'Comune staff: the helpers proposed for a need, by rank, with why each was chosen.',
  })
  needProposals(
    @CurrentUser() user: AuthenticatedUser,
    @Args('needId', { type: () => ID }) needId: string,
    @Args() args: PageArgs,
  ): Promise<Page<MatchProposal>> {
    return this.matching.needProposals(user, needId, args);
  }

  @Mutation(() => Engagement, {
    description: 'Helpers: accept a proposal. The first helper to accept gets the engagement.',
  })
  acceptProposal(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: ProposalDecisionInput,
  ): Promise<Engagement> {
    return this.matching.acceptProposal(user, input.proposalId);
  }

  @Mutation(() => MatchProposal, { description: 'Helpers: decline a proposal; the next candidate is asked.' })
  declineProposal(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: ProposalDecisionInput,
  ): Promise<MatchProposal> {
    return this.matching.declineProposal(user, input.proposalId);
  }

  @Query(() => UnmatchedNeedPage, {
    description: 'Comune staff: open needs no helper could be found for, with the reason.',
  })
  unmatchedNeeds(
    @CurrentUser() user: AuthenticatedUser,
    @Args() args: UnmatchedNeedsArgs,
  ): Promise<Page<UnmatchedNeed>> {
    return this.matching.unmatchedNeeds(user, args);
  }

  @Query(() => EngagementPage, { description: 'Engagements where I am the helper or the citizen.' })
  myEngagements(@CurrentUser() user: AuthenticatedUser, @Args() args: PageArgs): Promise<Page<Engagement>> {
    return this.matching.myEngagements(user, args);
  }

  @Query(() => Engagement, { description: 'The helper, the citizen, or Comune staff of the territory.' })
  engagement(
    @CurrentUser() user: AuthenticatedUser,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<Engagement> {
    return this.matching.engagement(user, id);
  }

  @Query(() => [EngagementStatusChange], { description: 'Status changes of an engagement, oldest first.' })
  engagementHistory(
    @CurrentUser() user: AuthenticatedUser,
    @Args('engagementId', { type: () => ID }) engagementId: string,
  ): Promise<EngagementStatusChange[]> {
    return this.matching.engagementHistory(user, engagementId);
  }

  @Mutation(() => Engagement, { description: 'The helper starts the engagement.' })
  startEngagement(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: EngagementActionInput,
  ): Promise<Engagement> {
    return this.matching.startEngagement(user, input);
  }

  @Mutation(() => Engagement, { description: 'The helper completes the engagement and logs the hours.' })
  completeEngagement(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: CompleteEngagementInput,
  ): Promise<Engagement> {
    return this.matching.completeEngagement(user, input);
  }

  @Mutation(() => Engagement, {
    description:
      'The helper, the citizen or Comune staff cancel; before the start the need is matched again.',
  })
  cancelEngagement(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: EngagementActionInput,
  ): Promise<Engagement> {
    return this.matching.cancelEngagement(user, input);
  }

  @Mutation(() => Engagement, {
    description: 'The citizen rates a completed engagement, once (the same stars on each review criterion).',
    deprecationReason:
      'Use writeReview: three criteria, an optional comment, and reviews of the citizen too.',
  })
  rateEngagement(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: RateEngagementInput,
  ): Promise<Engagement> {
    return this.matching.rateEngagement(user, input);
  }

  @Mutation(() => Boolean, { description: 'Citizens: never propose this helper for my needs again.' })
  blockHelper(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: BlockHelperInput,
  ): Promise<boolean> {
    return this.matching.blockHelper(user, input);
  }

  @Mutation(() => Boolean)
  unblockHelper(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: BlockHelperInput,
  ): Promise<boolean> {
    return this.matching.unblockHelper(user, input);
  }

  @Query(() => [RankedCandidate], {
    description:
      'Comune staff: everyone who could take an open need now (volunteers and accredited organisations), best first, with why.',
  })
  needCandidates(
    @CurrentUser() user: AuthenticatedUser,
    @Args() args: NeedCandidatesArgs,
  ): Promise<RankedCandidate[]> {
    return this.matching.needCandidates(user, args);
  }

  @Mutation(() => MatchProposal, {
    description:
      'Comune operators: propose the need to a helper or organisation chosen from needCandidates. Audited.',
  })
  @SensitiveOperation()
  assignHelper(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: AssignHelperInput,
  ): Promise<MatchProposal> {
    return this.matching.assignHelper(user, input);
  }

  @Mutation(() => Engagement, {
    description:
      'The citizen or Comune staff confirm the helper who accepted, where the territory requires confirmation.',
  })
  confirmEngagement(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: EngagementActionInput,
  ): Promise<Engagement> {
    return this.matching.confirmEngagement(user, input);
  }

  @Mutation(() => Engagement, {
    description: 'The citizen or Comune staff decline the helper who accepted; the need is matched again.',
  })
  declineEngagement(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: EngagementActionInput,
  ): Promise<Engagement> {
    return this.matching.declineEngagement(user, input);
  }

  @Query(() => TerritoryMatchingSettings, { description: 'Comune staff: how matching works in a territory.' })
  territoryMatchingSettings(
    @CurrentUser() user: AuthenticatedUser,
    @Args('territoryId', { type: () => ID }) territoryId: string,
  ): Promise<TerritoryMatchingSettings> {
    return this.matching.matchingSettings(user, territoryId);
  }

  @Mutation(() => TerritoryMatchingSettings, {
    description: 'Comune moderators: whether citizens must confirm the helper who accepted. Audited.',
  })
  setTerritoryMatchingSettings(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: SetTerritoryMatchingSettingsInput,
  ): Promise<TerritoryMatchingSettings> {
    return this.matching.setMatchingSettings(user, input);
  }

  @Mutation(() => Engagement, {
    description: 'The citizen or Comune staff: the helper did not come; the need is matched again.',
  })
  reportNoShow(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: EngagementActionInput,
  ): Promise<Engagement> {
    return this.matching.reportNoShow(user, input);
  }
}

/** The engagement on a need, for those who may see the need's personal fields. */
@Resolver(() => Need)
export class NeedEngagementResolver {
  constructor(private readonly matching: MatchingService) {}

  @ResolveField(() => Engagement, {
    nullable: true,
    description: 'The helper’s engagement: for the citizen, the helper and Comune staff.',
  })
  engagement(@Parent() need: Need, @Context('req') request: object): Promise<Engagement | null> {
    if (need.access === 'none') return Promise.resolve(null);
    return this.matching.engagementOfNeed(need.id, request);
  }
}
