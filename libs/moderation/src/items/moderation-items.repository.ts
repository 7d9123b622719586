import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CursorAt, keysetPageSql } from '@prossimo/platform';
import { DataSource, EntityManager } from 'typeorm';
import { ContentType, ModerationItem, ModerationMode, ModerationStatus } from './moderation.types';

const ITEM_COLUMNS = `content_type AS "contentType", content_id AS "contentId", comune_istat AS "comuneIstat", status,
  needs_review AS "needsReview", report_count AS "reportCount", summary, author_user_id AS "authorUserId",
  created_at AS "createdAt"`;

/** A territory's chosen mode for one content type. */
export interface ModerationModeRow {
  contentType: ContentType;
  mode: ModerationMode;
}

/**
 * moderation_items, content_reports and moderation_settings. The submit statement is built by
 * ModerationService.submitIn (a part of the caller's combined statement), not here.
 */
@Injectable()
export class ModerationItemsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async modesOfTerritory(territoryId: string): Promise<ModerationModeRow[]> {
    return this.dataSource.query(
      `SELECT content_type AS "contentType", mode FROM moderation_settings WHERE territory_id = $1`,
      [territoryId],
    );
  }

  async upsertMode(
    manager: EntityManager,
    territoryId: string,
    contentType: ContentType,
    mode: ModerationMode,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO moderation_settings (territory_id, content_type, mode) VALUES ($1, $2, $3)
         ON CONFLICT (territory_id, content_type) DO UPDATE SET mode = excluded.mode`,
      [territoryId, contentType, mode],
    );
  }

  /**
   * One page of the moderators' queue, in (created_at, content_id) order, a page plus one;
   * `conditions` are SQL over moderation_items whose parameters are in `params`.
   */
  async queuePage(
    conditions: string[],
    params: unknown[],
    args: { after?: string; first: number },
  ): Promise<(ModerationItem & CursorAt)[]> {
    const keyset = keysetPageSql({ at: 'created_at', id: 'content_id' }, 'ASC', args, params);
    return this.dataSource.query(
      `SELECT ${ITEM_COLUMNS}, ${keyset.cursorColumn} FROM moderation_items
        WHERE ${[...conditions, ...keyset.after].join(' AND ')} ${keyset.orderAndLimit}`,
      params,
    );
  }

  /** The item, locked for the caller's transaction; undefined when the content was never submitted. */
  async lockItem(
    manager: EntityManager,
    contentType: ContentType,
    contentId: string,
  ): Promise<ModerationItem | undefined> {
    const [item]: ModerationItem[] = await manager.query(
      `SELECT ${ITEM_COLUMNS} FROM moderation_items WHERE content_type = $1 AND content_id = $2 FOR UPDATE`,
      [contentType, contentId],
    );
    return item;
  }

  /** False when this person already reported this content. */
  async insertReport(
    manager: EntityManager,
    contentType: ContentType,
    contentId: string,
    reporterUserId: string,
    reason: string,
  ): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO content_reports (content_type, content_id, reporter_user_id, reason) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING RETURNING id`,
      [contentType, contentId, reporterUserId, reason],
    );
    return inserted.length > 0;
  }

  /** Counts one more report and puts the item in the queue; hides it when `hide`. */
  async countReport(
    manager: EntityManager,
    contentType: ContentType,
    contentId: string,
    hide: boolean,
  ): Promise<ModerationItem> {
    const [[updated]]: [ModerationItem[], number] = await manager.query(
      `UPDATE moderation_items SET report_count = report_count + 1, needs_review = true,
                status = CASE WHEN $3 THEN 'hidden' ELSE status END
          WHERE content_type = $1 AND content_id = $2 RETURNING ${ITEM_COLUMNS}`,
      [contentType, contentId, hide],
    );
    return updated;
  }

  async recordDecision(
    manager: EntityManager,
    contentType: ContentType,
    contentId: string,
    status: ModerationStatus,
  ): Promise<ModerationItem> {
    const [[updated]]: [ModerationItem[], number] = await manager.query(
      `UPDATE moderation_items SET status = $3, needs_review = false, decided_at = now()
          WHERE content_type = $1 AND content_id = $2 RETURNING ${ITEM_COLUMNS}`,
      [contentType, contentId, status],
    );
    return updated;
  }

  /**
   * A Comune where the user authored content, among those `comuneCondition` (SQL over
   * comune_istat, parameters after the user's id in `params`) allows; undefined when none.
   */
  async authoredComune(
    manager: EntityManager,
    comuneCondition: string,
    params: unknown[],
  ): Promise<string | undefined> {
    const [authored]: { comune_istat: string }[] = await manager.query(
      `SELECT comune_istat FROM moderation_items WHERE author_user_id = $1 AND ${comuneCondition} LIMIT 1`,
      params,
    );
    return authored?.comune_istat;
  }
}
