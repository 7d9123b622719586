import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotificationsService } from '@prossimo/notifications';
import { APP_CONFIG, AppConfig, recordStatusChange } from '@prossimo/platform';
import { DataSource, EntityManager } from 'typeorm';
import { PriceBand } from '../pricing/shared-price';
import {
  CareGroupRules,
  CareHousehold,
  CareWeeklySlot,
  chooseGroupToJoin,
  distanceMeters,
  fitOffer,
  formGroupAround,
  HouseholdQuote,
  intersectIntervals,
  intervalsToSchedule,
  quoteGroup,
  scheduleToIntervals,
  SharedOffer,
  totalMinutes,
} from './care-grouping';
import {
  CARE_GROUP_HISTORY_ENTITY,
  CARE_GROUP_MEMBER_HISTORY_ENTITY,
  liveMembers,
  lockCareGroup,
  LockedCareGroup,
  notifyHouseholds,
  quoteParams,
  storeQuotes,
} from './care-group-records';
import { CareGroupMemberStatus, CareGroupStatus } from './care-groups.types';

/** How many waiting neighbours (nearest first) a new household is compared with. */
const NEIGHBOUR_POOL = 50;

interface HouseholdRow {
  id: string;
  status: string;
  category: string;
  comuneIstat: string;
  beneficiaryId: string | null;
  lat: number;
  lon: number;
  care: {
    weeklyHours: number;
    weeklySchedule: CareWeeklySlot[];
    willingToShare: boolean;
    maxPricePerHourCents: number | null;
  } | null;
}

interface OfferRow {
  id: string;
  organisationId: string;
  organisationName: string;
  bands: PriceBand[];
  areaComuni: string[] | null;
  radiusKm: number | null;
  lat: number;
  lon: number;
}

export interface CareGroupOutcome {
  groupId: string | null;
  households: number;
}

// Waiting for a group: open, willing to share, not in a live group, and never having left one
// (a household that left chose not to share; dissolved groups do not count against it).
const WAITING = `n.status = 'open' AND n.category = 'shared_caregiver'
  AND coalesce((n.details -> 'sharedCaregiver' ->> 'willingToShare')::boolean, false)
  AND NOT EXISTS (SELECT 1 FROM care_group_members m WHERE m.need_id = n.id
                    AND (m.left_at IS NULL OR m.left_reason = 'left'))`;

const HOUSEHOLD_COLUMNS = `n.id, n.status, n.category, n.comune_istat::text AS "comuneIstat",
  n.beneficiary_id AS "beneficiaryId", n.lat, n.lon, n.details -> 'sharedCaregiver' AS care`;

function toHousehold(row: HouseholdRow): CareHousehold {
  return {
    id: row.id,
    lat: row.lat,
    lon: row.lon,
    schedule: row.care?.weeklySchedule ?? [],
    weeklyMinutes: (row.care?.weeklyHours ?? 0) * 60,
    maxCentsPerHour: row.care?.maxPricePerHourCents ?? null,
  };
}

/**
 * Forms shared-caregiver groups in the worker: when a household's shared-care need opens, it is
 * grouped with waiting neighbours and an accredited shared-price offer, and every household gets
 * its quote. Runs are serialised by one advisory lock (grouping is rare and quick), so two
 * households opening at once cannot both claim the same neighbour; a repeated job finds the
 * household already grouped and does nothing.
 */
@Injectable()
export class CareGroupFormation {
  private readonly logger = new Logger(CareGroupFormation.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
  ) {}

  rules(): CareGroupRules {
    return {
      maxDistanceMeters: this.config.CARE_GROUP_MAX_DISTANCE_METERS,
      minSharedMinutes: this.config.CARE_GROUP_MIN_SHARED_MINUTES,
      maxHouseholds: this.config.CARE_GROUP_MAX_HOUSEHOLDS,
    };
  }

