import { UseGuards } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthenticatedUser, AuthGuard, CurrentUser } from '@prossimo/identity';
import { Page, SensitiveOperation } from '@prossimo/platform';
import { ModerationService } from './moderation.service';
import {
  ModerateContentInput,
  ModerationItem,
  ModerationItemPage,
  ModerationMode,
  ModerationModeSetting,
  ModerationQueueArgs,
  ReportContentInput,
  SetModerationModeInput,
  SuspendUserInput,
} from './moderation.types';

@Resolver()
@UseGuards(AuthGuard)
export class ModerationResolver {
  constructor(private readonly moderation: ModerationService) {}

  @Query(() => ModerationItemPage, {
    description: 'Moderators: what waits for review in their territories, oldest first (or by status).',
  })
  moderationQueue(
    @CurrentUser() user: AuthenticatedUser,
    @Args() args: ModerationQueueArgs,
  ): Promise<Page<ModerationItem>> {
    return this.moderation.queue(user, args);
  }

  @Mutation(() => ModerationItem, {
    description: 'Report content once; three reports hide it until a moderator decides.',
  })
  @SensitiveOperation()
  reportContent(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: ReportContentInput,
  ): Promise<ModerationItem> {
    return this.moderation.report(user, input);
  }

  @Mutation(() => ModerationItem, {
    description: 'Moderators: approve, reject, hide or restore, with a reason.',
  })
  moderateContent(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: ModerateContentInput,
  ): Promise<ModerationItem> {
    return this.moderation.decide(user, input);
  }

  @Query(() => [ModerationModeSetting], {
    description:
      'Comune staff of the territory: how each content type is moderated there (PRE or POST), chosen or by default.',
  })
  moderationModes(
    @CurrentUser() user: AuthenticatedUser,
    @Args('territoryId', { type: () => ID }) territoryId: string,
  ): Promise<ModerationModeSetting[]> {
    return this.moderation.modes(user, territoryId);
  }

  @Mutation(() => ModerationMode, {
    description: 'Comune moderators of the territory: PRE or POST moderation for a content type. Audited.',
  })
  setModerationMode(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: SetModerationModeInput,
  ): Promise<ModerationMode> {
    return this.moderation.setMode(user, input);
  }

  @Mutation(() => Boolean, { description: 'Moderators: suspend a user who published in their territory.' })
  suspendUser(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: SuspendUserInput,
  ): Promise<boolean> {
    return this.moderation.suspendUser(user, input);
  }
}
