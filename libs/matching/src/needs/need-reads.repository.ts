import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, firstRow, Queryable } from '@prossimo/platform';
import { isUUID } from 'class-validator';
import {
  hoursNeedOpen,
  joinBeneficiaryOfNeedSql,
  lockNeedKeyShare,
  lockNeedNoKeyUpdate,
  NEEDS_AS_N,
  readNeedLocation,
} from '@prossimo/requests';
import { DataSource } from 'typeorm';
import { NeedForMatching } from './need-for-matching';
import { VOLUNTEER_PROFILES_AS_V } from '@prossimo/community';
import { leftJoinUserSql } from '@prossimo/identity';
import { joinComuneSql } from '@prossimo/territory';
import { serviceOffersAs } from '@prossimo/directory';

/**
 * Matching's reads of needs (their tables are requests', whose SQL parts and reads these use) and
 * of the rows they join (the Comune and the author, through territory's and identity's parts).
 */
@Injectable()
export class NeedReadsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * A need with what matching needs; callers take the locks they need first, or pass `lock` to
   * lock the need row (FOR NO KEY UPDATE) in the same statement.
   */
  async loadNeedForMatching(
    manager: Queryable,
    needId: string,
    lock = false,
  ): Promise<NeedForMatching | undefined> {
    const row = await firstRow<NeedForMatching>(
      manager,
      `SELECT ${NEED_FOR_MATCHING_SELECT} WHERE n.id = $1 ${lock ? 'FOR NO KEY UPDATE OF n' : ''}`,
      [needId],
    );
    return row;
  }

  /** The need's id and Comune, for the caller's access check; NEED_NOT_FOUND otherwise. */
  async findNeed(manager: Queryable, needId: string, field: string): Promise<NeedLocation> {
    if (!isUUID(needId)) throw new DomainError('NEED_NOT_FOUND', { field });
    const row = await readNeedLocation(manager, needId);
    if (!row) throw new DomainError('NEED_NOT_FOUND', { field });
    return row;
  }

  /**
   * A KEY SHARE lock on the need (what the proposals' foreign key takes anyway): a matching run
   * waits for an acceptance in progress and the expiry sweep's FOR NO KEY UPDATE SKIP LOCKED still
   * picks the need.
   */
  async lockNeedKeyShare(manager: Queryable, needId: string): Promise<void> {
    await lockNeedKeyShare(manager, needId);
  }

  /** Whole hours since the need opened (or was created). */
  async hoursOpen(manager: Queryable, needId: string): Promise<number> {
    return hoursNeedOpen(manager, needId);
  }

  /**
   * Reads volunteer_profiles (community): open needs within the volunteer's travel radius, in
   * their categories, with fewer than `wanted` pending proposals; nearest first.
   */
  async findNeedsNearVolunteer(
    volunteerId: string,
    wanted: number,
    limit: number,
  ): Promise<{ id: string }[]> {
    return this.dataSource.query(
      `SELECT n.id FROM ${VOLUNTEER_PROFILES_AS_V}
         JOIN ${NEEDS_AS_N} ON n.status = 'open' AND n.window_end > now() AND n.category = ANY(v.categories)
          AND earth_box(ll_to_earth(v.home_lat, v.home_lon), v.travel_radius_km * 1000) @> ll_to_earth(n.lat, n.lon)
          AND earth_distance(ll_to_earth(v.home_lat, v.home_lon), ll_to_earth(n.lat, n.lon)) <= v.travel_radius_km * 1000
        WHERE v.id = $1 AND ${shortOfProposals('n.id', 2)}
        ORDER BY ll_to_earth(n.lat, n.lon) <-> ll_to_earth(v.home_lat, v.home_lon), n.id LIMIT $3`,
      [volunteerId, wanted, limit],
    );
  }

  /**
   * Reads the service offer (directory's, through its part): open needs of the active offer's category in its area, with
   * fewer than `wanted` pending proposals; soonest first.
   */
  async findNeedsNearServiceOffer(
    serviceOfferId: string,
    wanted: number,
    limit: number,
  ): Promise<{ id: string }[]> {
    return this.dataSource.query(
      `SELECT n.id FROM ${serviceOffersAs('so')}
         JOIN ${NEEDS_AS_N} ON n.status = 'open' AND n.window_end > now() AND n.category = so.category
          AND (n.comune_istat = ANY(so.area_comuni) OR (so.radius_km IS NOT NULL
            AND earth_distance(ll_to_earth(so.lat, so.lon), ll_to_earth(n.lat, n.lon)) <= so.radius_km * 1000))
        WHERE so.id = $1 AND so.status = 'active' AND ${shortOfProposals('n.id', 2)}
        ORDER BY n.window_start, n.id LIMIT $3`,
      [serviceOfferId, wanted, limit],
    );
  }

  /** Open needs with no live pending proposal, oldest first. */
  async findOpenNeedsWithoutLiveProposal(limit: number): Promise<{ id: string }[]> {
    return this.dataSource.query(
      `SELECT n.id FROM ${NEEDS_AS_N}
        WHERE n.status = 'open' AND n.window_end > now()
          AND NOT EXISTS (SELECT 1 FROM match_proposals mp WHERE mp.need_id = n.id AND mp.status = 'pending'
                            AND mp.expires_at > now())
        ORDER BY coalesce(n.opened_at, n.created_at), n.id LIMIT $1`,
      [limit],
    );
  }

  /** Locks the need row (FOR NO KEY UPDATE) before the caller locks what hangs from it. */
  async lockNeed(manager: Queryable, needId: string): Promise<void> {
    await lockNeedNoKeyUpdate(manager, needId);
  }
}

/** Needs with fewer pending proposals than wanted (the parameter's position is given). */
function shortOfProposals(needColumn: string, wantedParam: number): string {
  return `(SELECT count(*) FROM match_proposals mp WHERE mp.need_id = ${needColumn} AND mp.status = 'pending')
      < $${wantedParam}`;
}

/** A need's id and Comune. */
export interface NeedLocation {
  id: string;
  comuneIstat: string;
}

/**
 * The need of one proposal (what loadNeedForMatching reads), locked FOR NO KEY UPDATE:
 * `proposalCondition` picks the proposal (alias mp). For a caller that reads more in the same
 * statement, as a MATERIALIZED part, so that the need is locked before anything the caller locks
 * after it. The row is the latest version of the need, re-read after waiting for its lock.
 */
export function lockedNeedOfProposalSql(proposalCondition: string): string {
  return `SELECT ${NEED_FOR_MATCHING_SELECT}
      WHERE n.id = (SELECT mp.need_id FROM match_proposals mp WHERE ${proposalCondition}) FOR NO KEY UPDATE OF n`;
}

const NEED_FOR_MATCHING_SELECT = `n.id, n.status, n.source, n.category, n.description, n.comune_istat AS "comuneIstat",
       c.name AS "comuneName", n.lat, n.lon, n.max_distance_km AS "maxDistanceKm", n.language, n.urgency,
       n.window_start AS "windowStart", n.window_end AS "windowEnd", n.details,
       n.author_user_id AS "authorUserId", au.display_name AS "authorName",
       n.beneficiary_id AS "beneficiaryId", b.user_id AS "beneficiaryUserId"
  FROM ${NEEDS_AS_N} ${joinComuneSql('c', 'n.comune_istat')}
  ${joinBeneficiaryOfNeedSql()}
  ${leftJoinUserSql('au', 'n.author_user_id')}`;
