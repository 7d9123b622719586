import { EntityManager } from 'typeorm';

/**
 * The hours volunteers may still be booked for in the given Rome weeks (Mondays, YYYY-MM-DD): their
 * weekly hour limit less the hours of their engagements that week, counted as the candidate query
 * counts them. The batch engine plans within them, and an operator's change to a plan is checked
 * against them. Organisations have no weekly limit (their offers' capacity holds per slot).
 */
export async function weeklyHoursLeft(
  manager: EntityManager,
  userIds: readonly string[],
  weeks: readonly string[],
): Promise<{ userId: string; week: string; hoursLeft: number }[]> {
  if (userIds.length === 0 || weeks.length === 0) return [];
  return manager.query(
    `SELECT v.user_id AS "userId", to_char(w.week, 'YYYY-MM-DD') AS week,
            (v.weekly_hour_limit - coalesce(sum(coalesce(e.hours_logged,
               extract(epoch FROM upper(e.during) - lower(e.during)) / 3600)), 0))::float8 AS "hoursLeft"
       FROM volunteer_profiles v CROSS JOIN unnest($2::date[]) AS w(week)
       LEFT JOIN engagements e ON e.helper_user_id = v.user_id AND e.service_offer_id IS NULL
        AND e.status IN ('awaiting_confirmation', 'confirmed', 'in_progress', 'completed')
        AND date_trunc('week', lower(e.during) AT TIME ZONE 'Europe/Rome')::date = w.week
      WHERE v.user_id = ANY($1::uuid[])
      GROUP BY v.user_id, v.weekly_hour_limit, w.week`,
    [[...userIds], [...weeks]],
  );
}
