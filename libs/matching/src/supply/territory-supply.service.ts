import { Injectable } from '@nestjs/common';
import { AccessService, AuthenticatedUser, COMUNE_STAFF_ROLES } from '@prossimo/identity';
import { TerritorySupplyRepository } from './territory-supply.repository';
import { ComuneSupply, TerritorySupplyArgs } from './territory-supply.types';

/**
 * The supply side of a territory's map, one row per Comune: who could reach it (as the candidate
 * queries see them, before availability: published, active, within their radius or area) and the
 * needs open there now. Counted around each Comune's centre (the comuni table's coordinates).
 */
@Injectable()
export class TerritorySupplyService {
  constructor(
    private readonly access: AccessService,
    private readonly supplyRows: TerritorySupplyRepository,
  ) {}

  async supply(user: AuthenticatedUser, args: TerritorySupplyArgs): Promise<ComuneSupply[]> {
    this.access.requireTerritoryRole(user, args.territoryId, COMUNE_STAFF_ROLES);
    const category = args.category ?? null;
    return this.supplyRows.countByComune(args.territoryId, category);
  }
}
