import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, AuthenticatedUser, COMUNE_STAFF_ROLES, Role } from '@prossimo/identity';
import { DomainError, writeAudit } from '@prossimo/platform';
import { DataSource } from 'typeorm';
import { SetTerritoryMatchingSettingsInput, TerritoryMatchingSettings } from '../matching.types';

/** How matching works in a territory: citizens' confirmation, scheduled batch assignment. */
@Injectable()
export class TerritoryMatchingSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  /** Comune staff of the territory (and platform admins). No row: the defaults. */
  async matchingSettings(user: AuthenticatedUser, territoryId: string): Promise<TerritoryMatchingSettings> {
    this.access.requireTerritoryRole(user, territoryId, COMUNE_STAFF_ROLES);
    await this.requireTerritory(territoryId);
    const [row]: { required: boolean; scheduled: boolean }[] = await this.dataSource.query(
      `SELECT citizen_confirmation_required AS required, scheduled_batch_assignment AS scheduled
         FROM territory_matching_settings WHERE territory_id = $1`,
      [territoryId],
    );
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
      const [row]: { required: boolean; scheduled: boolean }[] = await manager.query(
        `INSERT INTO territory_matching_settings
           (territory_id, citizen_confirmation_required, scheduled_batch_assignment, updated_by_user_id)
         VALUES ($1, $2, coalesce($3::boolean, false), $4)
         ON CONFLICT (territory_id) DO UPDATE SET citizen_confirmation_required = excluded.citizen_confirmation_required,
           scheduled_batch_assignment = coalesce($3::boolean, territory_matching_settings.scheduled_batch_assignment),
           updated_by_user_id = excluded.updated_by_user_id, updated_at = now()
         RETURNING citizen_confirmation_required AS required, scheduled_batch_assignment AS scheduled`,
        [
          input.territoryId,
          input.citizenConfirmationRequired,
          input.scheduledBatchAssignment ?? null,
          user.userId,
        ],
      );
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
    const [row]: unknown[] = await this.dataSource.query(`SELECT 1 FROM territories WHERE id = $1`, [
      territoryId,
    ]);
    if (!row) throw new DomainError('TERRITORY_NOT_FOUND', { field: 'territoryId' });
  }
}
