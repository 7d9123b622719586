import { Injectable } from '@nestjs/common';
import { blankModerationSummaries, ContentType } from '@prossimo/moderation';
import { AccountErasureArea, AccountErasureStep, ERASED_TEXT } from '@prossimo/platform';
import { ReviewPersonalDataRepository } from './review-personal-data.repository';

/**
 * Account erasure, reputation's part: reviews keep their stars (satisfaction, ratings), while the
 * words by or about the person go, with the replies to reviews about them.
 */
@Injectable()
export class ReviewAccountErasure extends AccountErasureArea {
  readonly area = 'reputation';

  constructor(private readonly personalData: ReviewPersonalDataRepository) {
    super();
  }

  protected async erase({ manager, userId }: AccountErasureStep): Promise<Record<string, number>> {
    const reviewsAnonymised = await this.personalData.removeCommentsByOrAbout(manager, userId);
    await this.personalData.blankRepliesByOrAbout(manager, userId, ERASED_TEXT);
    // What the moderators read of reviews about the person (their own are blanked by moderation).
    const aboutThem = await this.personalData.findReviewIdsAbout(manager, userId);
    await blankModerationSummaries(manager, ContentType.REVIEW, aboutThem);
    return { reviewsAnonymised };
  }
}
