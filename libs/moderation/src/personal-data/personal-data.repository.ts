import { Injectable } from '@nestjs/common';
import { ERASED_TEXT } from '@prossimo/platform';
import { EntityManager } from 'typeorm';
import { ContentType } from '../items/moderation.types';

/**
 * Blanks the summaries the moderators read for these items (the text described a person who is
 * being erased); the decision records stay. A module function: other libraries call it in their
 * erasure transactions.
 */
export async function blankModerationSummaries(
  manager: EntityManager,
  contentType: ContentType,
  contentIds: string[],
): Promise<void> {
  if (!contentIds.length) return;
  await manager.query(
    `UPDATE moderation_items SET summary = content_type || ': ' || $3
      WHERE content_type = $1 AND content_id = ANY($2::uuid[])`,
    [contentType, contentIds, ERASED_TEXT],
  );
}

/** Deletes the moderation records of these items and the reports about them (the items are gone). */
export async function deleteModerationRecords(
  manager: EntityManager,
  contentType: ContentType,
  contentIds: string[],
): Promise<void> {
  if (!contentIds.length) return;
  await manager.query(
    `DELETE FROM content_reports WHERE content_type = $1 AND content_id = ANY($2::uuid[])`,
    [contentType, contentIds],
  );
  await manager.query(
    `DELETE FROM moderation_items WHERE content_type = $1 AND content_id = ANY($2::uuid[])`,
    [contentType, contentIds],
  );
}

/** A report the person filed, as "download my data" shows it. */
export interface FiledReportRow {
  contentType: ContentType;
  contentId: string;
  reason: string;
  createdAt: Date;
}

/** Moderation's personal data: erasure and export of what a person wrote or reported. */
@Injectable()
export class ModerationPersonalDataRepository {
  /** Blanks the summaries of the person's items, except the content types in `keptTypes`. */
  async blankAuthoredSummaries(
    manager: EntityManager,
    userId: string,
    keptTypes: ContentType[],
  ): Promise<void> {
    await manager.query(
      `UPDATE moderation_items SET summary = content_type || ': ' || $1
        WHERE author_user_id = $2 AND NOT (content_type = ANY($3::text[]))`,
      [ERASED_TEXT, userId, keptTypes],
    );
  }

  /** Hides the person's items of these content types and takes them out of the queue. */
  async hideAuthored(manager: EntityManager, userId: string, contentTypes: ContentType[]): Promise<void> {
    await manager.query(
      `UPDATE moderation_items SET status = 'hidden', needs_review = false
        WHERE author_user_id = $1 AND content_type = ANY($2::text[])`,
      [userId, contentTypes],
    );
  }

  /** The reasons the person gave when reporting others' content. */
  async blankReportReasons(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`UPDATE content_reports SET reason = $2 WHERE reporter_user_id = $1`, [
      userId,
      ERASED_TEXT,
    ]);
  }

  async reportsFiledBy(manager: EntityManager, userId: string): Promise<FiledReportRow[]> {
    return manager.query(
      `SELECT content_type AS "contentType", content_id AS "contentId", reason, created_at AS "createdAt"
         FROM content_reports WHERE reporter_user_id = $1`,
      [userId],
    );
  }
}
