import { UseGuards } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { AuthenticatedUser, AuthGuard, CurrentUser } from '@prossimo/identity';
import { TerritorySupplyService } from './territory-supply.service';
import { ComuneSupply, TerritorySupplyArgs } from './territory-supply.types';

@Resolver()
@UseGuards(AuthGuard)
export class TerritorySupplyResolver {
  constructor(private readonly supply: TerritorySupplyService) {}

  @Query(() => [ComuneSupply], {
    description:
      'Comune staff of the territory: each of its Comuni with the volunteers and service offers that reach it and the needs open there now (by name).',
  })
  territorySupply(
    @CurrentUser() user: AuthenticatedUser,
    @Args() args: TerritorySupplyArgs,
  ): Promise<ComuneSupply[]> {
    return this.supply.supply(user, args);
  }
}
