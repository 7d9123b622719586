import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { firstRow, onlyRow, Queryable } from '@prossimo/platform';

/** A territory's matching settings as stored. */
export interface MatchingSettingsRow {
  required: boolean;
  scheduled: boolean;
}

/** The territory_matching_settings table (and the territory check before it). */
@Injectable()
export class TerritoryMatchingSettingsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Undefined: the territory has no row (the defaults apply). */
  async findSettings(territoryId: string): Promise<MatchingSettingsRow | undefined> {
    const row = await firstRow<MatchingSettingsRow>(
      this.dataSource,
      `SELECT citizen_confirmation_required AS required, scheduled_batch_assignment AS scheduled
         FROM territory_matching_settings WHERE territory_id = $1`,
      [territoryId],
    );
    return row;
  }

  /** A null scheduledBatchAssignment keeps the stored value (false for a new row). */
  async upsertSettings(
    manager: Queryable,
    settings: {
      territoryId: string;
      citizenConfirmationRequired: boolean;
      scheduledBatchAssignment: boolean | null;
      updatedByUserId: string;
    },
  ): Promise<MatchingSettingsRow> {
    const row = await onlyRow<MatchingSettingsRow>(
      manager,
      `INSERT INTO territory_matching_settings
           (territory_id, citizen_confirmation_required, scheduled_batch_assignment, updated_by_user_id)
         VALUES ($1, $2, coalesce($3::boolean, false), $4)
         ON CONFLICT (territory_id) DO UPDATE SET citizen_confirmation_required = excluded.citizen_confirmation_required,
           scheduled_batch_assignment = coalesce($3::boolean, territory_matching_settings.scheduled_batch_assignment),
           updated_by_user_id = excluded.updated_by_user_id, updated_at = now()
         RETURNING citizen_confirmation_required AS required, scheduled_batch_assignment AS scheduled`,
      [
        settings.territoryId,
        settings.citizenConfirmationRequired,
        settings.scheduledBatchAssignment,
        settings.updatedByUserId,
      ],
    );
    return row;
  }
}
