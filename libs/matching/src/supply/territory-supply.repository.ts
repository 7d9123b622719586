import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ComuneSupply } from './territory-supply.types';
import { NEEDS_AS_N } from '@prossimo/requests';
import { VOLUNTEER_PROFILES_AS_V } from '@prossimo/community';
import { organisationAccreditedForComuneSql, serviceOffersAs } from '@prossimo/directory';
import { activeVerifiedUserSql } from '@prossimo/identity';
import { ContentType, itemPublishedSql } from '@prossimo/moderation';
import { TERRITORY_COMUNI_TC_WITH_COMUNE_C } from '@prossimo/territory';

/** Travel radii are at most 100 km (volunteer_profiles check): the box each Comune's search walks. */
const MAX_RADIUS_METRES = 100_000;

/**
 * The supply counts of a territory's Comuni. Other libraries' tables through their owners' SQL
 * parts: volunteer profiles (community), users (identity), publication (moderation), offers and
 * accreditations (directory), needs (requests), Comuni and territories (territory).
 */
@Injectable()
export class TerritorySupplyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One row per Comune of the territory, by name; category null: every category. */
  async countByComune(territoryId: string, category: string | null): Promise<ComuneSupply[]> {
    return this.dataSource.query(
      `SELECT c.istat AS "comuneIstat",
              (SELECT count(*)::int FROM ${VOLUNTEER_PROFILES_AS_V}
                WHERE earth_box(ll_to_earth(c.lat, c.lon), ${MAX_RADIUS_METRES}) @> ll_to_earth(v.home_lat, v.home_lon)
                  AND earth_distance(ll_to_earth(c.lat, c.lon), ll_to_earth(v.home_lat, v.home_lon))
                        <= v.travel_radius_km * 1000
                  AND ($2::text IS NULL OR $2 = ANY(v.categories))
                  AND ${activeVerifiedUserSql('v.user_id')}
                  AND ${itemPublishedSql(ContentType.VOLUNTEER_PROFILE, 'v.id')}) AS volunteers,
              (SELECT count(*)::int FROM ${serviceOffersAs('so')}
                WHERE so.status = 'active' AND ($2::text IS NULL OR so.category = $2)
                  AND (c.istat = ANY(so.area_comuni) OR (so.radius_km IS NOT NULL
                       AND earth_distance(ll_to_earth(so.lat, so.lon), ll_to_earth(c.lat, c.lon)) <= so.radius_km * 1000))
                  AND ${itemPublishedSql(ContentType.SERVICE_OFFER, 'so.id')}
                  AND ${organisationAccreditedForComuneSql('so.organisation_id', 'c.istat')}) AS "serviceOffers",
              (SELECT count(*)::int FROM ${NEEDS_AS_N}
                WHERE n.comune_istat = c.istat AND n.status = 'open' AND n.window_end > now()
                  AND ($2::text IS NULL OR n.category = $2)) AS "openNeeds"
         FROM ${TERRITORY_COMUNI_TC_WITH_COMUNE_C}
        WHERE tc.territory_id = $1
        ORDER BY c.name, c.istat`,
      [territoryId, category],
    );
  }
}
