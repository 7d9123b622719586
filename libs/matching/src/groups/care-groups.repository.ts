import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CursorAt, firstRow, keysetPageSql, onlyRow, PageArgs, Queryable } from '@prossimo/platform';
import {
  joinBeneficiaryOfNeedSql,
  joinNeedSql,
  NEEDS_AS_N,
  readComuniOfNeeds,
  readNeedStatus,
} from '@prossimo/requests';
import { DataSource } from 'typeorm';
import {
  joinOrganisationSql,
  joinServiceOfferSql,
  organisationAccreditedForComuneSql,
  serviceOffersAs,
} from '@prossimo/directory';
import { PriceBand } from '@prossimo/directory/rules';
import { ContentType, itemPublishedSql } from '@prossimo/moderation';
import { CareWeeklySlot, HouseholdQuote } from './care-grouping';
import {
  CareGroupMemberStatus,
  CareGroupStatus,
  OrganisationCareGroupsArgs,
  TerritoryCareGroupsArgs,
} from './care-groups.types';

export interface LockedCareGroup {
  id: string;
  status: CareGroupStatus;
  comuneIstat: string;
  weeklyMinutes: number;
  bands: PriceBand[];
  organisationName: string;
}

export interface LiveMember {
  id: string;
  needId: string;
  status: CareGroupMemberStatus;
  priceCentsPerHour: number;
  individualPriceCentsPerHour: number;
}

/** A live membership as locked for a household's decision. */
export interface MembershipRow {
  id: string;
  needId: string;
  status: CareGroupMemberStatus;
}

/** A household's need as grouping reads it. */
export interface HouseholdRow {
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

/** A shared-price offer and its area. */
export interface OfferRow {
  id: string;
  organisationId: string;
  organisationName: string;
  bands: PriceBand[];
  areaComuni: string[] | null;
  radiusKm: number | null;
  lat: number;
  lon: number;
}

/** A proposed group near a place, with its offer. */
export type ProposedGroupRow = OfferRow & {
  groupId: string;
  sharedSchedule: CareWeeklySlot[];
  weeklyMinutes: number;
};

export interface GroupRow {
  id: string;
  status: CareGroupStatus;
  comuneIstat: string;
  sharedSchedule: CareWeeklySlot[];
  weeklyMinutes: number;
  createdAt: Date;
  confirmedAt: Date | null;
  dissolvedAt: Date | null;
  offerId: string;
  offerTitle: string;
  organisationId: string;
  organisationName: string;
}

export interface MemberRow {
  groupId: string;
  needId: string;
  status: CareGroupMemberStatus;
  priceCentsPerHour: number;
  individualPriceCentsPerHour: number;
  weeklyCents: number;
  individualWeeklyCents: number;
  joinedAt: Date;
  confirmedAt: Date | null;
  leftAt: Date | null;
  mine: boolean;
}

// Waiting for a group: open, willing to share, not in a live group, and never having left one
// (a household that left chose not to share; dissolved groups do not count against it).
const WAITING = `n.status = 'open' AND n.category = 'shared_caregiver'
  AND coalesce((n.details -> 'sharedCaregiver' ->> 'willingToShare')::boolean, false)
  AND NOT EXISTS (SELECT 1 FROM care_group_members m WHERE m.need_id = n.id
                    AND (m.left_at IS NULL OR m.left_reason = 'left'))`;

const HOUSEHOLD_COLUMNS = `n.id, n.status, n.category, n.comune_istat::text AS "comuneIstat",
  n.beneficiary_id AS "beneficiaryId", n.lat, n.lon, n.details -> 'sharedCaregiver' AS care`;

const GROUP_COLUMNS = `g.id, g.status, g.comune_istat::text AS "comuneIstat", g.shared_schedule AS "sharedSchedule",
  g.weekly_minutes AS "weeklyMinutes", g.created_at AS "createdAt", g.confirmed_at AS "confirmedAt",
  g.dissolved_at AS "dissolvedAt", o.id AS "offerId", o.title AS "offerTitle",
  g.organisation_id AS "organisationId", org.name AS "organisationName"`;
/** The group `g` with its offer `o` and organisation `org` (directory's parts). */
const GROUP_FROM = `care_groups g ${joinServiceOfferSql('o', 'g.offer_id')} ${joinOrganisationSql('org', 'g.organisation_id')}`;
/** The household's people: the citizen author or the beneficiary's own account ($1 = the user). */
const IS_MINE = `((n.source = 'citizen' AND n.author_user_id = $1) OR b.user_id = $1)`;

/** $1..$6 of the member statements: group, need, then the four amounts of the quote. */
function quoteParams(groupId: string, quote: HouseholdQuote): (string | number)[] {
  return [
    groupId,
    quote.householdId,
    quote.priceCentsPerHour,
    quote.individualPriceCentsPerHour,
    quote.weeklyCents,
    quote.individualWeeklyCents,
  ];
}

/**
 * The care_groups and care_group_members tables. Other libraries' tables are joined through their
 * owners' SQL parts: needs and beneficiaries (requests), offers, organisations and accreditations
 * (directory), publication (moderation).
 */
@Injectable()
export class CareGroupsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  // ----- groups and members -----

