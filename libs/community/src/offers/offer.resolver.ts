import { UseGuards } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthenticatedUser, AuthGuard, CurrentUser } from '@prossimo/identity';
import { Page, PageArgs, SensitiveOperation } from '@prossimo/platform';
import { JoinRequestService } from './join-request.service';
import { OfferService } from './offer.service';
import {
  CancelVolunteerOfferInput,
  JoinRequest,
  JoinRequestDecisionInput,
  JoinRequestPage,
  OfferJoinRequestsArgs,
  PublishVolunteerOfferInput,
  RequestToJoinVolunteerOfferInput,
  VolunteerOffer,
  VolunteerOfferPage,
  VolunteerOfferSearchArgs,
} from './offer.types';

@Resolver()
export class OfferResolver {
  constructor(
    private readonly offers: OfferService,
    private readonly joinRequests: JoinRequestService,
  ) {}

  @Mutation(() => VolunteerOffer, {
    description: 'Volunteers: offer a ride they already make, or a skill on given days. Moderated.',
  })
  @UseGuards(AuthGuard)
  publishVolunteerOffer(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: PublishVolunteerOfferInput,
  ): Promise<VolunteerOffer> {
    return this.offers.publish(user, input);
  }

  @Query(() => VolunteerOfferPage, {
    description: 'Public: published offers still ahead with seats left, soonest first.',
  })
  @SensitiveOperation()
  searchVolunteerOffers(@Args() args: VolunteerOfferSearchArgs): Promise<Page<VolunteerOffer>> {
    return this.offers.search(args);
  }

  @Query(() => VolunteerOfferPage, { description: 'The caller’s own offers, newest first.' })
  @UseGuards(AuthGuard)
  myVolunteerOffers(
    @CurrentUser() user: AuthenticatedUser,
    @Args() args: PageArgs,
  ): Promise<Page<VolunteerOffer>> {
    return this.offers.myOffers(user, args);
  }

  @Mutation(() => VolunteerOffer, {
    description: 'The volunteer withdraws an offer; open requests end with it.',
  })
  @UseGuards(AuthGuard)
  cancelVolunteerOffer(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: CancelVolunteerOfferInput,
  ): Promise<VolunteerOffer> {
    return this.offers.cancelOffer(user, input);
  }

  @Mutation(() => JoinRequest, { description: 'Ask the volunteer for seats (or places); starts PENDING.' })
  @UseGuards(AuthGuard)
  requestToJoinVolunteerOffer(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: RequestToJoinVolunteerOfferInput,
  ): Promise<JoinRequest> {
    return this.joinRequests.requestToJoin(user, input);
  }

  @Mutation(() => JoinRequest, { description: 'The volunteer accepts, within the seats left.' })
  @UseGuards(AuthGuard)
  acceptJoinRequest(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: JoinRequestDecisionInput,
  ): Promise<JoinRequest> {
    return this.joinRequests.accept(user, input);
  }

  @Mutation(() => JoinRequest)
  @UseGuards(AuthGuard)
  declineJoinRequest(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: JoinRequestDecisionInput,
  ): Promise<JoinRequest> {
    return this.joinRequests.decline(user, input);
  }

  @Mutation(() => JoinRequest, { description: 'The requester withdraws; accepted seats are freed.' })
  @UseGuards(AuthGuard)
  cancelJoinRequest(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: JoinRequestDecisionInput,
  ): Promise<JoinRequest> {
    return this.joinRequests.cancel(user, input);
  }

  @Query(() => JoinRequestPage, { description: 'The caller’s requests to join offers, newest first.' })
  @UseGuards(AuthGuard)
  myJoinRequests(@CurrentUser() user: AuthenticatedUser, @Args() args: PageArgs): Promise<Page<JoinRequest>> {
    return this.joinRequests.myJoinRequests(user, args);
  }

  @Query(() => JoinRequestPage, { description: 'The volunteer: requests to join one of their offers.' })
  @UseGuards(AuthGuard)
  volunteerOfferJoinRequests(
    @CurrentUser() user: AuthenticatedUser,
    @Args() args: OfferJoinRequestsArgs,
  ): Promise<Page<JoinRequest>> {
    return this.joinRequests.requestsForOffer(user, args);
  }
}
