import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotificationsService } from '@prossimo/notifications';
import { APP_CONFIG, AppConfig, recordStatusChange } from '@prossimo/platform';
import { DataSource, EntityManager } from 'typeorm';
import {
  CareGroupRules,
  CareHousehold,
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
  LockedCareGroup,
  notifyHouseholds,
  storeQuotes,
} from './care-group-records';
import { CareGroupsRepository, HouseholdRow, OfferRow } from './care-groups.repository';
import { CareGroupMemberStatus, CareGroupStatus } from './care-groups.types';

/** How many waiting neighbours (nearest first) a new household is compared with. */
const NEIGHBOUR_POOL = 50;

export interface CareGroupOutcome {
  groupId: string | null;
  households: number;
}

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
    private readonly rows: CareGroupsRepository,
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
      await this.rows.lockFormation(manager);
      const seedRow = await this.rows.findWaitingHousehold(manager, needId);
      if (!seedRow?.care) return { groupId: null, households: 0 };
      const rules = this.rules();
      const neighbourRows = await this.rows.findWaitingNeighbours(
        manager,
        seedRow,
        rules.maxDistanceMeters,
        NEIGHBOUR_POOL,
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

      const group = {
        id: await this.rows.insertGroup(manager, {
          offerId: offer.id,
          organisationId: offer.organisationId,
          comuneIstat: seedRow.comuneIstat,
          sharedSchedule: JSON.stringify(intervalsToSchedule(shared)),
          weeklyMinutes,
        }),
      };
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
        this.rows,
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
    const groupRows = await this.rows.findProposedGroupsNear(manager, seed, rules.maxDistanceMeters);
    const covering = groupRows.filter((row) => this.covers(row, seed, seedRow.comuneIstat));
    if (covering.length === 0) return null;
    const memberRows = await this.rows.findLiveHouseholdsOfGroups(
      manager,
      covering.map((row) => row.groupId),
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
    const group = (await this.rows.lockCareGroup(manager, choice.groupId)) as LockedCareGroup;
    const members = await this.rows.liveMembers(manager, group.id);
    const quotes = quoteGroup(group.bands, [...members.map((m) => m.needId), seed.id], group.weeklyMinutes);
    const own = quotes[quotes.length - 1];
    await this.insertMember(manager, group.id, own);
    await storeQuotes(this.rows, manager, group.id, quotes.slice(0, -1));
    await this.rows.updateSharedSchedule(
      manager,
      group.id,
      JSON.stringify(intervalsToSchedule(choice.sharedIntervals)),
    );
    await notifyHouseholds(
      this.rows,
      manager,
      this.notifications,
      group,
      'care_group_quote',
      [own],
      quotes.length,
    );
    await notifyHouseholds(
      this.rows,
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
    const memberId = await this.rows.insertMember(manager, groupId, quote);
    await recordStatusChange(manager, {
      entityType: CARE_GROUP_MEMBER_HISTORY_ENTITY,
      entityId: memberId,
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
    const offers = await this.rows.findSharedCareOffers(manager, seed);
    const comuneOf = new Map<string, string>();
    const comuni = await this.rows.findComuniOfNeeds(
      manager,
      households.map((h) => h.id),
    );
    for (const row of comuni) comuneOf.set(row.id, row.comuneIstat);
    return offers
      .filter((offer) =>
        households.every((household) => this.covers(offer, household, comuneOf.get(household.id) ?? '')),
      )
      .map((offer) => ({ ...offer, meters: distanceMeters(offer, seed) }));
  }
}
