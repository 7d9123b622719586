import { Injectable } from '@nestjs/common';
import { AccountErasureArea, AccountErasureStep } from '@prossimo/platform';
import { VolunteerPersonalDataRepository } from './volunteer-personal-data.repository';

/**
 * Account erasure, community's part: the volunteer profile stays as an anonymous helper (hours,
 * categories, Comune, its home moved to the Comune's centre); the rest goes: name, bio, skills,
 * availability, offers' texts, messages to offers and calls, and which calls they were told of; the
 * messages they wrote for a call's publisher stay the publisher's, without who wrote them.
 */
@Injectable()
export class VolunteerAccountErasure extends AccountErasureArea {
  readonly area = 'community';

  constructor(private readonly personalData: VolunteerPersonalDataRepository) {
    super();
  }

  protected async erase({ manager, userId }: AccountErasureStep): Promise<Record<string, number>> {
    const volunteerProfilesAnonymised = await this.personalData.anonymiseProfile(manager, userId);
    await this.personalData.deleteAvailability(manager, userId);
    await this.personalData.cancelAndBlankOffers(manager, userId);
    await this.personalData.blankJoinRequestMessages(manager, userId);
    await this.personalData.blankCallAnswerMessages(manager, userId);
    // Which calls the person was told of (and the weekly count they feed) goes with them.
    await this.personalData.deleteCallNotices(manager, userId);
    await this.personalData.detachCallMessagesWritten(manager, userId);
    return { volunteerProfilesAnonymised };
  }
}