  async formAround(needId: string): Promise<CareGroupOutcome> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('care-groups', 0))`);
      const [seedRow]: HouseholdRow[] = await manager.query(
        `SELECT ${HOUSEHOLD_COLUMNS} FROM needs n WHERE n.id = $1 AND ${WAITING}`,
        [needId],
      );
      if (!seedRow?.care) return { groupId: null, households: 0 };
      const rules = this.rules();
      const neighbourRows: HouseholdRow[] = await manager.query(
        `SELECT ${HOUSEHOLD_COLUMNS} FROM needs n
          WHERE ${WAITING} AND n.id <> $1 AND n.beneficiary_id IS DISTINCT FROM $4::uuid
            AND earth_box(ll_to_earth($2, $3), $5::float8) @> ll_to_earth(n.lat, n.lon)
            AND earth_distance(ll_to_earth($2, $3), ll_to_earth(n.lat, n.lon)) <= $5::float8
          ORDER BY ll_to_earth(n.lat, n.lon) <-> ll_to_earth($2, $3), n.id
          LIMIT ${NEIGHBOUR_POOL}`,
        [seedRow.id, seedRow.lat, seedRow.lon, seedRow.beneficiaryId, rules.maxDistanceMeters],
      );
      const seed = toHousehold(seedRow);
      const joined = await this.joinNearbyGroup(manager, seedRow, seed, rules);
      if (joined) return joined;
      const byId = new Map([seedRow, ...neighbourRows].map((row) => [row.id, row]));
      const plan = formGroupAround(seed, neighbourRows.map(toHousehold), rules);
      if (!plan) return { groupId: null, households: 0 };

      const planned = plan.householdIds.map((id) => toHousehold(byId.get(id) as HouseholdRow));
      const offers = await this.offersFor(manager, seedRow, planned);
      const fit = fitOffer(offers, planned);
      if (!fit) {
        this.logger.log(`Care group around ${needId}: neighbours found, no shared-price offer fits`);
        return { groupId: null, households: 0 };
      }
      const kept = fit.householdIds.map((id) => planned.find((h) => h.id === id) as CareHousehold);
      const shared = kept
        .map((h) => scheduleToIntervals(h.schedule))
        .reduce((acc, next) => intersectIntervals(acc, next));
      const weeklyMinutes = Math.min(totalMinutes(shared), ...kept.map((h) => h.weeklyMinutes));
      const offer = offers.find((o) => o.id === fit.offerId) as SharedOffer & OfferRow;
      const quotes = quoteGroup(offer.bands, fit.householdIds, weeklyMinutes);

      const [group]: { id: string }[] = await manager.query(
        `INSERT INTO care_groups (offer_id, organisation_id, comune_istat, status, shared_schedule, weekly_minutes)
         VALUES ($1, $2, $3, 'proposed', $4, $5) RETURNING id`,
        [
          offer.id,
          offer.organisationId,
          seedRow.comuneIstat,
          JSON.stringify(intervalsToSchedule(shared)),
          weeklyMinutes,
        ],
      );
      await recordStatusChange(manager, {
        entityType: CARE_GROUP_HISTORY_ENTITY,
        entityId: group.id,
        from: null,
        to: CareGroupStatus.PROPOSED,
        actorUserId: null,
        reason: `${quotes.length} households, ${weeklyMinutes} shared minutes a week`,
      });
      for (const quote of quotes) await this.insertMember(manager, group.id, quote);
      await notifyHouseholds(
        manager,
        this.notifications,
        { id: group.id, organisationName: offer.organisationName },
        'care_group_quote',
        quotes,
      );
      this.logger.log(`Care group ${group.id} proposed to ${quotes.length} households`);
      return { groupId: group.id, households: quotes.length };
    });
  }

  /**
   * Adds the household to a nearby group still waiting for confirmations, when it fits without
   * shortening the group's weekly time: everyone's hourly price can only fall, and they are told.
   */
  private async joinNearbyGroup(
    manager: EntityManager,
    seedRow: HouseholdRow,
    seed: CareHousehold,
    rules: CareGroupRules,
  ): Promise<CareGroupOutcome | null> {
    const groupRows: (OfferRow & {
      groupId: string;
      sharedSchedule: CareWeeklySlot[];
      weeklyMinutes: number;
    })[] = await manager.query(
      `SELECT g.id AS "groupId", g.shared_schedule AS "sharedSchedule", g.weekly_minutes AS "weeklyMinutes",
              o.id, o.organisation_id AS "organisationId", org.name AS "organisationName", o.price_bands AS bands,
              o.area_comuni::text[] AS "areaComuni", o.radius_km AS "radiusKm", o.lat, o.lon
         FROM care_groups g JOIN service_offers o ON o.id = g.offer_id JOIN organisations org ON org.id = g.organisation_id
        WHERE g.status = 'proposed'
          AND EXISTS (SELECT 1 FROM care_group_members m JOIN needs n ON n.id = m.need_id
                       WHERE m.group_id = g.id AND m.left_at IS NULL
                         AND earth_box(ll_to_earth($1, $2), $3::float8) @> ll_to_earth(n.lat, n.lon))`,
      [seed.lat, seed.lon, rules.maxDistanceMeters],
    );
    const covering = groupRows.filter((row) => this.covers(row, seed, seedRow.comuneIstat));
    if (covering.length === 0) return null;
    const memberRows: (HouseholdRow & { groupId: string })[] = await manager.query(
      `SELECT m.group_id AS "groupId", ${HOUSEHOLD_COLUMNS}
         FROM care_group_members m JOIN needs n ON n.id = m.need_id
        WHERE m.group_id = ANY($1::uuid[]) AND m.left_at IS NULL ORDER BY m.joined_at, m.need_id`,
      [covering.map((row) => row.groupId)],
    );
    const choice = chooseGroupToJoin(
      seed,
      covering.map((row) => ({
        id: row.groupId,
        members: memberRows.filter((m) => m.groupId === row.groupId).map(toHousehold),
        sharedIntervals: scheduleToIntervals(row.sharedSchedule),
        weeklyMinutes: row.weeklyMinutes,
        bands: row.bands,
      })),
      rules,
    );
    if (!choice) return null;
    const group = (await lockCareGroup(manager, choice.groupId)) as LockedCareGroup;
    const members = await liveMembers(manager, group.id);
    const quotes = quoteGroup(group.bands, [...members.map((m) => m.needId), seed.id], group.weeklyMinutes);
    const own = quotes[quotes.length - 1];
    await this.insertMember(manager, group.id, own);
    await storeQuotes(manager, group.id, quotes.slice(0, -1));
    await manager.query(`UPDATE care_groups SET shared_schedule = $2, updated_at = now() WHERE id = $1`, [
      group.id,
      JSON.stringify(intervalsToSchedule(choice.sharedIntervals)),
    ]);
    await notifyHouseholds(manager, this.notifications, group, 'care_group_quote', [own], quotes.length);
    await notifyHouseholds(
      manager,
      this.notifications,
      group,
      'care_group_repriced',
      quotes.slice(0, -1),
      quotes.length,
    );
    this.logger.log(`Household joined care group ${group.id}, now ${quotes.length}`);
    return { groupId: group.id, households: quotes.length };
  }

  private async insertMember(manager: EntityManager, groupId: string, quote: HouseholdQuote): Promise<void> {
    const [member]: { id: string }[] = await manager.query(
      `INSERT INTO care_group_members (group_id, need_id, status, price_cents_per_hour,
                                       individual_price_cents_per_hour, weekly_cents, individual_weekly_cents)
       VALUES ($1, $2, 'invited', $3, $4, $5, $6) RETURNING id`,
      quoteParams(groupId, quote),
    );
    await recordStatusChange(manager, {
      entityType: CARE_GROUP_MEMBER_HISTORY_ENTITY,
      entityId: member.id,
      from: null,
      to: CareGroupMemberStatus.INVITED,
      actorUserId: null,
      reason: `quoted ${quote.priceCentsPerHour} cents an hour`,
    });
  }

  /** Whether an offer's area covers a household: its Comune in the list, or within the circle. */
  private covers(offer: OfferRow, household: CareHousehold, comuneIstat: string): boolean {
    return offer.areaComuni
      ? offer.areaComuni.includes(comuneIstat)
      : offer.radiusKm !== null && distanceMeters(offer, household) <= offer.radiusKm * 1000;
  }

  /**
   * Active, published shared-price offers for shared care whose organisation is accredited for
   * the first household's Comune, and whose area covers every household.
   */
  private async offersFor(
    manager: EntityManager,
    seed: HouseholdRow,
    households: readonly CareHousehold[],
  ): Promise<(SharedOffer & OfferRow)[]> {
    const rows: OfferRow[] = await manager.query(
      `SELECT o.id, o.organisation_id AS "organisationId", org.name AS "organisationName", o.price_bands AS bands,
              o.area_comuni::text[] AS "areaComuni", o.radius_km AS "radiusKm", o.lat, o.lon
         FROM service_offers o JOIN organisations org ON org.id = o.organisation_id
        WHERE o.category = 'shared_caregiver' AND o.price_model = 'shared' AND o.status = 'active'
          AND EXISTS (SELECT 1 FROM moderation_items mi WHERE mi.content_type = 'service_offer'
                        AND mi.content_id = o.id AND mi.status = 'published')
          AND EXISTS (SELECT 1 FROM organisation_accreditations a
                        JOIN territory_comuni tc ON tc.territory_id = a.territory_id
                       WHERE a.organisation_id = o.organisation_id AND a.status = 'accredited'
                         AND tc.comune_istat = $1)
          AND (o.area_comuni @> ARRAY[$1]::char(6)[]
               OR earth_distance(ll_to_earth(o.lat, o.lon), ll_to_earth($2, $3)) <= o.radius_km * 1000)`,
      [seed.comuneIstat, seed.lat, seed.lon],
    );
    const comuneOf = new Map<string, string>();
    const comuni: { id: string; comuneIstat: string }[] = await manager.query(
      `SELECT id, comune_istat::text AS "comuneIstat" FROM needs WHERE id = ANY($1::uuid[])`,
      [households.map((h) => h.id)],
    );
    for (const row of comuni) comuneOf.set(row.id, row.comuneIstat);
    return rows
      .filter((offer) =>
        households.every((household) => this.covers(offer, household, comuneOf.get(household.id) ?? '')),
      )
      .map((offer) => ({ ...offer, meters: distanceMeters(offer, seed) }));
  }
}
