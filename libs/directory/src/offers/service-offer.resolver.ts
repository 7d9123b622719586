import { UseGuards } from '@nestjs/common';
import { Args, ID, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AuthenticatedUser, AuthGuard, CurrentUser } from '@prossimo/identity';
import { Page, SensitiveOperation } from '@prossimo/platform';
import {
  ArchiveServiceOfferInput,
  CreateServiceOfferInput,
  Organisation,
  OrganisationServiceOffersArgs,
  PauseServiceOfferInput,
  ResumeServiceOfferInput,
  SearchServiceOffersArgs,
  ServiceOffer,
  ServiceOfferPage,
  UpdateServiceOfferInput,
} from '../directory.types';
import { ServiceOfferQueries } from './service-offer-queries.service';
import { ServiceOfferService } from './service-offer.service';
import { OptionalAuthGuard, OptionalUser } from '../access/optional-auth.guard';
import { OrganisationService } from '../organisations/organisation.service';
@Resolver(() => ServiceOffer)
export class ServiceOfferResolver {
  constructor(
    private readonly offers: ServiceOfferService,
    private readonly offerQueries: ServiceOfferQueries,
    private readonly organisations: OrganisationService,
  ) {}

  @Query(() => ServiceOfferPage, {
    description:
      'The public catalogue: published offers of organisations accredited where the offer is. No sign-in needed.',
  })
  @SensitiveOperation()
  searchServiceOffers(@Args() args: SearchServiceOffersArgs): Promise<Page<ServiceOffer>> {
    return this.offerQueries.search(args);
  }

  @Query(() => ServiceOffer, {
    description: 'Public when visible in the catalogue; always for its organisation.',
  })
  @UseGuards(OptionalAuthGuard)
  serviceOffer(
    @OptionalUser() user: AuthenticatedUser | null,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<ServiceOffer> {
    return this.offerQueries.offer(user, id);
  }

  @Query(() => ServiceOfferPage, {
    description: "Members: the organisation's offers in any state, newest first.",
  })
  @UseGuards(AuthGuard)
  organisationServiceOffers(
    @CurrentUser() user: AuthenticatedUser,
    @Args() args: OrganisationServiceOffersArgs,
  ): Promise<Page<ServiceOffer>> {
    return this.offerQueries.organisationOffers(user, args);
  }

  @Mutation(() => ServiceOffer, {
    description: 'Organisation admins and operators. Goes through moderation.',
  })
  @UseGuards(AuthGuard)
  createServiceOffer(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: CreateServiceOfferInput,
  ): Promise<ServiceOffer> {
    return this.offers.create(user, input);
  }

  @Mutation(() => ServiceOffer, { description: 'Replaces the content; moderated again.' })
  @UseGuards(AuthGuard)
  updateServiceOffer(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: UpdateServiceOfferInput,
  ): Promise<ServiceOffer> {
    return this.offers.update(user, input);
  }

  @Mutation(() => ServiceOffer)
  @UseGuards(AuthGuard)
  archiveServiceOffer(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: ArchiveServiceOfferInput,
  ): Promise<ServiceOffer> {
    return this.offers.archive(user, input);
  }

  @Mutation(() => ServiceOffer, {
    description:
      'Organisation admins and operators: take an active offer out of the catalogue and of matching for a while; agreed engagements go on.',
  })
  @UseGuards(AuthGuard)
  pauseServiceOffer(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: PauseServiceOfferInput,
  ): Promise<ServiceOffer> {
    return this.offers.pause(user, input);
  }

  @Mutation(() => ServiceOffer, {
    description: 'Organisation admins and operators: a paused offer is active again (matching looks again).',
  })
  @UseGuards(AuthGuard)
  resumeServiceOffer(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: ResumeServiceOfferInput,
  ): Promise<ServiceOffer> {
    return this.offers.resume(user, input);
  }

  /**
   * Read with the page by the nearest-first search; otherwise batched per request: a page of
   * offers loads its organisations in one query. Without parameter
   * decorators Nest hands it to GraphQL as a plain resolver (parent, args, context): a search page
   * calls it once per offer, and each call through Nest's parameter machinery (three global pipes
   * per parameter, an async wrapper) showed in bench:api's profile of the search.
   */
  @ResolveField(() => Organisation)
  organisation(
    offer: ServiceOffer,
    _args: unknown,
    context: { req: object },
  ): Organisation | Promise<Organisation> {
    // Read with the offer (the nearest-first search): nothing to load.
    if (offer.preloadedOrganisation) return offer.preloadedOrganisation;
    return this.organisations
      .organisationLoader(context.req)
      .load(offer.organisationId) as Promise<Organisation>;
  }
}
