import { Injectable, OnModuleInit } from '@nestjs/common';
import { AccountErasureHandlers, AccountErasureStep, ERASED_TEXT } from '@prossimo/platform';
import { EntityManager } from 'typeorm';
import { ContentType } from './moderation.types';

/** An organisation's or a Comune's content stays as it is when one of its people is erased. */
const INSTITUTIONAL_CONTENT = [
  ContentType.ORGANISATION,
  ContentType.SERVICE_OFFER,
  ContentType.CALL_TO_ACTION,
];
/** A person's own profile and offers: kept anonymous for the indicators, never listed again. */
const PERSONAL_LISTINGS = [ContentType.VOLUNTEER_PROFILE, ContentType.VOLUNTEER_OFFER];

/**
 * Blanks the summaries the moderators read for these items (the text described a person who is
 * being erased); the decision records stay.
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

/** Account erasure, moderation's part: what the person wrote, as the moderators see it. */
@Injectable()
export class ModerationAccountErasure implements OnModuleInit {
  constructor(private readonly handlers: AccountErasureHandlers) {}

  onModuleInit(): void {
    this.handlers.register('moderation', (step) => this.erase(step));
  }

  private async erase({ manager, userId }: AccountErasureStep): Promise<Record<string, number>> {
    await manager.query(
      `UPDATE moderation_items SET summary = content_type || ': ' || $1
        WHERE author_user_id = $2 AND NOT (content_type = ANY($3::text[]))`,
      [ERASED_TEXT, userId, INSTITUTIONAL_CONTENT],
    );
    await manager.query(
      `UPDATE moderation_items SET status = 'hidden', needs_review = false
        WHERE author_user_id = $1 AND content_type = ANY($2::text[])`,
      [userId, PERSONAL_LISTINGS],
    );
    // The reasons the person gave when reporting others' content.
    await manager.query(`UPDATE content_reports SET reason = $2 WHERE reporter_user_id = $1`, [
      userId,
      ERASED_TEXT,
    ]);
    return {};
  }
}
