import { Injectable, OnModuleInit } from '@nestjs/common';
import { AccountErasureHandlers, AccountErasureStep, ERASED_TEXT } from '@prossimo/platform';

/**
 * Account erasure, community's part: the volunteer profile stays as an anonymous helper (hours,
 * categories, Comune, its home moved to the Comune's centre); the rest goes: name, bio, skills,
 * availability, offers' texts, messages to offers and calls, and which calls they were told of.
 */
@Injectable()
export class VolunteerAccountErasure implements OnModuleInit {
  constructor(private readonly handlers: AccountErasureHandlers) {}

  onModuleInit(): void {
    this.handlers.register('community', (step) => this.erase(step));
  }

  private async erase({ manager, userId }: AccountErasureStep): Promise<Record<string, number>> {
    const [, volunteerProfilesAnonymised]: [unknown[], number] = await manager.query(
      `UPDATE volunteer_profiles p SET display_name = $2, bio = '', skills = '{}',
              home_lat = c.lat, home_lon = c.lon, updated_at = now()
         FROM comuni c WHERE c.istat = p.comune_istat AND p.user_id = $1`,
      [userId, ERASED_TEXT],
    );
    await manager.query(
      `DELETE FROM availability_windows WHERE volunteer_id IN (SELECT id FROM volunteer_profiles WHERE user_id = $1)`,
      [userId],
    );
    await manager.query(
      `UPDATE volunteer_offers SET status = 'cancelled', title = $2, description = '',
              from_place = CASE WHEN from_place IS NULL THEN NULL ELSE $2 END,
              to_place = CASE WHEN to_place IS NULL THEN NULL ELSE $2 END
        WHERE volunteer_id IN (SELECT id FROM volunteer_profiles WHERE user_id = $1)`,
      [userId, ERASED_TEXT],
    );
    await manager.query(
      `UPDATE volunteer_offer_join_requests SET message_encrypted = NULL WHERE requester_user_id = $1`,
      [userId],
    );
    await manager.query(
      `UPDATE call_answers SET message = NULL
        WHERE volunteer_id IN (SELECT id FROM volunteer_profiles WHERE user_id = $1)`,
      [userId],
    );
    // Which calls the person was told of (and the weekly count they feed) goes with them.
    await manager.query(`DELETE FROM call_notifications WHERE volunteer_user_id = $1`, [userId]);
    return { volunteerProfilesAnonymised };
  }
}
