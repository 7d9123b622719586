import { Injectable } from '@nestjs/common';
import { AccountErasureArea, AccountErasureStep } from '@prossimo/platform';
import { ContentType } from '../items/moderation.types';
import { ModerationPersonalDataRepository } from './personal-data.repository';

export { blankModerationSummaries, deleteModerationRecords } from './personal-data.repository';

/** An organisation's or a Comune's content stays as it is when one of its people is erased. */
const INSTITUTIONAL_CONTENT = [
  ContentType.ORGANISATION,
  ContentType.SERVICE_OFFER,
  ContentType.CALL_TO_ACTION,
];
/** A person's own profile and offers: kept anonymous for the indicators, never listed again. */
const PERSONAL_LISTINGS = [ContentType.VOLUNTEER_PROFILE, ContentType.VOLUNTEER_OFFER];

/** Account erasure, moderation's part: what the person wrote, as the moderators see it. */
@Injectable()
export class ModerationAccountErasure extends AccountErasureArea {
  readonly area = 'moderation';

  constructor(private readonly personalData: ModerationPersonalDataRepository) {
    super();
  }

  protected async erase({ manager, userId }: AccountErasureStep): Promise<Record<string, number>> {
    await this.personalData.blankAuthoredSummaries(manager, userId, INSTITUTIONAL_CONTENT);
    await this.personalData.hideAuthored(manager, userId, PERSONAL_LISTINGS);
    await this.personalData.blankReportReasons(manager, userId);
    return {};
  }
}
