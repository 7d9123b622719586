import { UseGuards } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthenticatedUser, AuthGuard, CurrentUser } from '@prossimo/identity';
import { Page } from '@prossimo/platform';
import {
  EngagementMessage,
  EngagementMessagePage,
  EngagementMessagesArgs,
  SendEngagementMessageInput,
} from './engagement-message.types';
import { EngagementMessagesService } from './engagement-messages.service';

@Resolver()
@UseGuards(AuthGuard)
export class EngagementMessagesResolver {
  constructor(private readonly messages: EngagementMessagesService) {}

  @Query(() => EngagementMessagePage, {
    description:
      'The messages of an engagement, newest first: its helper, the person helped (or who asked) and the territory’s staff.',
  })
  engagementMessages(
    @CurrentUser() user: AuthenticatedUser,
    @Args() args: EngagementMessagesArgs,
  ): Promise<Page<EngagementMessage>> {
    return this.messages.list(user, args);
  }

  @Mutation(() => EngagementMessage, {
    description:
      'Write to the other party of an engagement while it is live (and some days after completion); they get it in the app or by SMS, with no number shown. Screened like review comments; limited per hour.',
  })
  sendEngagementMessage(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: SendEngagementMessageInput,
  ): Promise<EngagementMessage> {
    return this.messages.send(user, input);
  }
}
