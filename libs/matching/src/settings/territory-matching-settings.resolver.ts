import { UseGuards } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthenticatedUser, AuthGuard, CurrentUser } from '@prossimo/identity';
import { SetTerritoryMatchingSettingsInput, TerritoryMatchingSettings } from '../matching.types';
import { TerritoryMatchingSettingsService } from './territory-matching-settings.service';

@Resolver()
@UseGuards(AuthGuard)
export class TerritoryMatchingSettingsResolver {
  constructor(private readonly settings: TerritoryMatchingSettingsService) {}

  @Query(() => TerritoryMatchingSettings, { description: 'Comune staff: how matching works in a territory.' })
  territoryMatchingSettings(
    @CurrentUser() user: AuthenticatedUser,
    @Args('territoryId', { type: () => ID }) territoryId: string,
  ): Promise<TerritoryMatchingSettings> {
    return this.settings.matchingSettings(user, territoryId);
  }

  @Mutation(() => TerritoryMatchingSettings, {
    description: 'Comune moderators: whether citizens must confirm the helper who accepted. Audited.',
  })
  setTerritoryMatchingSettings(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: SetTerritoryMatchingSettingsInput,
  ): Promise<TerritoryMatchingSettings> {
    return this.settings.setMatchingSettings(user, input);
  }
}
