import { UseGuards } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthenticatedUser, AuthGuard, CurrentUser } from '@prossimo/identity';
import { Page, PageArgs } from '@prossimo/platform';
import { CallMessagesService } from './call-messages.service';
import { CallService } from './call.service';
import {
  AnswerCallToActionInput,
  CallAnswer,
  CallAnswerDecisionInput,
  CallAnswerPage,
  CallAnswersArgs,
  CallMessage,
  CallMessagePage,
  CallMessagesArgs,
  CallsToActionArgs,
  CallToAction,
  CallToActionPage,
  CloseCallToActionInput,
  ComuneCallsArgs,
  MyCallAnswer,
  MyCallAnswerPage,
  OrganisationCallsArgs,
  PublishCallToActionInput,
  SendCallMessageInput,
} from './call.types';

@Resolver()
export class CallResolver {
  constructor(
    private readonly calls: CallService,
    private readonly messages: CallMessagesService,
  ) {}

  @Mutation(() => CallToAction, {
    description: 'Comune staff of the territory, or an organisation admin: a call for volunteers. Moderated.',
  })
  @UseGuards(AuthGuard)
  publishCallToAction(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: PublishCallToActionInput,
  ): Promise<CallToAction> {
    return this.calls.publish(user, input);
  }

  @Query(() => CallToActionPage, {
    description:
      'Organisation members: its calls in any state (open, closed, held by moderation), newest first.',
  })
  @UseGuards(AuthGuard)
  organisationCallsToAction(
    @CurrentUser() user: AuthenticatedUser,
    @Args() args: OrganisationCallsArgs,
  ): Promise<Page<CallToAction>> {
    return this.calls.organisationCalls(user, args);
  }

  @Query(() => CallToActionPage, {
    description:
      'Comune staff: the calls their Comune published (not an organisation’s) in a territory of theirs, or all of them, in any state, newest first.',
  })
  @UseGuards(AuthGuard)
  comuneCallsToAction(
    @CurrentUser() user: AuthenticatedUser,
    @Args() args: ComuneCallsArgs,
  ): Promise<Page<CallToAction>> {
    return this.calls.comuneCalls(user, args);
  }

  @Mutation(() => CallToAction, {
    description:
      'The publisher (the organisation’s admins, or staff of the territory for a Comune’s call): close a call to new answers; answers already given stay and can still be decided.',
  })
  @UseGuards(AuthGuard)
  closeCallToAction(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: CloseCallToActionInput,
  ): Promise<CallToAction> {
    return this.calls.close(user, input);
  }

  @Query(() => CallToActionPage, { description: 'Public: published calls still open, newest first.' })
  callsToAction(@Args() args: CallsToActionArgs): Promise<Page<CallToAction>> {
    return this.calls.list(args);
  }

  @Mutation(() => CallAnswer, {
    description: 'Volunteers: answer a call once (PENDING until the publisher decides).',
  })
  @UseGuards(AuthGuard)
  answerCallToAction(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: AnswerCallToActionInput,
  ): Promise<CallAnswer> {
    return this.calls.answer(user, input);
  }

  @Mutation(() => CallAnswer, { description: 'The publisher accepts, up to the volunteers wanted.' })
  @UseGuards(AuthGuard)
  acceptCallAnswer(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: CallAnswerDecisionInput,
  ): Promise<CallAnswer> {
    return this.calls.accept(user, input);
  }

  @Mutation(() => CallAnswer)
  @UseGuards(AuthGuard)
  declineCallAnswer(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: CallAnswerDecisionInput,
  ): Promise<CallAnswer> {
    return this.calls.decline(user, input);
  }

  @Query(() => MyCallAnswerPage, {
    description:
      'The signed-in person’s own answers to calls, newest first, each with its call and the publisher’s decision.',
  })
  @UseGuards(AuthGuard)
  myCallAnswers(@CurrentUser() user: AuthenticatedUser, @Args() args: PageArgs): Promise<Page<MyCallAnswer>> {
    return this.calls.myAnswers(user, args);
  }

  @Query(() => CallAnswerPage, { description: 'The publisher: answers to a call, oldest first.' })
  @UseGuards(AuthGuard)
  callAnswers(
    @CurrentUser() user: AuthenticatedUser,
    @Args() args: CallAnswersArgs,
  ): Promise<Page<CallAnswer>> {
    return this.calls.answers(user, args);
  }

  @Mutation(() => CallMessage, {
    description:
      'The publisher: a message to every volunteer accepted for the call (where to meet, what to bring), in the app and on their channels. At most 10 a call in 24 hours.',
  })
  @UseGuards(AuthGuard)
  sendCallMessage(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: SendCallMessageInput,
  ): Promise<CallMessage> {
    return this.messages.send(user, input);
  }

  @Query(() => CallMessagePage, {
    description:
      'The publisher, and the volunteers it accepted: what the publisher wrote to them, newest first.',
  })
  @UseGuards(AuthGuard)
  callMessages(
    @CurrentUser() user: AuthenticatedUser,
    @Args() args: CallMessagesArgs,
  ): Promise<Page<CallMessage>> {
    return this.messages.list(user, args);
  }
}
