import { DataSource } from 'typeorm';

/**
 * need_facts recounted from the source tables, written independently of the migration's refresh
 * (correlated subqueries instead of one grouped join), in the same column order.
 */
const RECOUNT = `
  SELECT n.id AS need_id, n.comune_istat, n.category, n.source, n.status, coalesce(n.beneficiary_id, n.id) AS person,
         n.created_at, n.opened_at,
         (SELECT min(e.created_at) FROM engagements e WHERE e.need_id = n.id) AS first_engaged_at,
         (SELECT ms.unmatched_reason FROM need_match_states ms WHERE ms.need_id = n.id) AS unmatched_reason,
         c.id IS NOT NULL AS served, c.completed_at, c.helper_user_id, vp.organisation_id, c.hours_logged,
         round((CASE WHEN n.category = 'rides_and_accompaniment' AND n.details ? 'ride' THEN
           earth_distance(
             ll_to_earth((n.details #>> '{ride,pickupLocation,lat}')::float8, (n.details #>> '{ride,pickupLocation,lon}')::float8),
             ll_to_earth((n.details #>> '{ride,destinationLocation,lat}')::float8, (n.details #>> '{ride,destinationLocation,lon}')::float8)
           ) / 1000.0 * CASE WHEN (n.details #>> '{ride,returnTripWanted}')::boolean THEN 2 ELSE 1 END
         END)::numeric, 6) AS ride_km
    FROM needs n
    LEFT JOIN engagements c ON c.need_id = n.id AND c.status = 'completed'
    LEFT JOIN volunteer_profiles vp ON vp.id = c.volunteer_id`;

const STORED = `
  SELECT need_id, comune_istat, category, source, status, person, created_at, opened_at, first_engaged_at,
         unmatched_reason, served, completed_at, helper_user_id, organisation_id, hours_logged,
         round(ride_km::numeric, 6) AS ride_km
    FROM need_facts`;

/** Rows that differ between need_facts and a recount (each side labelled); [] when they agree. */
export async function needFactsDrift(dataSource: DataSource): Promise<Record<string, unknown>[]> {
  return dataSource.query(`
    (SELECT 'stored only' AS side, * FROM (${STORED} EXCEPT ${RECOUNT}) s)
    UNION ALL
    (SELECT 'recount only', * FROM (${RECOUNT} EXCEPT ${STORED}) r)`);
}
