import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ComuneSupply } from './territory-supply.types';
import { NEEDS_AS_N } from '@prossimo/requests';

/** Travel radii are at most 100 km (volunteer_profiles check): the box each Comune's search walks. */
const MAX_RADIUS_METRES = 100_000;

/**
 * The supply counts of a territory's Comuni. Reads tables of other libraries (volunteer_profiles,
 * users, moderation_items, service_offers, organisation_accreditations, needs, comuni,
 * territory_comuni): kept in matching until those libraries expose the counts.
 */
@Injectable()
export class TerritorySupplyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One row per Comune of the territory, by name; category null: every category. */
  async countByComune(territoryId: string, category: string | null): Promise<ComuneSupply[]> {
    return this.dataSource.query(
      `SELECT c.istat AS "comuneIstat",
              (SELECT count(*)::int FROM volunteer_profiles v
                WHERE earth_box(ll_to_earth(c.lat, c.lon), ${MAX_RADIUS_METRES}) @> ll_to_earth(v.home_lat, v.home_lon)
                  AND earth_distance(ll_to_earth(c.lat, c.lon), ll_to_earth(v.home_lat, v.home_lon))
                        <= v.travel_radius_km * 1000
                  AND ($2::text IS NULL OR $2 = ANY(v.categories))
                  AND EXISTS (SELECT 1 FROM users u WHERE u.id = v.user_id AND u.status = 'active'
                                AND u.phone_verified_at IS NOT NULL)
                  AND EXISTS (SELECT 1 FROM moderation_items mi WHERE mi.content_type = 'volunteer_profile'
                                AND mi.content_id = v.id AND mi.status = 'published')) AS volunteers,
              (SELECT count(*)::int FROM service_offers so
                WHERE so.status = 'active' AND ($2::text IS NULL OR so.category = $2)
                  AND (c.istat = ANY(so.area_comuni) OR (so.radius_km IS NOT NULL
                       AND earth_distance(ll_to_earth(so.lat, so.lon), ll_to_earth(c.lat, c.lon)) <= so.radius_km * 1000))
                  AND EXISTS (SELECT 1 FROM moderation_items mi WHERE mi.content_type = 'service_offer'
                                AND mi.content_id = so.id AND mi.status = 'published')
                  AND EXISTS (SELECT 1 FROM organisation_accreditations oa
                                JOIN territory_comuni atc ON atc.territory_id = oa.territory_id
                               WHERE oa.organisation_id = so.organisation_id AND oa.status = 'accredited'
                                 AND atc.comune_istat = c.istat)) AS "serviceOffers",
              (SELECT count(*)::int FROM ${NEEDS_AS_N}
                WHERE n.comune_istat = c.istat AND n.status = 'open' AND n.window_end > now()
                  AND ($2::text IS NULL OR n.category = $2)) AS "openNeeds"
         FROM territory_comuni tc JOIN comuni c ON c.istat = tc.comune_istat
        WHERE tc.territory_id = $1
        ORDER BY c.name, c.istat`,
      [territoryId, category],
    );
  }
}
