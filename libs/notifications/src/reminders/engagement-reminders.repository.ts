import { Injectable } from '@nestjs/common';
import { Queryable } from '@prossimo/platform';

/** The reminders sent, one row per engagement, kind and start (so that each goes once). */
@Injectable()
export class EngagementRemindersRepository {
  /** Records the reminder as sent, in the caller's transaction; false when it already was. */
  async claimReminder(db: Queryable, engagementId: string, kind: string, startsAt: Date): Promise<boolean> {
    const claimed: unknown[] = await db.query(
      `INSERT INTO engagement_reminders (engagement_id, kind, starts_at) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING kind`,
      [engagementId, kind, startsAt],
    );
    return claimed.length > 0;
  }
}