  /** Locks the group row; the offer's bands come with it (the group keeps its offer's prices). */
  async lockCareGroup(manager: Queryable, groupId: string): Promise<LockedCareGroup | undefined> {
    return firstRow<LockedCareGroup>(
      manager,
      `SELECT g.id, g.status, g.comune_istat::text AS "comuneIstat", g.weekly_minutes AS "weeklyMinutes",
            o.price_bands AS bands, org.name AS "organisationName"
       FROM ${GROUP_FROM}
      WHERE g.id = $1 FOR UPDATE OF g`,
      [groupId],
    );
  }

  async liveMembers(manager: Queryable, groupId: string): Promise<LiveMember[]> {
    return manager.query(
      `SELECT id, need_id AS "needId", status, price_cents_per_hour AS "priceCentsPerHour",
            individual_price_cents_per_hour AS "individualPriceCentsPerHour"
       FROM care_group_members WHERE group_id = $1 AND left_at IS NULL ORDER BY joined_at, need_id`,
      [groupId],
    );
  }

  /** The household's live membership of the group. */
  async findLiveMembership(
    manager: Queryable,
    groupId: string,
    needId: string,
  ): Promise<MembershipRow | undefined> {
    return firstRow<MembershipRow>(
      manager,
      `SELECT id, need_id AS "needId", status FROM care_group_members
        WHERE group_id = $1 AND need_id = $2 AND left_at IS NULL`,
      [groupId, needId],
    );
  }

  /** The groups the need's household is a live member of. */
  async findLiveGroupIdsOfNeed(needId: string): Promise<{ groupId: string }[]> {
    return this.dataSource.query(
      `SELECT group_id AS "groupId" FROM care_group_members WHERE need_id = $1 AND left_at IS NULL`,
      [needId],
    );
  }

  async insertGroup(
    manager: Queryable,
    group: {
      offerId: string;
      organisationId: string;
      comuneIstat: string;
      sharedSchedule: string;
      weeklyMinutes: number;
    },
  ): Promise<string> {
    const row = await onlyRow<{ id: string }>(
      manager,
      `INSERT INTO care_groups (offer_id, organisation_id, comune_istat, status, shared_schedule, weekly_minutes)
         VALUES ($1, $2, $3, 'proposed', $4, $5) RETURNING id`,
      [group.offerId, group.organisationId, group.comuneIstat, group.sharedSchedule, group.weeklyMinutes],
    );
    return row.id;
  }

