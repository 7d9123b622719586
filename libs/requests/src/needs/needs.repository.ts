import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ContentType, itemDecidedSql, joinModerationItemSql } from '@prossimo/moderation';
import {
  CursorAt,
  firstRow,
  keysetPageSql,
  latestStatusChangeTo,
  PageArgs,
  Queryable,
  queryPrepared,
  queryPreparedIn,
} from '@prossimo/platform';
import { comuneIstatsOfTerritories } from '@prossimo/territory';
import { DataSource } from 'typeorm';
import { needColumns, NeedRow } from './need-rows';
import { NeedCategory, NeedSource, NeedStatus, TerritoryNeedsArgs } from '../requests.types';

/** A need as read for a page, with its cursor. */
export type NeedPageRow = NeedRow & CursorAt;

/**
 * The needs table (with the beneficiary it is for) and the need lifecycle's reads. `published` is
 * moderation's condition on `n.id` (ModerationService.publishedCondition), passed by the service.
 * Reads of other libraries' tables say so: matching's proposals and engagements, identity's
 * user_roles, territory's territory_comuni and comuni, moderation's items, platform's status_history.
 */
@Injectable()
export class NeedsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Needs the user posted or that are for them, newest first, a page plus one (a prepared statement). */
  async findMyNeedsPage(published: string, userId: string, args: PageArgs): Promise<NeedPageRow[]> {
    const params: unknown[] = [userId];
    // "b.user_id = $1" through the join could only be checked row by row, after joining every
    // need to its beneficiary (a scan of both tables: 2 ms of PostgreSQL's CPU per request at
    // bench scale, growing with the table). The same condition as the ids of the user's
    // beneficiaries lets both halves of the OR use their index (needs_author_idx,
    // needs_beneficiary_idx through beneficiaries_user_idx): 0.4 ms.
    const conditions = [
      '(n.author_user_id = $1 OR n.beneficiary_id = ANY (ARRAY(SELECT mine.id FROM beneficiaries mine WHERE mine.user_id = $1)))',
    ];
    const keyset = keysetPageSql({ at: 'n.created_at', id: 'n.id' }, 'DESC', args, params);
    conditions.push(...keyset.after);
    // Every citizen's home screen: prepared, so PostgreSQL does not plan it again on each request.
    return queryPrepared<NeedPageRow>(
      this.dataSource,
      `SELECT ${needColumns(published)}, ${keyset.cursorColumn}
         FROM needs n LEFT JOIN beneficiaries b ON b.id = n.beneficiary_id
        WHERE ${conditions.join(' AND ')} ${keyset.orderAndLimit}`,
      params,
    );
  }

  /**
   * Needs in the staff's scope (`scopeCondition`, whose parameters are already in `params`) with
   * the filters asked for, oldest first, a page plus one.
   */
  async findTerritoryNeedsPage(
    published: string,
    scopeCondition: string,
    params: unknown[],
    args: TerritoryNeedsArgs,
  ): Promise<NeedPageRow[]> {
    const conditions = [scopeCondition];
    if (args.status) {
      params.push(args.status);
      conditions.push(`n.status = $${params.length}`);
    }
    if (args.category) {
      params.push(args.category);
      conditions.push(`n.category = $${params.length}`);
    }
    if (args.comuneIstat) {
      params.push(args.comuneIstat);
      conditions.push(`n.comune_istat = $${params.length}`);
    }
    if (args.unmatchedForHours !== undefined) {
      params.push(args.unmatchedForHours);
      conditions.push(
        `n.status = 'open' AND coalesce(n.opened_at, n.created_at) <= now() - make_interval(hours => $${params.length})`,
      );
    }
    const keyset = keysetPageSql({ at: 'n.created_at', id: 'n.id' }, 'ASC', args, params);
    conditions.push(...keyset.after);
    return this.dataSource.query(
      `SELECT ${needColumns(published)}, ${keyset.cursorColumn}
         FROM needs n LEFT JOIN beneficiaries b ON b.id = n.beneficiary_id
        WHERE ${conditions.join(' AND ')} ${keyset.orderAndLimit}`,
      params,
    );
  }

  /** Prepared: a posted need is read back by it, and planning it cost more than running it (issue 18). */
  async findNeed(db: Queryable, published: string, id: string): Promise<NeedRow | undefined> {
    const [row] = (await queryPreparedIn(
      db,
      `SELECT ${needColumns(published)} FROM needs n LEFT JOIN beneficiaries b ON b.id = n.beneficiary_id
        WHERE n.id = $1`,
      [id],
    )) as NeedRow[];
    return row;
  }

  /** Locks the need's row for a status change in the caller's transaction; false when there is none. */
  async lockNeed(db: Queryable, id: string): Promise<boolean> {
    const locked = await firstRow<unknown>(db, `SELECT 1 FROM needs WHERE id = $1 FOR NO KEY UPDATE`, [id]);
    return !!locked;
  }

  /** Per need, its category (for moderation's queue). */
  async findCategoriesOf(needIds: readonly string[]): Promise<{ id: string; category: NeedCategory }[]> {
    return this.dataSource.query(`SELECT id, category FROM needs WHERE id = ANY($1::uuid[])`, [needIds]);
  }

  /** The Comuni of these territories (territory's function). */
  async findComuniOfTerritories(territoryIds: readonly string[]): Promise<string[]> {
    return comuneIstatsOfTerritories(this.dataSource, territoryIds);
  }

  /** A batch of live needs whose time window has ended, locked (SKIP LOCKED) in the caller's transaction. */
  async lockEndedNeeds(db: Queryable, batch: number): Promise<{ id: string }[]> {
    return db.query(
      `SELECT id FROM needs WHERE status IN ('open', 'submitted') AND window_end <= now()
            ORDER BY window_end LIMIT $1 FOR NO KEY UPDATE SKIP LOCKED`,
      [batch],
    );
  }

  /** The need, locked, with the status of its moderation item (moderation's table). */
  async lockNeedWithModerationStatus(
    db: Queryable,
    needId: string,
  ): Promise<{ status: NeedStatus; source: NeedSource; item_status: string | null } | undefined> {
    return firstRow(
      db,
      `SELECT n.status, n.source, mi.status AS item_status FROM needs n
           ${joinModerationItemSql(ContentType.NEED, 'n.id', { join: 'LEFT JOIN' })}
          WHERE n.id = $1 FOR NO KEY UPDATE OF n`,
      [needId],
    );
  }

  /** Who decided the need's moderation item, and why (moderation's rows in status_history). */
  async findModerationDecision(
    db: Queryable,
    needId: string,
    itemStatus: string | null,
  ): Promise<{ actor_user_id: string | null; reason: string | null } | undefined> {
    return latestStatusChangeTo(db, 'need', needId, itemStatus);
  }

  /** A batch of submitted needs whose moderation item is decided, locked (SKIP LOCKED). */
  async lockDecidedSubmittedNeeds(db: Queryable, batch: number): Promise<{ id: string }[]> {
    return db.query(
      `SELECT n.id FROM needs n
             ${joinModerationItemSql(ContentType.NEED, 'n.id')}
            WHERE n.status = 'submitted' AND n.source <> 'sentinel' AND ${itemDecidedSql()}
            ORDER BY n.created_at LIMIT $1 FOR NO KEY UPDATE OF n SKIP LOCKED`,
      [batch],
    );
  }

  /** A sentinel's flag: a submitted need at the Comune's centre. */
  async insertSentinelNeed(
    db: Queryable,
    need: {
      id: string;
      category: NeedCategory;
      description: string;
      comuneIstat: string;
      lat: number;
      lon: number;
      authorUserId: string;
    },
  ): Promise<void> {
    await db.query(
      `INSERT INTO needs (id, source, status, category, description, comune_istat, lat, lon, author_user_id)
         VALUES ($1, 'sentinel', 'submitted', $2, $3, $4, $5, $6, $7)`,
      [need.id, need.category, need.description, need.comuneIstat, need.lat, need.lon, need.authorUserId],
    );
  }
}
