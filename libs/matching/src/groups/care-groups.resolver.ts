import { UseGuards } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthenticatedUser, AuthGuard, CurrentUser } from '@prossimo/identity';
import { Page, PageArgs, SensitiveOperation } from '@prossimo/platform';
import { CareGroupsService } from './care-groups.service';
import {
  CareGroup,
  CareGroupMemberInput,
  CareGroupPage,
  LeaveCareGroupInput,
  OrganisationCareGroupsArgs,
  TerritoryCareGroupsArgs,
} from './care-groups.types';

@Resolver()
@UseGuards(AuthGuard)
export class CareGroupsResolver {
  constructor(private readonly groups: CareGroupsService) {}

  @Query(() => CareGroupPage, {
    description:
      'Households: the shared-carer groups my needs are (or were) in, with my quote; newest first.',
  })
  myCareGroups(@CurrentUser() user: AuthenticatedUser, @Args() args: PageArgs): Promise<Page<CareGroup>> {
    return this.groups.myCareGroups(user, args);
  }

  @Query(() => CareGroup, {
    description: 'A household of the group, Comune staff of its territory, or the offering organisation.',
  })
  careGroup(
    @CurrentUser() user: AuthenticatedUser,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<CareGroup> {
    return this.groups.careGroup(user, id);
  }

  @Query(() => CareGroupPage, {
    description: 'Comune staff: shared-carer groups of my territories with every household’s quote.',
  })
  territoryCareGroups(
    @CurrentUser() user: AuthenticatedUser,
    @Args() args: TerritoryCareGroupsArgs,
  ): Promise<Page<CareGroup>> {
    return this.groups.territoryCareGroups(user, args);
  }

  @Query(() => CareGroupPage, { description: 'Organisation members: the groups sharing our offers.' })
  organisationCareGroups(
    @CurrentUser() user: AuthenticatedUser,
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @Args() args: OrganisationCareGroupsArgs,
  ): Promise<Page<CareGroup>> {
    return this.groups.organisationCareGroups(user, organisationId, args);
  }

  @Mutation(() => CareGroup, {
    description: 'A household (or a Comune operator at the desk) accepts its quote; all accepted, it starts.',
  })
  @SensitiveOperation()
  confirmCareGroup(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: CareGroupMemberInput,
  ): Promise<CareGroup> {
    return this.groups.confirm(user, input);
  }

  @Mutation(() => CareGroup, {
    description: 'A household leaves the group; the others are re-priced for their new size and told.',
  })
  @SensitiveOperation()
  leaveCareGroup(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: LeaveCareGroupInput,
  ): Promise<CareGroup> {
    return this.groups.leave(user, input);
  }
}
