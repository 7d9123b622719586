import { Injectable } from '@nestjs/common';
import { PersonalDataExportArea, PersonalDataExportPart, PersonalDataExportStep } from '@prossimo/platform';
import { VolunteerPersonalDataRepository } from './volunteer-personal-data.repository';

/**
 * "Download my data", community's part: the volunteer profile, availability, the person's offers,
 * their requests to join others' offers (message decrypted), their answers to calls, and what they
 * wrote for a call's publisher to its accepted volunteers (decrypted).
 */
@Injectable()
export class VolunteerExport extends PersonalDataExportArea {
  readonly area = 'community';
  readonly sections = [
    'volunteerProfile',
    'availability',
    'volunteerOffers',
    'joinRequests',
    'callAnswers',
    'callMessagesSent',
  ];
  readonly tables = [
    'volunteer_profiles',
    'volunteer_offer_join_requests',
    'calls_to_action',
    'call_messages',
  ];

  constructor(private readonly personalData: VolunteerPersonalDataRepository) {
    super();
  }

  async collect({ manager, userId, decrypt }: PersonalDataExportStep): Promise<PersonalDataExportPart> {
    const volunteerProfile = await this.personalData.findProfileForExport(manager, userId);
    const availability = await this.personalData.findAvailabilityForExport(manager, userId);
    const volunteerOffers = await this.personalData.findOffersForExport(manager, userId);
    const joinRequests = await this.personalData.findJoinRequestsForExport(manager, userId);
    const callAnswers = await this.personalData.findCallAnswersForExport(manager, userId);
    const callMessagesSent = await this.personalData.findCallMessagesSentForExport(manager, userId);
    return {
      sections: {
        volunteerProfile: volunteerProfile ?? null,
        availability,
        volunteerOffers,
        joinRequests: joinRequests.map((row) =>
          this.decryptColumns(row, { message: 'message_encrypted' }, decrypt),
        ),
        callAnswers,
        callMessagesSent: callMessagesSent.map((row) =>
          this.decryptColumns(row, { body: 'body_encrypted' }, decrypt),
        ),
      },
    };
  }
}
