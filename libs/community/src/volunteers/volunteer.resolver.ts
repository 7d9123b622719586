import { UseGuards } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthenticatedUser, AuthGuard, CurrentUser } from '@prossimo/identity';
import { Page } from '@prossimo/platform';
import { VolunteerService } from './volunteer.service';
import {
  AvailabilityWindow,
  AvailabilityWindowInput,
  AvailableVolunteersArgs,
  MyVolunteerProfile,
  UpsertVolunteerProfileInput,
  VolunteerPublicProfile,
  VolunteerPublicProfilePage,
} from './volunteer.types';

@Resolver()
export class VolunteerResolver {
  constructor(private readonly volunteers: VolunteerService) {}

  @Mutation(() => MyVolunteerProfile, {
    description: 'Become a volunteer or update the profile (grants VOLUNTEER; the BIO is moderated).',
  })
  @UseGuards(AuthGuard)
  upsertVolunteerProfile(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: UpsertVolunteerProfileInput,
  ): Promise<MyVolunteerProfile> {
    return this.volunteers.upsertProfile(user, input);
  }

  @Query(() => MyVolunteerProfile, {
    nullable: true,
    description: 'The caller’s profile, with the exact home.',
  })
  @UseGuards(AuthGuard)
  myVolunteerProfile(@CurrentUser() user: AuthenticatedUser): Promise<MyVolunteerProfile | null> {
    return this.volunteers.myProfile(user);
  }

  @Query(() => VolunteerPublicProfile, {
    description: 'Public: a published profile; the Comune, never the home.',
  })
  volunteerProfile(@Args('id', { type: () => ID }) id: string): Promise<VolunteerPublicProfile> {
    return this.volunteers.publicProfile(id);
  }

  @Mutation(() => AvailabilityWindow, {
    description: 'Volunteers: add a weekly or one-off window (at most 50).',
  })
  @UseGuards(AuthGuard)
  addAvailabilityWindow(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: AvailabilityWindowInput,
  ): Promise<AvailabilityWindow> {
    return this.volunteers.addWindow(user, input);
  }

  @Mutation(() => Boolean)
  @UseGuards(AuthGuard)
  removeAvailabilityWindow(
    @CurrentUser() user: AuthenticatedUser,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<boolean> {
    return this.volunteers.removeWindow(user, id);
  }

  @Query(() => [AvailabilityWindow], { description: 'The caller’s current and future windows.' })
  @UseGuards(AuthGuard)
  myAvailability(@CurrentUser() user: AuthenticatedUser): Promise<AvailabilityWindow[]> {
    return this.volunteers.windowsOf(user);
  }

  @Query(() => VolunteerPublicProfilePage, {
    description:
      'Comune staff of the territory: volunteers who reach the place and are free for all of [from, to).',
  })
  @UseGuards(AuthGuard)
  availableVolunteers(
    @CurrentUser() user: AuthenticatedUser,
    @Args() args: AvailableVolunteersArgs,
  ): Promise<Page<VolunteerPublicProfile>> {
    return this.volunteers.availableVolunteers(user, args);
  }
}
