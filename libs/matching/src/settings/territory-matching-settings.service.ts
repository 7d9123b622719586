import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, AuthenticatedUser, COMUNE_STAFF_ROLES, Role } from '@prossimo/identity';
import { DomainError, writeAudit } from '@prossimo/platform';
import { territoryExists } from '@prossimo/territory';
import { DataSource } from 'typeorm';
import { SetTerritoryMatchingSettingsInput, TerritoryMatchingSettings } from '../matching.types';
import { TerritoryMatchingSettingsRepository } from './territory-matching-settings.repository';

/** How matching works in a territory: citizens' confirmation, scheduled batch assignment. */
@Injectable()
export class TerritoryMatchingSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly settings: TerritoryMatchingSettingsRepository,
  ) {}

  /** Comune staff of the territory (and platform admins). No row: the defaults. */
  async matchingSettings(user: AuthenticatedUser, territoryId: string): Promise<TerritoryMatchingSettings> {
    this.access.requireTerritoryRole(user, territoryId, COMUNE_STAFF_ROLES);
    await this.requireTerritory(territoryId);
    const row = await this.settings.findSettings(territoryId);
    return {
      territoryId,
      citizenConfirmationRequired: row?.required ?? false,
      scheduledBatchAssignment: row?.scheduled ?? false,
    };
  }

  /** Comune moderators of the territory (and platform admins) decide how matching works there. Audited. */
  async setMatchingSettings(
    user: AuthenticatedUser,
    input: SetTerritoryMatchingSettingsInput,
  ): Promise<TerritoryMatchingSettings> {
    this.access.requireTerritoryRole(user, input.territoryId, [Role.COMUNE_MODERATOR]);
    await this.requireTerritory(input.territoryId);
    return this.dataSource.transaction(async (manager) => {
      const row = await this.settings.upsertSettings(manager, {
        territoryId: input.territoryId,
        citizenConfirmationRequired: input.citizenConfirmationRequired,
        scheduledBatchAssignment: input.scheduledBatchAssignment ?? null,
        updatedByUserId: user.userId,
      });
      await writeAudit(manager, {
        actorUserId: user.userId,
        action: 'territory.matching_settings_changed',
        entityType: 'territory',
        entityId: input.territoryId,
        territoryId: input.territoryId,
        details: { citizenConfirmationRequired: row.required, scheduledBatchAssignment: row.scheduled },
      });
      return {
        territoryId: input.territoryId,
        citizenConfirmationRequired: row.required,
        scheduledBatchAssignment: row.scheduled,
      };
    });
  }

  private async requireTerritory(territoryId: string): Promise<void> {
    if (!(await territoryExists(this.dataSource, territoryId)))
      throw new DomainError('TERRITORY_NOT_FOUND', { field: 'territoryId' });
  }
}
