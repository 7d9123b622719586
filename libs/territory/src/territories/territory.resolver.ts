import { UseGuards } from '@nestjs/common';
import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AuthenticatedUser, AuthGuard, CurrentUser } from '@prossimo/identity';
import { Page } from '@prossimo/platform';
import { TerritoryService } from './territory.service';
import {
  Comune,
  ComunePage,
  ComuneSearchArgs,
  CreateTerritoryInput,
  GrantStaffRoleInput,
  SetTerritoryComuniInput,
  SetTerritoryDeskInput,
  SetTerritoryStaffStepUpInput,
  StaffGrant,
  StaffMember,
  StaffMemberPage,
  TerritoriesArgs,
  Territory,
  TerritoryPage,
  TerritoryStaffArgs,
  TerritoryStaffStepUp,
} from './territory.types';

@Resolver(() => Territory)
export class TerritoryResolver {
  constructor(private readonly territories: TerritoryService) {}

  @Query(() => ComunePage, { description: 'Italian Comuni by name (accents ignored) or province. Public.' })
  comuni(@Args() args: ComuneSearchArgs): Promise<Page<Comune>> {
    return this.territories.searchComuni(args);
  }

  @Query(() => [Territory], { description: 'Territories the caller works in (all, for platform admins).' })
  @UseGuards(AuthGuard)
  myTerritories(@CurrentUser() user: AuthenticatedUser): Promise<Territory[]> {
    return this.territories.territories(user);
  }

  @Query(() => TerritoryPage, {
    name: 'territories',
    description: 'Platform admins: every territory, by name, a page at a time.',
  })
  @UseGuards(AuthGuard)
  territoryPage(
    @CurrentUser() user: AuthenticatedUser,
    @Args() args: TerritoriesArgs,
  ): Promise<Page<Territory>> {
    return this.territories.territoryPage(user, args);
  }

  @ResolveField('comuni', () => [Comune], { description: 'By name. Batched per request.' })
  territoryComuni(@Parent() territory: Territory, @Context('req') request: object): Promise<Comune[]> {
    return this.territories.comuniOf(territory.id, request);
  }

  @Query(() => [Territory], {
    description:
      'The territories (the Comune itself, an ambito) a Comune belongs to: where an organisation of that Comune asks for accreditation. Public.',
  })
  territoriesOfComune(@Args('istat') istat: string): Promise<Territory[]> {
    return this.territories.territoriesOfComune(istat);
  }

  @Query(() => Territory)
  territory(@Args('id', { type: () => ID }) id: string): Promise<Territory> {
    return this.territories.territory(id);
  }

  @Mutation(() => Territory, { description: 'Platform admins: a Comune or an ambito of several Comuni.' })
  @UseGuards(AuthGuard)
  createTerritory(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: CreateTerritoryInput,
  ): Promise<Territory> {
    return this.territories.createTerritory(user, input);
  }

  @Mutation(() => Territory, {
    description: 'Platform admins: the Comuni a territory covers from now on (replaces the list). Audited.',
  })
  @UseGuards(AuthGuard)
  setTerritoryComuni(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: SetTerritoryComuniInput,
  ): Promise<Territory> {
    return this.territories.setTerritoryComuni(user, input);
  }

  @Mutation(() => Territory, {
    description:
      'The desk people call to change or cancel (number, hours). Platform admins, or moderators of the territory. Audited.',
  })
  @UseGuards(AuthGuard)
  setTerritoryDesk(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: SetTerritoryDeskInput,
  ): Promise<Territory> {
    return this.territories.setTerritoryDesk(user, input);
  }

  @Query(() => TerritoryStaffStepUp, {
    description:
      'Staff of the territory (and platform admins): whether step-up with SPID level 2+ or CIE is asked there.',
  })
  @UseGuards(AuthGuard)
  territoryStaffStepUp(
    @CurrentUser() user: AuthenticatedUser,
    @Args('territoryId', { type: () => ID }) territoryId: string,
  ): Promise<TerritoryStaffStepUp> {
    return this.territories.staffStepUp(user, territoryId);
  }

  @Mutation(() => TerritoryStaffStepUp, {
    description:
      'Moderators of the territory (and platform admins): step-up on, off, or the platform default (null). Needs a stepped-up session where step-up is in effect. Audited.',
  })
  @UseGuards(AuthGuard)
  setTerritoryStaffStepUp(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: SetTerritoryStaffStepUpInput,
  ): Promise<TerritoryStaffStepUp> {
    return this.territories.setStaffStepUp(user, input);
  }

  @Query(() => [StaffMember], {
    description: 'Moderators of the territory (and platform admins): its operators and moderators, by name.',
  })
  @UseGuards(AuthGuard)
  territoryStaff(
    @CurrentUser() user: AuthenticatedUser,
    @Args('territoryId', { type: () => ID }) territoryId: string,
  ): Promise<StaffMember[]> {
    return this.territories.territoryStaff(user, territoryId);
  }

  @Query(() => StaffMemberPage, {
    description: 'The same as territoryStaff, a page at a time (named people first, by name).',
  })
  @UseGuards(AuthGuard)
  territoryStaffPage(
    @CurrentUser() user: AuthenticatedUser,
    @Args() args: TerritoryStaffArgs,
  ): Promise<Page<StaffMember>> {
    return this.territories.territoryStaffPage(user, args);
  }

  @Mutation(() => StaffGrant, { description: 'Platform admins, or moderators of the territory. Audited.' })
  @UseGuards(AuthGuard)
  grantStaffRole(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: GrantStaffRoleInput,
  ): Promise<StaffGrant> {
    return this.territories.grantStaffRole(user, input);
  }

  @Mutation(() => Boolean)
  @UseGuards(AuthGuard)
  revokeStaffRole(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: GrantStaffRoleInput,
  ): Promise<boolean> {
    return this.territories.revokeStaffRole(user, input);
  }
}
