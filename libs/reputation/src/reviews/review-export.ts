import { Injectable } from '@nestjs/common';
import { PersonalDataExportArea, PersonalDataExportPart, PersonalDataExportStep } from '@prossimo/platform';
import { ReviewPersonalDataRepository } from './review-personal-data.repository';

/**
 * "Download my data", reputation's part: reviews the person wrote, reviews about them (without
 * saying who wrote them, with their own reply) and the replies they wrote.
 */
@Injectable()
export class ReviewExport extends PersonalDataExportArea {
  readonly area = 'reputation';
  readonly sections = ['reviewsWritten', 'reviewsReceived', 'reviewRepliesWritten'];
  readonly tables = ['reviews', 'review_replies'];

  constructor(private readonly personalData: ReviewPersonalDataRepository) {
    super();
  }

  async collect({ manager, userId }: PersonalDataExportStep): Promise<PersonalDataExportPart> {
    const reviewsWritten = await this.personalData.findReviewsWrittenBy(manager, userId);
    const reviewsReceived = await this.personalData.findReviewsAbout(manager, userId);
    const reviewRepliesWritten = await this.personalData.findRepliesWrittenBy(manager, userId);
    return { sections: { reviewsWritten, reviewsReceived, reviewRepliesWritten } };
  }
}
