import { UseGuards } from '@nestjs/common';
import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AuthenticatedUser, AuthGuard, CurrentUser } from '@prossimo/identity';
import { Page } from '@prossimo/platform';
import {
  Accreditation,
  AccreditationHistoryEntry,
  AccreditationPage,
  AccreditationRequestsArgs,
  DecideAccreditationInput,
  AnswerOrganisationInvitationInput,
  InviteOrganisationMemberInput,
  Organisation,
  OrganisationInvitation,
  OrganisationInvitationPage,
  OrganisationMember,
  OrganisationMembersArgs,
  OrganisationMembership,
  OrganisationMembershipPage,
  RegisterOrganisationInput,
  RemoveOrganisationMemberInput,
  RevokeOrganisationInvitationInput,
  RequestAccreditationInput,
  StartAccreditationReviewInput,
} from '../directory.types';
import { OptionalAuthGuard, OptionalUser } from '../access/optional-auth.guard';
import { AccreditationService } from '../organisations/accreditation.service';
import { OrganisationMembersService } from '../organisations/organisation-members.service';
import { OrganisationService } from '../organisations/organisation.service';
@Resolver(() => Organisation)
export class OrganisationResolver {
  constructor(
    private readonly organisations: OrganisationService,
    private readonly members: OrganisationMembersService,
    private readonly accreditation: AccreditationService,
  ) {}

  @Mutation(() => Organisation, { description: 'Anyone signed in; the caller becomes its administrator.' })
  @UseGuards(AuthGuard)
  registerOrganisation(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: RegisterOrganisationInput,
  ): Promise<Organisation> {
    return this.organisations.register(user, input);
  }

  @Query(() => Organisation, {
    description: 'Public once accredited somewhere; before that, members and the Comune staff concerned.',
  })
  @UseGuards(OptionalAuthGuard)
  organisation(
    @OptionalUser() user: AuthenticatedUser | null,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<Organisation> {
    return this.organisations.organisation(user, id);
  }

  @ResolveField(() => [Accreditation], {
    description:
      'Where it is accredited; members, platform admins and staff of the territory also see the other states. Batched per request.',
  })
  accreditations(
    @Parent() organisation: Organisation,
    @OptionalUser() user: AuthenticatedUser | null,
    @Context('req') request: object,
  ): Promise<Accreditation[]> {
    return this.accreditation.accreditationsOf(user, organisation.id, request);
  }

  @Query(() => [Organisation], { description: 'Organisations the caller administers or operates for.' })
  @UseGuards(AuthGuard)
  myOrganisations(@CurrentUser() user: AuthenticatedUser): Promise<Organisation[]> {
    return this.organisations.myOrganisations(user);
  }

  @Mutation(() => OrganisationMember, {
    description:
      'Organisation admins: invite by phone (status INVITED, whoever the number belongs to). A person who has signed up accepts or declines; a number that has not gets an SMS and accepts by signing up. Limited per organisation and account per day (tighter before accreditation).',
  })
  @UseGuards(AuthGuard)
  inviteOrganisationMember(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: InviteOrganisationMemberInput,
  ): Promise<OrganisationMember> {
    return this.members.inviteMember(user, input);
  }

  @Query(() => [OrganisationInvitation], {
    description: 'Invitations to join an organisation sent to my number, waiting for my answer.',
  })
  @UseGuards(AuthGuard)
  myOrganisationInvitations(@CurrentUser() user: AuthenticatedUser): Promise<OrganisationInvitation[]> {
    return this.members.myInvitations(user);
  }

  @Mutation(() => OrganisationMember, {
    description: 'Accept an invitation sent to my number: the role is mine.',
  })
  @UseGuards(AuthGuard)
  acceptOrganisationInvitation(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: AnswerOrganisationInvitationInput,
  ): Promise<OrganisationMember> {
    return this.members.acceptInvitation(user, input.invitationId);
  }

  @Mutation(() => Boolean, {
    description: 'Decline an invitation sent to my number; that organisation cannot ask me again.',
  })
  @UseGuards(AuthGuard)
  declineOrganisationInvitation(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: AnswerOrganisationInvitationInput,
  ): Promise<boolean> {
    return this.members.declineInvitation(user, input.invitationId);
  }

  @Mutation(() => Boolean, { description: 'Organisation admins; the last admin cannot be removed.' })
  @UseGuards(AuthGuard)
  removeOrganisationMember(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: RemoveOrganisationMemberInput,
  ): Promise<boolean> {
    return this.members.removeMember(user, input);
  }

  @Query(() => OrganisationMembershipPage, {
    description:
      'Members: the people of the organisation and their roles, longest-standing first (numbers for admins only).',
  })
  @UseGuards(AuthGuard)
  organisationMembers(
    @CurrentUser() user: AuthenticatedUser,
    @Args() args: OrganisationMembersArgs,
  ): Promise<Page<OrganisationMembership>> {
    return this.members.members(user, args);
  }

  @Query(() => OrganisationInvitationPage, {
    description:
      'Organisation admins: invitations still waiting for an answer, newest first, with the number.',
  })
  @UseGuards(AuthGuard)
  organisationInvitations(
    @CurrentUser() user: AuthenticatedUser,
    @Args() args: OrganisationMembersArgs,
  ): Promise<Page<OrganisationInvitation>> {
    return this.members.sentInvitations(user, args);
  }

  @Mutation(() => Boolean, {
    description:
      'Organisation admins: withdraw an invitation not yet answered; it can no longer be accepted (nor by signing up).',
  })
  @UseGuards(AuthGuard)
  revokeOrganisationInvitation(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: RevokeOrganisationInvitationInput,
  ): Promise<boolean> {
    return this.members.revokeInvitation(user, input.invitationId);
  }

  @Mutation(() => Accreditation, { description: 'Organisation admins ask a territory to accredit them.' })
  @UseGuards(AuthGuard)
  requestAccreditation(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: RequestAccreditationInput,
  ): Promise<Accreditation> {
    return this.accreditation.requestAccreditation(user, input);
  }

  @Mutation(() => Accreditation, { description: 'Moderators of the territory: SUBMITTED → UNDER_REVIEW.' })
  @UseGuards(AuthGuard)
  startAccreditationReview(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: StartAccreditationReviewInput,
  ): Promise<Accreditation> {
    return this.accreditation.startReview(user, input);
  }

  @Mutation(() => Accreditation, {
    description: 'Moderators of the territory: accredit or reject after review, suspend, lift a suspension.',
  })
  @UseGuards(AuthGuard)
  decideAccreditation(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: DecideAccreditationInput,
  ): Promise<Accreditation> {
    return this.accreditation.decide(user, input);
  }

  @Query(() => AccreditationPage, { description: 'Moderators: requests in their territories, oldest first.' })
  @UseGuards(AuthGuard)
  accreditationRequests(
    @CurrentUser() user: AuthenticatedUser,
    @Args() args: AccreditationRequestsArgs,
  ): Promise<Page<Accreditation>> {
    return this.accreditation.accreditationRequests(user, args);
  }

  @Query(() => [AccreditationHistoryEntry], {
    description: 'Every accreditation status change of an organisation (moderators: their territories only).',
  })
  @UseGuards(AuthGuard)
  accreditationHistory(
    @CurrentUser() user: AuthenticatedUser,
    @Args('organisationId', { type: () => ID }) organisationId: string,
  ): Promise<AccreditationHistoryEntry[]> {
    return this.accreditation.accreditationHistory(user, organisationId);
  }
}