  /** An invited member with its quote; its id. */
  async insertMember(manager: Queryable, groupId: string, quote: HouseholdQuote): Promise<string> {
    const member = await onlyRow<{ id: string }>(
      manager,
      `INSERT INTO care_group_members (group_id, need_id, status, price_cents_per_hour,
                                       individual_price_cents_per_hour, weekly_cents, individual_weekly_cents)
       VALUES ($1, $2, 'invited', $3, $4, $5, $6) RETURNING id`,
      quoteParams(groupId, quote),
    );
    return member.id;
  }

  /** A live member's new quote. */
  async updateQuote(manager: Queryable, groupId: string, quote: HouseholdQuote): Promise<void> {
    await manager.query(
      `UPDATE care_group_members SET price_cents_per_hour = $3, individual_price_cents_per_hour = $4,
              weekly_cents = $5, individual_weekly_cents = $6, updated_at = now()
        WHERE group_id = $1 AND need_id = $2 AND left_at IS NULL`,
      quoteParams(groupId, quote),
    );
  }

  async updateSharedSchedule(manager: Queryable, groupId: string, sharedSchedule: string): Promise<void> {
    await manager.query(`UPDATE care_groups SET shared_schedule = $2, updated_at = now() WHERE id = $1`, [
      groupId,
      sharedSchedule,
    ]);
  }

  async updateGroupStatus(manager: Queryable, groupId: string, to: CareGroupStatus): Promise<void> {
    await manager.query(
      `UPDATE care_groups SET status = $2, updated_at = now(),
            confirmed_at = CASE WHEN $2 = 'confirmed' THEN now() ELSE confirmed_at END,
            dissolved_at = CASE WHEN $2 = 'dissolved' THEN now() ELSE dissolved_at END
      WHERE id = $1`,
      [groupId, to],
    );
  }

  async updateMemberStatus(
    manager: Queryable,
    memberId: string,
    to: CareGroupMemberStatus,
    leftReason: 'left' | 'group_dissolved' | 'need_closed' | null,
  ): Promise<void> {
    await manager.query(
      `UPDATE care_group_members SET status = $2, updated_at = now(),
            confirmed_at = CASE WHEN $2 = 'confirmed' THEN now() ELSE confirmed_at END,
            left_at = CASE WHEN $2 = 'left' THEN now() ELSE left_at END, left_reason = $3
      WHERE id = $1`,
      [memberId, to, leftReason],
    );
  }

  // ----- forming groups -----

