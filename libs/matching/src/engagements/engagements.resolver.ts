import { UseGuards } from '@nestjs/common';
import { Args, Context, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AuthenticatedUser, AuthGuard, CurrentUser } from '@prossimo/identity';
import { Page, PageArgs } from '@prossimo/platform';
import { Need } from '@prossimo/requests';
import {
  Engagement,
  EngagementPage,
  EngagementStatusChange,
  OrganisationEngagementsArgs,
} from '../matching.types';
import { EngagementsService } from './engagements.service';

@Resolver()
@UseGuards(AuthGuard)
export class EngagementsResolver {
  constructor(private readonly engagements: EngagementsService) {}

  @Query(() => EngagementPage, { description: 'Engagements where I am the helper or the citizen.' })
  myEngagements(@CurrentUser() user: AuthenticatedUser, @Args() args: PageArgs): Promise<Page<Engagement>> {
    return this.engagements.myEngagements(user, args);
  }

  @Query(() => EngagementPage, {
    description: 'Organisation members: the engagements the organisation took, newest first.',
  })
  organisationEngagements(
    @CurrentUser() user: AuthenticatedUser,
    @Args() args: OrganisationEngagementsArgs,
  ): Promise<Page<Engagement>> {
    return this.engagements.organisationEngagements(user, args);
  }

  @Query(() => Engagement, { description: 'The helper, the citizen, or Comune staff of the territory.' })
  engagement(
    @CurrentUser() user: AuthenticatedUser,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<Engagement> {
    return this.engagements.engagement(user, id);
  }

  @Query(() => [EngagementStatusChange], { description: 'Status changes of an engagement, oldest first.' })
  engagementHistory(
    @CurrentUser() user: AuthenticatedUser,
    @Args('engagementId', { type: () => ID }) engagementId: string,
  ): Promise<EngagementStatusChange[]> {
    return this.engagements.engagementHistory(user, engagementId);
  }
}

/** The engagement on a need, for those who may see the need's personal fields. */
@Resolver(() => Need)
export class NeedEngagementResolver {
  constructor(private readonly engagements: EngagementsService) {}

  @ResolveField(() => Engagement, {
    nullable: true,
    description: 'The helper’s engagement: for the citizen, the helper and Comune staff.',
  })
  engagement(@Parent() need: Need, @Context('req') request: object): Promise<Engagement | null> {
    if (need.access === 'none') return Promise.resolve(null);
    return this.engagements.engagementOfNeed(need.id, request);
  }
}
