import { UseGuards } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { AuthenticatedUser, AuthGuard, CurrentUser } from '@prossimo/identity';
import {
  CompleteEngagementInput,
  Engagement,
  EngagementActionInput,
  RateEngagementInput,
} from '../matching.types';
import { EngagementLifecycleService } from './engagement-lifecycle.service';

@Resolver()
@UseGuards(AuthGuard)
export class EngagementLifecycleResolver {
  constructor(private readonly lifecycle: EngagementLifecycleService) {}

  @Mutation(() => Engagement, { description: 'The helper starts the engagement.' })
  startEngagement(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: EngagementActionInput,
  ): Promise<Engagement> {
    return this.lifecycle.startEngagement(user, input);
  }

  @Mutation(() => Engagement, { description: 'The helper completes the engagement and logs the hours.' })
  completeEngagement(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: CompleteEngagementInput,
  ): Promise<Engagement> {
    return this.lifecycle.completeEngagement(user, input);
  }

  @Mutation(() => Engagement, {
    description:
      'The helper, the citizen or Comune staff cancel; before the start the need is matched again.',
  })
  cancelEngagement(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: EngagementActionInput,
  ): Promise<Engagement> {
    return this.lifecycle.cancelEngagement(user, input);
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
    return this.lifecycle.rateEngagement(user, input);
  }

  @Mutation(() => Engagement, {
    description:
      'The citizen or Comune staff confirm the helper who accepted, where the territory requires confirmation.',
  })
  confirmEngagement(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: EngagementActionInput,
  ): Promise<Engagement> {
    return this.lifecycle.confirmEngagement(user, input);
  }

  @Mutation(() => Engagement, {
    description: 'The citizen or Comune staff decline the helper who accepted; the need is matched again.',
  })
  declineEngagement(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: EngagementActionInput,
  ): Promise<Engagement> {
    return this.lifecycle.declineEngagement(user, input);
  }

  @Mutation(() => Engagement, {
    description: 'The citizen or Comune staff: the helper did not come; the need is matched again.',
  })
  reportNoShow(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: EngagementActionInput,
  ): Promise<Engagement> {
    return this.lifecycle.reportNoShow(user, input);
  }
}