  /** One formation at a time (a transaction-scoped advisory lock). */
  async lockFormation(manager: Queryable): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('care-groups', 0))`);
  }

  /** The need, if it waits for a group. */
  async findWaitingHousehold(manager: Queryable, needId: string): Promise<HouseholdRow | undefined> {
    return firstRow<HouseholdRow>(
      manager,
      `SELECT ${HOUSEHOLD_COLUMNS} FROM ${NEEDS_AS_N} WHERE n.id = $1 AND ${WAITING}`,
      [needId],
    );
  }

  /** Other households waiting within `maxDistanceMeters` of the seed (not of its beneficiary), nearest first. */
  async findWaitingNeighbours(
    manager: Queryable,
    seed: HouseholdRow,
    maxDistanceMeters: number,
    limit: number,
  ): Promise<HouseholdRow[]> {
    return manager.query(
      `SELECT ${HOUSEHOLD_COLUMNS} FROM ${NEEDS_AS_N}
          WHERE ${WAITING} AND n.id <> $1 AND n.beneficiary_id IS DISTINCT FROM $4::uuid
            AND earth_box(ll_to_earth($2, $3), $5::float8) @> ll_to_earth(n.lat, n.lon)
            AND earth_distance(ll_to_earth($2, $3), ll_to_earth(n.lat, n.lon)) <= $5::float8
          ORDER BY ll_to_earth(n.lat, n.lon) <-> ll_to_earth($2, $3), n.id
          LIMIT ${limit}`,
      [seed.id, seed.lat, seed.lon, seed.beneficiaryId, maxDistanceMeters],
    );
  }

  /** Proposed groups with a live member within the box around the place, with their offers. */
  async findProposedGroupsNear(
    manager: Queryable,
    place: { lat: number; lon: number },
    maxDistanceMeters: number,
  ): Promise<ProposedGroupRow[]> {
    return manager.query(
      `SELECT g.id AS "groupId", g.shared_schedule AS "sharedSchedule", g.weekly_minutes AS "weeklyMinutes",
              o.id, o.organisation_id AS "organisationId", org.name AS "organisationName", o.price_bands AS bands,
              o.area_comuni::text[] AS "areaComuni", o.radius_km AS "radiusKm", o.lat, o.lon
         FROM ${GROUP_FROM}
        WHERE g.status = 'proposed'
          AND EXISTS (SELECT 1 FROM care_group_members m ${joinNeedSql('m.need_id')}
                       WHERE m.group_id = g.id AND m.left_at IS NULL
                         AND earth_box(ll_to_earth($1, $2), $3::float8) @> ll_to_earth(n.lat, n.lon))`,
      [place.lat, place.lon, maxDistanceMeters],
    );
  }

  /** The live households of the groups, in joining order. */
  async findLiveHouseholdsOfGroups(
    manager: Queryable,
    groupIds: string[],
  ): Promise<(HouseholdRow & { groupId: string })[]> {
    return manager.query(
      `SELECT m.group_id AS "groupId", ${HOUSEHOLD_COLUMNS}
         FROM care_group_members m ${joinNeedSql('m.need_id')}
        WHERE m.group_id = ANY($1::uuid[]) AND m.left_at IS NULL ORDER BY m.joined_at, m.need_id`,
      [groupIds],
    );
  }

  /**
   * Active, published shared-price offers for shared care whose organisation is accredited for
   * the Comune, and whose area holds the Comune or reaches the place.
   */
  async findSharedCareOffers(
    manager: Queryable,
    seed: { comuneIstat: string; lat: number; lon: number },
  ): Promise<OfferRow[]> {
    return manager.query(
      `SELECT o.id, o.organisation_id AS "organisationId", org.name AS "organisationName", o.price_bands AS bands,
              o.area_comuni::text[] AS "areaComuni", o.radius_km AS "radiusKm", o.lat, o.lon
         FROM ${serviceOffersAs('o')} ${joinOrganisationSql('org', 'o.organisation_id')}
        WHERE o.category = 'shared_caregiver' AND o.price_model = 'shared' AND o.status = 'active'
          AND ${itemPublishedSql(ContentType.SERVICE_OFFER, 'o.id')}
          AND ${organisationAccreditedForComuneSql('o.organisation_id', '$1')}
          AND (o.area_comuni @> ARRAY[$1]::char(6)[]
               OR earth_distance(ll_to_earth(o.lat, o.lon), ll_to_earth($2, $3)) <= o.radius_km * 1000)`,
      [seed.comuneIstat, seed.lat, seed.lon],
    );
  }

  /** Each need's Comune (requests' read). */
  async findComuniOfNeeds(
    manager: Queryable,
    needIds: string[],
  ): Promise<{ id: string; comuneIstat: string }[]> {
    return readComuniOfNeeds(manager, needIds);
  }

  /** Reads needs and beneficiaries (requests' parts): who a household's need is for. */
  async findHouseholdPeople(
    manager: Queryable,
    needId: string,
  ): Promise<{ authorUserId: string | null; source: string; beneficiaryUserId: string | null } | undefined> {
    return firstRow<{ authorUserId: string | null; source: string; beneficiaryUserId: string | null }>(
      manager,
      `SELECT n.author_user_id AS "authorUserId", n.source, b.user_id AS "beneficiaryUserId"
         FROM ${NEEDS_AS_N} ${joinBeneficiaryOfNeedSql()} WHERE n.id = $1`,
      [needId],
    );
  }

  /** The need's status (requests' read). */
  async findNeedStatus(manager: Queryable, needId: string): Promise<string | undefined> {
    return readNeedStatus(manager, needId);
  }

  // ----- reading for the API -----

  async findGroup(groupId: string): Promise<GroupRow | undefined> {
    return firstRow<GroupRow>(this.dataSource, `SELECT ${GROUP_COLUMNS} FROM ${GROUP_FROM} WHERE g.id = $1`, [
      groupId,
    ]);
  }

  /** Groups with a household of the user, newest first, a page plus one. */
  async findHouseholdGroupsPage(userId: string, args: PageArgs): Promise<(GroupRow & CursorAt)[]> {
    const params: unknown[] = [userId];
    const conditions = [
      `EXISTS (SELECT 1 FROM care_group_members m ${joinNeedSql('m.need_id')}
                 ${joinBeneficiaryOfNeedSql()} WHERE m.group_id = g.id AND ${IS_MINE})`,
    ];
    return this.findGroupsPage(conditions, params, args);
  }

  /**
   * Groups of the Comuni in the staff's scope (scopeCondition on g.comune_istat, its parameters
   * after the caller's id in params), optionally of a status and a Comune; a page plus one.
   */
  async findTerritoryGroupsPage(
    scopeCondition: string,
    params: unknown[],
    args: TerritoryCareGroupsArgs,
  ): Promise<(GroupRow & CursorAt)[]> {
    const conditions = [scopeCondition];
    if (args.status) {
      params.push(args.status);
      conditions.push(`g.status = $${params.length}`);
    }
    if (args.comuneIstat) {
      params.push(args.comuneIstat);
      conditions.push(`g.comune_istat = $${params.length}`);
    }
    return this.findGroupsPage(conditions, params, args);
  }

  /** The organisation's groups, optionally of a status, newest first, a page plus one. */
  async findOrganisationGroupsPage(
    userId: string,
    organisationId: string,
    args: OrganisationCareGroupsArgs,
  ): Promise<(GroupRow & CursorAt)[]> {
    const params: unknown[] = [userId, organisationId];
    const conditions = [`g.organisation_id = $2`];
    if (args.status) {
      params.push(args.status);
      conditions.push(`g.status = $${params.length}`);
    }
    return this.findGroupsPage(conditions, params, args);
  }

  /**
   * Groups matching the conditions (alias g; $1 is always the caller, used by IS_MINE in the
   * members statement), newest first, a page plus one.
   */
  private async findGroupsPage(
    conditions: string[],
    params: unknown[],
    args: PageArgs,
  ): Promise<(GroupRow & CursorAt)[]> {
    const keyset = keysetPageSql({ at: 'g.created_at', id: 'g.id' }, 'DESC', args, params);
    conditions.push(...keyset.after);
    return this.dataSource.query(
      `SELECT ${GROUP_COLUMNS}, ${keyset.cursorColumn} FROM ${GROUP_FROM}
        WHERE $1::uuid IS NOT NULL AND ${conditions.join(' AND ')}
        ${keyset.orderAndLimit}`,
      params,
    );
  }

  /** Every member of the groups, with whether it is the user's household. */
  async findMembersOfGroups(userId: string, groupIds: string[]): Promise<MemberRow[]> {
    return this.dataSource.query(
      `SELECT m.group_id AS "groupId", m.need_id AS "needId", m.status,
              m.price_cents_per_hour AS "priceCentsPerHour",
              m.individual_price_cents_per_hour AS "individualPriceCentsPerHour",
              m.weekly_cents AS "weeklyCents", m.individual_weekly_cents AS "individualWeeklyCents",
              m.joined_at AS "joinedAt", m.confirmed_at AS "confirmedAt", m.left_at AS "leftAt",
              ${IS_MINE} AS mine
         FROM care_group_members m ${joinNeedSql('m.need_id')}
         ${joinBeneficiaryOfNeedSql()}
        WHERE m.group_id = ANY($2::uuid[]) ORDER BY m.joined_at, m.need_id`,
      [userId, groupIds],
    );
  }
}
