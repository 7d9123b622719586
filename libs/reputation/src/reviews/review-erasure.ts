import { Injectable, OnModuleInit } from '@nestjs/common';
import { blankModerationSummaries, ContentType } from '@prossimo/moderation';
import { AccountErasureHandlers, AccountErasureStep, ERASED_TEXT } from '@prossimo/platform';

/**
 * Account erasure, reputation's part: reviews keep their stars (satisfaction, ratings), while the
 * words by or about the person go, with the replies to reviews about them.
 */
@Injectable()
export class ReviewAccountErasure implements OnModuleInit {
  constructor(private readonly handlers: AccountErasureHandlers) {}

  onModuleInit(): void {
    this.handlers.register('reputation', (step) => this.erase(step));
  }

  private async erase({ manager, userId }: AccountErasureStep): Promise<Record<string, number>> {
    const [, reviewsAnonymised]: [unknown[], number] = await manager.query(
      `UPDATE reviews SET comment = NULL, updated_at = now()
        WHERE (author_user_id = $1 OR subject_user_id = $1) AND comment IS NOT NULL`,
      [userId],
    );
    await manager.query(
      `UPDATE review_replies SET body = $2, updated_at = now()
        WHERE author_user_id = $1 OR review_id IN (SELECT id FROM reviews WHERE subject_user_id = $1)`,
      [userId, ERASED_TEXT],
    );
    // What the moderators read of reviews about the person (their own are blanked by moderation).
    const aboutThem: { id: string }[] = await manager.query(
      `SELECT id FROM reviews WHERE subject_user_id = $1`,
      [userId],
    );
    await blankModerationSummaries(
      manager,
      ContentType.REVIEW,
      aboutThem.map((review) => review.id),
    );
    return { reviewsAnonymised };
  }
}
